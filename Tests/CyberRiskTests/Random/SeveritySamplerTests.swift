import Foundation
import StatisticalTesting
import Testing
@_spi(Engine) @testable import CyberRisk

/// The severity families against their exact distribution functions (with the cap at 1) and the
/// sampler's closed-form capped means.
@Suite struct SeveritySamplerTests {
    static let n = GoodnessOfFit.sampleSize

    /// The cap at 1 is an atom of mass `1 − F(1⁻)`: the draws below 1 against `F(x)/F(1⁻)` (KS),
    /// the share of capped draws against `1 − F(1⁻)` (within 4 binomial SE), and the sample mean
    /// within 4 SE of `sampler.mean` (the SE from the sample). `cdf` is the uncapped CDF.
    static func check(_ sampler: SeveritySampler, seed: UInt64, cdf: (Double) -> Double,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let xs = GoodnessOfFit.draws(seed: seed) { sampler.sample(using: &$0) }
        #expect(xs.allSatisfy { $0 >= 0 && $0 <= 1 }, sourceLocation: sourceLocation)
        let below = xs.filter { $0 < 1 }
        let f1 = cdf(1.0.nextDown)
        GoodnessOfFit.expectFit(below, cdf: { cdf($0) / f1 }, sourceLocation: sourceLocation)
        let capped = Double(xs.count - below.count) / Double(xs.count), atom = 1 - f1
        #expect(abs(capped - atom) <= 4 * (atom * (1 - atom) / Double(xs.count)).squareRoot() + 1e-12,
                "capped share \(capped) vs \(atom)", sourceLocation: sourceLocation)
        let (mean, variance) = GoodnessOfFit.meanAndVariance(xs)
        let se = (variance / Double(xs.count)).squareRoot()
        #expect(abs(mean - sampler.mean) <= 4 * se, "mean \(mean) vs \(sampler.mean) ± \(4 * se)", sourceLocation: sourceLocation)
    }

    @Test("lognormal capped at 1: KS against Φ(ln(x/m)/σ) below 1, mean = E[min(1, X)]")
    func lognormal() {
        // σ large enough that 2% of the draws are capped.
        let m = 0.05, s = 1.5
        let sampler = SeveritySampler(kind: .lognormal, m, s)
        Self.check(sampler, seed: 11) { ReferenceCDF.normal(log($0 / m) / s) }
        #expect(abs(sampler.mean - SeveritySampler.cappedLognormalMean(median: m, sigma: s)) == 0)
    }

    @Test("GPD capped at 1: KS against its CDF below 1, mean = u + ∫ₐ¹ P(X > x) dx", arguments: [0.0, 0.5, 0.9])
    func gpd(xi: Double) {
        let u = 0.001, sigma = 0.02
        let sampler = SeveritySampler(kind: .gpd, u, sigma, xi)
        Self.check(sampler, seed: 12) { GeneralizedParetoTests.cdf($0, u: u, sigma: sigma, xi: xi) }
        // The closed form against a trapezoid integration of the survival function.
        var integral = u
        let steps = 200_000
        let h = (1 - u) / Double(steps)
        for k in 0..<steps {
            let a = u + Double(k) * h, b = a + h
            integral += h * (2 - GeneralizedParetoTests.cdf(a, u: u, sigma: sigma, xi: xi)
                             - GeneralizedParetoTests.cdf(b, u: u, sigma: sigma, xi: xi)) / 2
        }
        #expect(abs(sampler.mean - integral) < 1e-7)
    }

    /// The spliced CDF: `(1 − p)·F(x)/F(u)` below `u`, `(1 − p) + p·G(x − u)` above.
    static func splicedCDF(_ x: Double, body: (Double) -> Double, u: Double, p: Double, sigma: Double, xi: Double) -> Double {
        if x < u { return (1 - p) * body(x) / body(u) }
        return (1 - p) + p * GeneralizedParetoTests.cdf(x, u: u, sigma: sigma, xi: xi)
    }

    @Test("spliced Beta body + GPD tail: KS against the spliced CDF, P(S > u) = p, capped mean")
    func splicedBeta() {
        let a = 0.5, b = 200.0, u = 0.005, p = 0.05, sigma = 0.01, xi = 0.6
        let sampler = SeveritySampler(kind: .splicedBeta, a, b, u, p, sigma, xi)
        Self.check(sampler, seed: 13) { Self.splicedCDF($0, body: { ReferenceCDF.betaI(a, b, $0) }, u: u, p: p, sigma: sigma, xi: xi) }
        let xs = GoodnessOfFit.draws(seed: 14) { sampler.sample(using: &$0) }
        let above = Double(xs.filter { $0 >= u }.count) / Double(xs.count)
        #expect(abs(above - p) <= 4 * (p * (1 - p) / Double(xs.count)).squareRoot())
        #expect(abs(sampler.bodyMassBelowThreshold - ReferenceCDF.betaI(a, b, u)) < 1e-12)
    }

    @Test("spliced lognormal body + GPD tail: KS against the spliced CDF, capped mean")
    func splicedLognormal() {
        let m = 0.0002, s = 1.2, u = 0.001, p = 0.1, sigma = 0.002, xi = 0.5
        let sampler = SeveritySampler(kind: .splicedLognormal, m, s, u, p, sigma, xi)
        Self.check(sampler, seed: 15) {
            Self.splicedCDF($0, body: { $0 <= 0 ? 0 : ReferenceCDF.normal(log($0 / m) / s) }, u: u, p: p, sigma: sigma, xi: xi)
        }
    }

    @Test("beta family: the sampler's draws are Beta.Sampler's, its sums BetaSum's, word for word")
    func betaIsBeta() {
        let sampler = SeveritySampler(kind: .beta, 0.08, 400)
        var a = RandomStream(seed: 3, trial: 0, stream: 0, site: 0), b = a
        for _ in 0..<100 { #expect(sampler.sample(using: &a) == Beta.Sampler(alpha: 0.08, beta: 400).sample(using: &b)) }
        var c = RandomStream(seed: 4, trial: 0, stream: 0, site: 0), d = c
        #expect(sampler.sum(count: 500, using: &c) == BetaSum(alpha: 0.08, beta: 400).sample(count: 500, using: &d))
        #expect(sampler.mean == 0.08 / 400.08)
    }

    @Test("sums of other families are the sum of consecutive draws, stopping once the limit is reached")
    func sums() {
        let sampler = SeveritySampler(kind: .gpd, 0.001, 0.01, 0.5)
        var a = RandomStream(seed: 5, trial: 0, stream: 0, site: 0), b = a
        var expected = 0.0
        for _ in 0..<40 { expected += sampler.sample(using: &b) }
        #expect(sampler.sum(count: 40, using: &a) == expected)
        var c = RandomStream(seed: 6, trial: 0, stream: 0, site: 0)
        let stopped = sampler.sum(count: 1e12, stoppingAt: 0.5, using: &c)
        #expect(stopped >= 0.5 && stopped < 1.5)
        #expect(sampler.sum(count: 0, using: &c) == 0)
    }

    @Test("matches(kind:values:) recognises the same six values only")
    func cache() {
        let v: [Double] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]
        let sampler = v.withUnsafeBufferPointer { SeveritySampler(kind: .splicedBeta, values: $0.baseAddress!) }
        v.withUnsafeBufferPointer { #expect(sampler.matches(kind: .splicedBeta, values: $0.baseAddress!)) }
        v.withUnsafeBufferPointer { #expect(!sampler.matches(kind: .splicedLognormal, values: $0.baseAddress!)) }
        var w = v
        w[5] = 0.61
        w.withUnsafeBufferPointer { #expect(!sampler.matches(kind: .splicedBeta, values: $0.baseAddress!)) }
    }
}
