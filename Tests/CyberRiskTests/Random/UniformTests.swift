import StatisticalTesting
import Testing
@_spi(Engine) @testable import CyberRisk

@Suite struct UniformTests {
    @Test("sample(lower: -2, upper: 5): inside, mean 1.5, variance 49/12 (kurtosis 9/5), KS")
    func fit() {
        let xs = GoodnessOfFit.draws(seed: 601) { Uniform.sample(lower: -2, upper: 5, using: &$0) }
        #expect(xs.allSatisfy { $0 > -2 && $0 < 5 })
        GoodnessOfFit.expectMoments(xs, mean: 1.5, variance: 49.0 / 12, kurtosis: 1.8)
        GoodnessOfFit.expectFit(xs) { min(max(($0 + 2) / 7, 0), 1) }
    }

    @Test("lower == upper gives lower")
    func degenerate() {
        var rng = RandomStream(seed: 602, trial: 0, stream: 0, site: 0)
        #expect(Uniform.sample(lower: 3, upper: 3, using: &rng) == 3)
    }
}
