import Foundation
import StatisticalTesting
import Testing
@_spi(Engine) @testable import CyberRisk

@Suite struct GammaTests {
    @Test("sample(shape:scale: 2): mean kθ, variance kθ² (kurtosis 3 + 6/k), KS against P(k, x/θ)",
          arguments: [0.3, 1, 2.5, 40])
    func fit(shape: Double) {
        let scale = 2.0
        let xs = GoodnessOfFit.draws(seed: 401) { Gamma.sample(shape: shape, scale: scale, using: &$0) }
        #expect(xs.allSatisfy { $0 >= 0 && $0.isFinite })
        GoodnessOfFit.expectMoments(xs, mean: shape * scale, variance: shape * scale * scale,
                                    kurtosis: 3 + 6 / shape)
        GoodnessOfFit.expectFit(xs) { ReferenceCDF.gammaP(shape, $0 / scale) }
    }

    @Test("logSample for tiny and moderate shapes: finite, KS of ln X against P(k, e^y)",
          arguments: [1e-6, 0.01, 0.3, 2.5])
    func logFit(shape: Double) {
        let ys = GoodnessOfFit.draws(seed: 402) { Gamma.logSample(shape: shape, using: &$0) }
        #expect(ys.allSatisfy { $0.isFinite })
        GoodnessOfFit.expectFit(ys) { ReferenceCDF.gammaP(shape, logX: $0) }
    }

    @Test("invalid shapes do not trap: ≤ 0 or NaN → 0 (log −∞), +∞ → +∞")
    func invalid() {
        var rng = RandomStream(seed: 403, trial: 0, stream: 0, site: 0)
        #expect(Gamma.sample(shape: 0, scale: 1, using: &rng) == 0)
        #expect(Gamma.sample(shape: -2, scale: 1, using: &rng) == 0)
        #expect(Gamma.sample(shape: .nan, scale: 1, using: &rng) == 0)
        #expect(Gamma.logSample(shape: .nan, using: &rng) == -.infinity)
        #expect(Gamma.sample(shape: .infinity, scale: 1, using: &rng) == .infinity)
    }
}
