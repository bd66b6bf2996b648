import Testing
@_spi(Engine) @testable import CyberRisk

@Suite struct CascadePolicyIterationTests {
    /// The hand-computed example of `CascadeTests`: A = [[0, 0.5], [0.8, 0]], c = (0.9, 0) has the
    /// fixed point (1, 0.8), which policy iteration reaches exactly (S = {0} after one round).
    @Test func handComputedSaturationIsExact() {
        let a: [Double] = [0, 0.5, 0.8, 0]
        let c: [Double] = [0.9, 0]
        var q = [Double](repeating: -1, count: 2)
        var work = [Double](repeating: 0, count: 2 * 3)
        let settled = Cascade.saturatingByPolicyIteration(shocks: c, matrix: a, into: &q, work: &work, n: 2)
        #expect(settled)
        #expect(q == [1, 0.8])
    }

    /// Random Leontief systems (n = 2…24, A ≥ 0 with row sums up to 0.95, shocks large enough that
    /// 0 to most sectors saturate): policy iteration settles, its q is a fixed point of
    /// q = min(1, c + A q) to rounding, and it agrees with the plain iteration run to convergence.
    @Test func agreesWithTheIterationOnRandomSystems() {
        var rng = RandomStream(seed: 19, trial: 0, stream: 0, site: 0)
        var withSaturation = 0, withSeveral = 0
        for case_ in 0..<300 {
            let n = 2 + case_ % 23
            let rowSum = 0.3 + 0.65 * rng.uniform()
            var a = [Double](repeating: 0, count: n * n)
            for i in 0..<n {
                var total = 0.0
                for j in 0..<n { a[i * n + j] = rng.uniform(); total += a[i * n + j] }
                for j in 0..<n { a[i * n + j] *= rowSum / total }
            }
            let scale = [0.01, 0.5, 1.5, 4][case_ % 4]
            let c = (0..<n).map { _ in scale * rng.uniform() * rng.uniform() }
            var q = [Double](repeating: 0, count: n)
            var work = [Double](repeating: 0, count: n * (n + 1))
            #expect(Cascade.saturatingByPolicyIteration(shocks: c, matrix: a, into: &q, work: &work, n: n))
            var reference = c
            for _ in 0..<100_000 {
                var change = 0.0
                var next = reference
                for i in 0..<n {
                    var y = c[i]
                    for j in 0..<n { y += a[i * n + j] * reference[j] }
                    next[i] = min(1, max(0, y))
                    change = max(change, abs(next[i] - reference[i]))
                }
                reference = next
                if change < 1e-16 { break }
            }
            var saturated = 0
            for i in 0..<n {
                var y = c[i]
                for j in 0..<n { y += a[i * n + j] * q[j] }
                #expect(abs(q[i] - min(1, y)) < 1e-13, "case \(case_), sector \(i): not a fixed point")
                #expect(abs(q[i] - reference[i]) < 1e-12, "case \(case_), sector \(i): \(q[i]) vs \(reference[i])")
                if q[i] == 1 { saturated += 1 }
            }
            if saturated > 0 { withSaturation += 1 }
            if saturated > 1 && saturated < n { withSeveral += 1 }
        }
        // The cases exercise the re-classification, not only the Leontief first round.
        #expect(withSaturation >= 100)
        #expect(withSeveral >= 50)
    }

    /// `saturatingSingle(…, work:)` (the forecast's per-trial entry point) returns the
    /// policy-iteration result; the iteration `saturatingSingle(…, scratch:)` agrees within 1e−12.
    @Test func saturatingSingleUsesPolicyIteration() {
        let a: [Double] = [0.1, 0.3, 0.2, 0.4, 0, 0.3, 0.2, 0.5, 0.1]
        let c: [Double] = [0.8, 0.05, 0.3]
        var q = [Double](repeating: 0, count: 3)
        var scratch = [Double](repeating: 0, count: 3 * 5)
        Cascade.saturatingSingle(shocks: c, matrix: a, into: &q, work: &scratch, n: 3)
        var iterated = [Double](repeating: 0, count: 3)
        var next = [Double](repeating: 0, count: 3)
        Cascade.saturatingSingle(shocks: c, matrix: a, into: &iterated, scratch: &next, n: 3)
        var exact = [Double](repeating: 0, count: 3)
        var work = [Double](repeating: 0, count: 3 * 4)
        #expect(Cascade.saturatingByPolicyIteration(shocks: c, matrix: a, into: &exact, work: &work, n: 3))
        #expect(q == exact)
        #expect(q[0] == 1)
        for i in 0..<3 { #expect(abs(iterated[i] - q[i]) < 1e-12) }
    }
}
