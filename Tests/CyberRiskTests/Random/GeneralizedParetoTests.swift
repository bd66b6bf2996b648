import Foundation
import StatisticalTesting
import Testing
@_spi(Engine) @testable import CyberRisk

@Suite struct GeneralizedParetoTests {
    /// The GPD survival function from its definition (independent of the sampler's inversion).
    static func cdf(_ x: Double, u: Double, sigma: Double, xi: Double) -> Double {
        guard x > u else { return 0 }
        let z = (x - u) / sigma
        return xi == 0 ? 1 - exp(-z) : 1 - pow(1 + xi * z, -1 / xi)
    }

    @Test("GPD(u, σ, ξ) for ξ = 0, 0.2 and 0.4: ≥ u, KS against the CDF, mean u + σ/(1−ξ), variance σ²/((1−ξ)²(1−2ξ)) (kurtosis given where the 4th moment exists, ξ < ¼)",
          arguments: [(0.0, 901 as UInt64), (0.2, 902), (0.4, 903)])
    func fit(xi: Double, seed: UInt64) {
        let u = 0.01, sigma = 0.02
        let xs = GoodnessOfFit.draws(seed: seed) { GeneralizedPareto.sample(threshold: u, scale: sigma, shape: xi, using: &$0) }
        #expect(xs.allSatisfy { $0 >= u && $0.isFinite })
        let variance = sigma * sigma / ((1 - xi) * (1 - xi) * (1 - 2 * xi))
        // Kurtosis μ₄/σ⁴ = 3(1 − 2ξ)(2ξ² + ξ + 3)/((1 − 3ξ)(1 − 4ξ)) for ξ < ¼.
        let kurtosis: Double? = xi < 0.25 ? 3 * (1 - 2 * xi) * (2 * xi * xi + xi + 3) / ((1 - 3 * xi) * (1 - 4 * xi)) : nil
        if xi < 0.25 {
            GoodnessOfFit.expectMoments(xs, mean: u + sigma / (1 - xi), variance: variance, kurtosis: kurtosis)
        } else {
            // The variance exists but not the fourth moment: only the mean, within 4·sd/√n.
            let mean = xs.reduce(0, +) / Double(xs.count)
            #expect(abs(mean - (u + sigma / (1 - xi))) <= 4 * (variance / Double(xs.count)).squareRoot())
        }
        GoodnessOfFit.expectFit(xs) { Self.cdf($0, u: u, sigma: sigma, xi: xi) }
    }

    @Test("heavy tail ξ = 0.8 (no variance): KS fit, and the tail P(X > x) at x = u + 100σ within 4 binomial SE")
    func heavyTail() {
        let u = 0.0, sigma = 1.0, xi = 0.8
        let xs = GoodnessOfFit.draws(seed: 904) { GeneralizedPareto.sample(threshold: u, scale: sigma, shape: xi, using: &$0) }
        GoodnessOfFit.expectFit(xs) { Self.cdf($0, u: u, sigma: sigma, xi: xi) }
        let x = 100.0, p = 1 - Self.cdf(x, u: u, sigma: sigma, xi: xi)
        let observed = Double(xs.filter { $0 > x }.count) / Double(xs.count)
        #expect(abs(observed - p) <= 4 * (p * (1 - p) / Double(xs.count)).squareRoot(), "\(observed) vs \(p)")
    }

    @Test("quantile and survival are inverse; survival matches the CDF")
    func quantileSurvival() {
        for p in [0.001, 0.1, 0.5, 0.9, 0.999] {
            for xi in [0.0, 0.3, 0.9] {
                let x = GeneralizedPareto.quantile(p, threshold: 0.1, scale: 2, shape: xi)
                #expect(abs(GeneralizedPareto.survival(x, threshold: 0.1, scale: 2, shape: xi) - (1 - p)) < 1e-12)
                #expect(abs(Self.cdf(x, u: 0.1, sigma: 2, xi: xi) - p) < 1e-12)
            }
        }
    }
}
