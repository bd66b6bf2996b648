import Testing
@_spi(Engine) @testable import CyberRisk

@Suite struct CascadeTests {
    /// Hand-computed IIM: A = [[0, 0.5], [0.2, 0]], c = (0.1, 0) ⇒ q = (I − A)⁻¹c = (0.1/0.9, 0.02/0.9).
    @Test func linearBlockMatchesHandComputedLeontief() throws {
        let l = try #require(LinearAlgebra.leontiefInverse([0, 0.5, 0.2, 0], n: 2))
        let c: [Double] = [0.1, 0, 0, 0.3]   // two trials
        var q = [Double](repeating: -1, count: 4)
        Cascade.linearBlock(shocks: c, leontief: l, into: &q, rows: 2, n: 2)
        #expect(abs(q[0] - 0.1 / 0.9) < 1e-15)
        #expect(abs(q[1] - 0.02 / 0.9) < 1e-15)
        // Second trial: c = (0, 0.3) ⇒ q = (0.15/0.9, 0.3/0.9).
        #expect(abs(q[2] - 0.15 / 0.9) < 1e-15)
        #expect(abs(q[3] - 0.3 / 0.9) < 1e-15)
    }

    /// A = [[0, 0.5], [0.8, 0]], c = (0.9, 0): the Leontief solution (1.5, 1.2) clamps to (1, 1);
    /// the saturating least fixed point is q1 = min(1, 0.9 + 0.5 q2), q2 = 0.8 q1 ⇒ (1, 0.8).
    @Test func saturatingDiffersFromClampedLinearWhenASectorSaturates() throws {
        let a: [Double] = [0, 0.5, 0.8, 0]
        let c: [Double] = [0.9, 0]
        var q = [Double](repeating: 0, count: 2)
        var scratch = [Double](repeating: 0, count: 2)
        Cascade.saturatingBlock(shocks: c, matrix: a, into: &q, scratch: &scratch, rows: 1, n: 2)
        #expect(q[0] == 1)
        #expect(abs(q[1] - 0.8) < 1e-12)

        var single = [Double](repeating: 0, count: 2)
        Cascade.saturatingSingle(shocks: c, matrix: a, into: &single, scratch: &scratch, n: 2)
        #expect(single[0] == 1 && abs(single[1] - 0.8) < 1e-12)

        var work = a
        var linear = [Double](repeating: 0, count: 2)
        var pivots: [Int32] = [0, 0]
        Cascade.linearSingle(shocks: c, matrix: &work, into: &linear, n: 2, pivots: &pivots)
        #expect(linear == [1, 1])
    }

    /// Without saturation both modes solve q = c + A q.
    @Test func modesAgreeWhenNothingSaturates() throws {
        let a: [Double] = [0.1, 0.2, 0.05, 0, 0.1, 0.3, 0.2, 0.1, 0]
        let c: [Double] = [0.05, 0.01, 0.02]
        var sat = [Double](repeating: 0, count: 3)
        var scratch = [Double](repeating: 0, count: 3)
        Cascade.saturatingSingle(shocks: c, matrix: a, into: &sat, scratch: &scratch, n: 3)
        var work = a
        var lin = [Double](repeating: 0, count: 3)
        var pivots: [Int32] = [0, 0, 0]
        Cascade.linearSingle(shocks: c, matrix: &work, into: &lin, n: 3, pivots: &pivots)
        for i in 0..<3 {
            // The iteration stops once a step changes q by < 1e-12; with ρ(A) ≈ 0.36 the remaining
            // error is below 1e-12·ρ/(1−ρ) < 1e-12.
            #expect(abs(sat[i] - lin[i]) < 1e-12)
            var residual = c[i] - lin[i]
            for j in 0..<3 { residual += a[i * 3 + j] * lin[j] }
            #expect(abs(residual) < 1e-15)
        }
    }

    @Test func clampMapsIntoUnitIntervalAndNaNToOne() {
        var x: [Double] = [-0.1, 0.5, 1.2, .nan]
        Cascade.clamp(&x, count: 4)
        #expect(x == [0, 0.5, 1, 1])
    }

    /// Two random `I − A` (`A ≥ 0` with some exact zeros, `ρ(A) < 1`) of size `n`, as a pair.
    static func pairSystems(n: Int, seed: UInt64, zeroShare: Double) -> (a: [[Double]], c: [[Double]]) {
        var rng = SplitMix64(seed: seed)
        var systems = [[Double]](), shocks = [[Double]]()
        for _ in 0..<2 {
            var m = [Double](repeating: 0, count: n * n)
            for i in 0..<n {
                for j in 0..<n where rng.uniform() >= zeroShare {
                    m[i * n + j] = -0.6 / Double(n) * rng.uniform()    // row sums of A < 0.6
                }
                m[i * n + i] += 1
            }
            systems.append(m)
            shocks.append((0..<n).map { _ in rng.uniform() * 0.01 })
        }
        return (systems, shocks)
    }

    /// `solveSmallPair` against `solveSmall` on each system: bitwise equal solutions, including
    /// pairs whose multipliers are 0 in one lane only (different zero patterns).
    @Test("paired elimination equals solveSmall bit for bit", arguments: [(16, 0.0), (16, 0.4), (7, 0.5), (1, 0.0)])
    func pairEqualsSingle(n: Int, zeroShare: Double) {
        for seed in UInt64(1)...20 {
            let (a, c) = Self.pairSystems(n: n, seed: seed, zeroShare: zeroShare)
            var m = (0..<n * n).map { SIMD2(a[0][$0], a[1][$0]) }
            var x = (0..<n).map { SIMD2(c[0][$0], c[1][$0]) }
            #expect(Cascade.solveSmallPair(&m, &x, n: n))
            for lane in 0..<2 {
                var single = a[lane], b = c[lane]
                #expect(Cascade.solveSmall(&single, &b, n: n))
                #expect((0..<n).allSatisfy { x[$0][lane].bitPattern == b[$0].bitPattern }, "seed \(seed), lane \(lane)")
            }
        }
    }

    /// A pair where one system needs a row exchange (`|m₁₀| > |m₀₀|`), or has a zero pivot, is
    /// refused, so that the caller uses `solveSmall`.
    @Test func pairRefusesRowExchangesAndZeroPivots() {
        let identity: [Double] = [1, 0, 0, 1]
        for other in [[0.5, 0.1, 0.9, 1], [0, 1, 1, 0]] {
            var m = (0..<4).map { SIMD2(identity[$0], other[$0]) }
            var x = [SIMD2<Double>(1, 1), SIMD2<Double>(2, 2)]
            #expect(!Cascade.solveSmallPair(&m, &x, n: 2))
        }
    }

}
