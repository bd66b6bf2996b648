import Foundation
import StatisticalTesting
import Testing
@_spi(Engine) @testable import CyberRisk

@Suite struct PoissonTests {
    @Test("χ² goodness of fit (bins with expected ≥ 5, critical value at p = 0.001)",
          arguments: [0.5, 3, 9.9, 10, 50, 1e4])
    func chiSquare(mean: Double) {
        let xs = GoodnessOfFit.draws(seed: 301) { Poisson.sample(mean: mean, using: &$0) }
        let kMax = Int(mean + 10 * mean.squareRoot() + 20)
        let fit = GoodnessOfFit.chiSquare(xs, kMax: kMax) { ReferenceCDF.poissonProbability($0, mean: mean) }
        let critical = ReferenceCDF.chiSquareCritical(upperTail: 0.001, degreesOfFreedom: fit.degreesOfFreedom)
        #expect(fit.degreesOfFreedom >= 3)
        #expect(fit.statistic <= critical, "χ² = \(fit.statistic), df = \(fit.degreesOfFreedom), crit = \(critical)")
    }

    @Test("draws are non-negative integers; mean μ, variance μ (kurtosis 3 + 1/μ)",
          arguments: [0.5, 3, 9.9, 10, 50, 1e4, 1e6, 1e9])
    func moments(mean: Double) {
        let xs = GoodnessOfFit.draws(seed: 302) { Poisson.sample(mean: mean, using: &$0) }
        #expect(xs.allSatisfy { $0 >= 0 && $0 == $0.rounded() })
        GoodnessOfFit.expectMoments(xs, mean: mean, variance: mean, kurtosis: 3 + 1 / mean)
    }

    @Test("mean 0, negative, NaN → 0; +∞ → +∞; 1e12 and 1e16 → finite integer near the mean")
    func edgeCases() {
        var rng = RandomStream(seed: 303, trial: 0, stream: 0, site: 0)
        #expect(Poisson.sample(mean: 0, using: &rng) == 0)
        #expect(Poisson.sample(mean: -1, using: &rng) == 0)
        #expect(Poisson.sample(mean: .nan, using: &rng) == 0)
        #expect(Poisson.sample(mean: .infinity, using: &rng) == .infinity)
        for mean in [1e12, 1e16] {
            for _ in 0..<1000 {
                let k = Poisson.sample(mean: mean, using: &rng)
                // 6 standard deviations: P(|K − μ| > 6√μ) ≈ 2e−9 per draw.
                #expect(k == k.rounded() && abs(k - mean) <= 6 * mean.squareRoot())
            }
        }
    }

    @Test("inversion (μ < 10) is monotone in μ for a fixed stream")
    func inversionMonotone() {
        for trial in 0..<1000 {
            var previous = 0.0
            for mean in stride(from: 0.25, to: 10, by: 0.25) {
                var rng = RandomStream(seed: 304, trial: UInt64(trial), stream: 0, site: 0)
                let k = Poisson.sample(mean: mean, using: &rng)
                #expect(k >= previous)
                previous = k
            }
        }
    }
}
