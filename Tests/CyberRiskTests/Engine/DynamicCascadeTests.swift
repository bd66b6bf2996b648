import Testing
@_spi(Engine) @testable import CyberRisk

/// ``DynamicCascade/step(_:transitionColumns:input:scratch:n:)`` holds rows in registers in blocks
/// of sixteen and eight; ``DynamicYear/record(_:threshold:n:peak:disrupted:total:)`` takes eight
/// sectors at a time. Both must give the bits of the row-by-row definition for every `N` (the
/// blocks, the remainder rows, the skipped zero columns, the clamp at 0 and 1 and `NaN ↦ 1`).
@Suite struct DynamicCascadeTests {
    /// `q ← clamp₀¹(M q + u)` row by row, in the order of the definition: `u_i`, then `M_ij q_j` for
    /// `j = 0 … N−1` with `q_j ≠ 0`.
    static func reference(_ q: [Double], columns mt: [Double], input u: [Double]?, n: Int) -> [Double] {
        (0..<n).map { i in
            var v = u?[i] ?? 0
            for j in 0..<n where q[j] != 0 { v += mt[j * n + i] * q[j] }
            return v >= 0 ? (v <= 1 ? v : 1) : (v.isNaN ? 1 : 0)
        }
    }

    @Test func blockedStepEqualsTheRowByRowDefinitionBitForBit() {
        var rng = RandomStream(seed: 16, trial: 0, stream: 0, site: 0)
        for n in 1...40 {
            for round in 0..<4 {
                // Entries of mixed sign and size so that some rows clamp at 0 or 1; some q_j = 0.
                let mt = (0..<(n * n)).map { _ in (rng.uniform() - 0.3) * 0.8 }
                var q = (0..<n).map { j in j % 3 == 1 ? 0 : rng.uniform() }
                if round == 3 && n > 2 { q[n - 1] = .nan }   // a NaN spreads: every row ↦ 1
                let u: [Double]? = round % 2 == 0 ? nil : (0..<n).map { _ in rng.uniform() * 0.5 }
                let expected = Self.reference(q, columns: mt, input: u, n: n)
                var next = [Double](repeating: 0, count: n)
                mt.withUnsafeBufferPointer { m in
                q.withUnsafeMutableBufferPointer { qp in
                next.withUnsafeMutableBufferPointer { np in
                    if let u {
                        u.withUnsafeBufferPointer {
                            DynamicCascade.step(qp.baseAddress!, transitionColumns: m.baseAddress!, input: $0.baseAddress!,
                                                scratch: np.baseAddress!, n: n)
                        }
                    } else {
                        DynamicCascade.step(qp.baseAddress!, transitionColumns: m.baseAddress!, input: nil,
                                            scratch: np.baseAddress!, n: n)
                    }
                }
                }
                }
                #expect(q.map(\.bitPattern) == expected.map(\.bitPattern), "N = \(n), round \(round)")
            }
        }
    }

    @Test func blockedRecordEqualsTheSectorBySectorDefinition() {
        var rng = RandomStream(seed: 16, trial: 1, stream: 0, site: 0)
        let threshold = 0.5
        for n in 1...20 {
            var peak = [Double](repeating: 0, count: n), days = peak, total = peak
            var expectedPeak = peak, expectedDays = peak, expectedTotal = peak
            for day in 0..<30 {
                let q = (0..<n).map { i in (i + day) % 4 == 0 ? 0 : rng.uniform() }
                let live = q.withUnsafeBufferPointer { qp in
                    DynamicYear.record(qp.baseAddress!, threshold: threshold, n: n, peak: &peak, disrupted: &days,
                                       total: &total)
                }
                for i in 0..<n {
                    expectedPeak[i] = Swift.max(expectedPeak[i], q[i])
                    if q[i] >= threshold { expectedDays[i] += 1 }
                    expectedTotal[i] += q[i]
                }
                #expect(live == q.contains { $0 != 0 })
            }
            #expect(peak == expectedPeak && days == expectedDays, "N = \(n)")
            #expect(total.map(\.bitPattern) == expectedTotal.map(\.bitPattern), "N = \(n)")
        }
    }
}
