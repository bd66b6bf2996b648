import Foundation
import StatisticalTesting
import Testing
@_spi(Engine) @testable import CyberRisk

@Suite struct BetaTests {
    struct Shapes: Sendable, CustomTestStringConvertible {
        var alpha: Double, beta: Double
        var testDescription: String { "Beta(\(alpha), \(beta))" }
        var mean: Double { alpha / (alpha + beta) }
        var variance: Double { alpha * beta / ((alpha + beta) * (alpha + beta) * (alpha + beta + 1)) }
        /// `μ₄/σ⁴ = 3 + 6[(α − β)²(α + β + 1) − αβ(α + β + 2)] / [αβ(α + β + 2)(α + β + 3)]`.
        var kurtosis: Double {
            let s = alpha + beta
            let p = alpha * beta
            return 3 + 6 * ((alpha - beta) * (alpha - beta) * (s + 1) - p * (s + 2)) / (p * (s + 2) * (s + 3))
        }
    }

    private func draws(_ s: Shapes, seed: UInt64) -> [Double] {
        GoodnessOfFit.draws(seed: seed) { Beta.sample(alpha: s.alpha, beta: s.beta, using: &$0) }
    }

    @Test("moments and KS against I_x(α, β)",
          arguments: [Shapes(alpha: 0.5, beta: 0.5), Shapes(alpha: 1.5, beta: 25), Shapes(alpha: 2, beta: 5),
                      Shapes(alpha: 1, beta: 500), Shapes(alpha: 1, beta: 0.3), Shapes(alpha: 3, beta: 1),
                      Shapes(alpha: 1, beta: 1)])
    func fit(_ s: Shapes) {
        let xs = draws(s, seed: 501)
        #expect(xs.allSatisfy { $0 >= 0 && $0 <= 1 })
        GoodnessOfFit.expectMoments(xs, mean: s.mean, variance: s.variance, kurtosis: s.kurtosis)
        GoodnessOfFit.expectFit(xs) { ReferenceCDF.betaI(s.alpha, s.beta, $0) }
    }

    /// For small `α` the draws span hundreds of orders of magnitude and the mean is carried by rare
    /// large ones: at `α = 0.03` the mean's own sampling error at 10⁵ draws is 1.8%, so its 4-SE
    /// test lets a ±7% scale error pass, and the KS statistic (which does not change under
    /// `x ↦ ln x`: a KS on `ln X` is this one) barely moves under a small change of `α`. The bulk
    /// is on the log scale, where the exact `E[ln X] = ψ(α) − ψ(α + β)` with
    /// `Var ln X = ψ'(α) − ψ'(α + β)` is sharp: a 5% error in `α` moves `E[ln X]` by 3.8 of its
    /// 4-SE tolerances at `α = 0.03` and `α = 0.2` alike (≈ 0.05/α against 4·(1/α)/√n).
    @Test("small α, large β (the attack severities): moments, E[ln X] and KS, one sampler for all draws",
          arguments: [Shapes(alpha: 0.03, beta: 400), Shapes(alpha: 0.2, beta: 100), Shapes(alpha: 0.08, beta: 0.9)])
    func severities(_ s: Shapes) {
        let sampler = Beta.Sampler(alpha: s.alpha, beta: s.beta)
        let xs = GoodnessOfFit.draws(seed: 506) { sampler.sample(using: &$0) }
        #expect(xs.allSatisfy { $0 > 0 && $0 <= 1 }, "a draw of 0 has no logarithm (probability < 1e−9 here)")
        GoodnessOfFit.expectMoments(xs, mean: s.mean, variance: s.variance, kurtosis: s.kurtosis)
        let logs = xs.map { log($0) }
        let meanLog = ReferenceCDF.digamma(s.alpha) - ReferenceCDF.digamma(s.alpha + s.beta)
        let varianceLog = ReferenceCDF.trigamma(s.alpha) - ReferenceCDF.trigamma(s.alpha + s.beta)
        GoodnessOfFit.expectMoments(logs, mean: meanLog, variance: varianceLog, kurtosis: nil)
        GoodnessOfFit.expectFit(xs) { ReferenceCDF.betaI(s.alpha, s.beta, $0) }
    }

    /// The reference functions themselves: ψ(1) = −γ, ψ(½) = −γ − 2 ln 2, ψ'(1) = π²/6,
    /// ψ'(½) = π²/2, and ₁F₁(a; a + 1; −z) = a·γ(a, z)/z^a (the Laplace transform of Beta(a, 1)).
    @Test func referenceFunctionsKnownValues() {
        let euler = 0.5772156649015329
        #expect(abs(ReferenceCDF.digamma(1) + euler) < 1e-14)
        #expect(abs(ReferenceCDF.digamma(0.5) + euler + 2 * log(2.0)) < 1e-14)
        #expect(abs(ReferenceCDF.trigamma(1) - Double.pi * Double.pi / 6) < 1e-13)
        #expect(abs(ReferenceCDF.trigamma(0.5) - Double.pi * Double.pi / 2) < 1e-12)
        for (a, z) in [(0.5, 3.0), (2.0, 10.0), (0.08, 40.0)] {
            let viaGamma = a * ReferenceCDF.gammaP(a, z) * exp(lgamma(a)) / pow(z, a)
            #expect(abs(ReferenceCDF.kummer(a, a + 1, minus: z) - viaGamma) < 1e-12, "a = \(a), z = \(z)")
        }
    }

    @Test("extreme shapes: always in [0, 1], mean and variance within 4 standard errors",
          arguments: [Shapes(alpha: 1e-4, beta: 1e-4), Shapes(alpha: 1e6, beta: 1e6),
                      Shapes(alpha: 0.5, beta: 1e9), Shapes(alpha: 1e9, beta: 1e9)])
    func extremes(_ s: Shapes) {
        let xs = draws(s, seed: 502)
        #expect(xs.allSatisfy { $0 >= 0 && $0 <= 1 })
        GoodnessOfFit.expectMoments(xs, mean: s.mean, variance: s.variance, kurtosis: s.kurtosis)
    }

    @Test("Beta(1e-6, 5): never NaN, in [0, 1]; P(X > 1e-300) = 1 − I(1e-300) within 4 binomial sd")
    func tinyAlpha() {
        // The mean 2e−7 is carried by events of probability ~1e−6, so a 1e5-sample mean is not a
        // meaningful check; the fraction of draws above 1e−300 (≈ 6.9e−4) is.
        let s = Shapes(alpha: 1e-6, beta: 5)
        let xs = draws(s, seed: 503)
        #expect(xs.allSatisfy { $0 >= 0 && $0 <= 1 })
        let p = ReferenceCDF.betaUpperTail(s.alpha, s.beta, 1e-300)
        let n = Double(xs.count)
        let count = Double(xs.filter { $0 > 1e-300 }.count)
        #expect(abs(count - n * p) <= 4 * (n * p * (1 - p)).squareRoot(), "count \(count) vs \(n * p)")
    }

    @Test("every pair of shapes in {1e-6, 1e-3, 0.5, 1, 3, 1e3, 1e6, 1e9}: 1000 draws, none NaN, all in [0, 1]")
    func grid() {
        let shapes = [1e-6, 1e-3, 0.5, 1, 3, 1e3, 1e6, 1e9]
        for alpha in shapes {
            for beta in shapes {
                let xs = GoodnessOfFit.draws(1000, seed: 505) { Beta.sample(alpha: alpha, beta: beta, using: &$0) }
                #expect(xs.allSatisfy { $0 >= 0 && $0 <= 1 }, "Beta(\(alpha), \(beta))")
            }
        }
    }

    @Test("invalid shapes do not trap and return 0")
    func invalid() {
        var rng = RandomStream(seed: 504, trial: 0, stream: 0, site: 0)
        #expect(Beta.sample(alpha: 0, beta: 1, using: &rng) == 0)
        #expect(Beta.sample(alpha: .nan, beta: 1, using: &rng) == 0)
        #expect(Beta.sample(alpha: 1, beta: -1, using: &rng) == 0)
    }
}
