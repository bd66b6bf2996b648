import StatisticalTesting
import Testing
@_spi(Engine) @testable import CyberRisk

@Suite struct PERTTests {
    @Test("PERT(20, 40, 120): in bounds; moments of 20 + 100·Beta(1.8, 4.2); KS against I")
    func fit() {
        let (lo, mode, hi) = (20.0, 40.0, 120.0)
        let alpha = 1 + 4 * (mode - lo) / (hi - lo), beta = 1 + 4 * (hi - mode) / (hi - lo)
        let xs = GoodnessOfFit.draws(seed: 801) { PERT.sample(lower: lo, mode: mode, upper: hi, using: &$0) }
        #expect(xs.allSatisfy { $0 >= lo && $0 <= hi })
        let w = hi - lo, s = alpha + beta, p = alpha * beta
        let betaVariance = p / (s * s * (s + 1))
        let kurtosis = 3 + 6 * ((alpha - beta) * (alpha - beta) * (s + 1) - p * (s + 2)) / (p * (s + 2) * (s + 3))
        // Mean is the classic PERT (lo + 4·mode + hi)/6 = 50.
        GoodnessOfFit.expectMoments(xs, mean: (lo + 4 * mode + hi) / 6, variance: w * w * betaVariance,
                                    kurtosis: kurtosis)
        GoodnessOfFit.expectFit(xs) { ReferenceCDF.betaI(alpha, beta, ($0 - lo) / w) }
    }

    @Test("lower == upper gives lower; mode at a bound stays in bounds")
    func degenerate() {
        var rng = RandomStream(seed: 802, trial: 0, stream: 0, site: 0)
        #expect(PERT.sample(lower: 4, mode: 4, upper: 4, using: &rng) == 4)
        for _ in 0..<1000 {
            let x = PERT.sample(lower: 0, mode: 0, upper: 1, using: &rng)
            #expect(x >= 0 && x <= 1)
        }
    }
}
