import Foundation
import StatisticalTesting
import Testing
@_spi(Engine) @testable import CyberRisk

@Suite struct LognormalTests {
    @Test("Lognormal(median 100, σ 0.5): positive; mean m·e^{σ²/2}, variance m²e^{σ²}(e^{σ²}−1), kurtosis e^{4σ²}+2e^{3σ²}+3e^{2σ²}−3; KS")
    func fit() {
        let median = 100.0, sigma = 0.5
        let xs = GoodnessOfFit.draws(seed: 901) { Lognormal.sample(median: median, sigma: sigma, using: &$0) }
        #expect(xs.allSatisfy { $0 > 0 && $0.isFinite })
        let s2 = sigma * sigma
        GoodnessOfFit.expectMoments(xs, mean: median * exp(s2 / 2), variance: median * median * exp(s2) * expm1(s2),
                                    kurtosis: exp(4 * s2) + 2 * exp(3 * s2) + 3 * exp(2 * s2) - 3)
        GoodnessOfFit.expectFit(xs) { ReferenceCDF.normal(log($0 / median) / sigma) }
    }
}
