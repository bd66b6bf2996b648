import Foundation
import StatisticalTesting
import Testing
@_spi(Engine) @testable import CyberRisk

/// `BetaSum` against independent references — the exact mean and variance of the sum and its
/// exact Laplace transform `₁F₁(α; α + β; −θ)^K` — and against the term-by-term sum of
/// `Beta.Sampler` draws (a two-sample KS test: a second implementation, not a reference); the
/// fallback below the squeeze taken as often as the mathematics says, and the early stop.
@Suite struct BetaSumTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var alpha: Double, beta: Double
        /// Chunk size; nil for the automatic one.
        var chunk: Double?
        /// Terms summed.
        var count: Double
        var testDescription: String { "Beta(\(alpha), \(beta)), chunk \(chunk.map { "\($0)" } ?? "auto"), \(count) terms" }
        var sampler: BetaSum {
            chunk.map { BetaSum(alpha: alpha, beta: beta, chunk: $0) } ?? BetaSum(alpha: alpha, beta: beta)
        }
        /// Mean, variance and kurtosis `μ₄/σ⁴` of the sum of `count` i.i.d. terms (the excess
        /// kurtosis of a sum of `K` i.i.d. terms is the term's divided by `K`).
        var moments: (mean: Double, variance: Double, kurtosis: Double) {
            let s = alpha + beta, p = alpha * beta
            let termKurtosis = 3 + 6 * ((alpha - beta) * (alpha - beta) * (s + 1) - p * (s + 2)) / (p * (s + 2) * (s + 3))
            return (count * alpha / s, count * p / (s * s * (s + 1)), 3 + (termKurtosis - 3) / count)
        }
    }

    static let sampleSize = 40_000 * TestScale.factor

    /// The naive reference: `count` draws of `Beta.Sampler`, summed.
    static func naiveSums(_ c: Case, seed: UInt64) -> [Double] {
        let term = Beta.Sampler(alpha: c.alpha, beta: c.beta)
        return GoodnessOfFit.draws(sampleSize, seed: seed) { rng in
            var s = 0.0
            for _ in 0..<Int(c.count) { s += term.sample(using: &rng) }
            return s
        }
    }

    @Test("sum of K terms: exact mean and variance, two-sample KS against the term-by-term sum",
          arguments: [
              Case(alpha: 0.08, beta: 400, chunk: nil, count: 40),     // the baseline's shape, one chunk
              Case(alpha: 0.08, beta: 400, chunk: nil, count: 100),    // two full chunks and a remainder
              Case(alpha: 0.03, beta: 400, chunk: nil, count: 76),
              Case(alpha: 0.2, beta: 100, chunk: nil, count: 30),
              Case(alpha: 0.08, beta: 400, chunk: 1, count: 5),        // m = 1: one term per chunk
              Case(alpha: 0.99, beta: 10, chunk: nil, count: 6),       // edge of the regime
              Case(alpha: 0.99, beta: 10, chunk: 1, count: 3),
              Case(alpha: 0.5, beta: 10, chunk: 8, count: 8),          // mostly through the fallback
              Case(alpha: 1, beta: 500, chunk: nil, count: 3),         // outside the regime: term by term
              Case(alpha: 2, beta: 5, chunk: nil, count: 4),
          ])
    func matchesTermByTerm(_ c: Case) {
        let sampler = c.sampler
        let sums = GoodnessOfFit.draws(Self.sampleSize, seed: 901) { sampler.sample(count: c.count, using: &$0) }
        #expect(sums.allSatisfy { $0 >= 0 && $0 <= c.count })
        let exact = c.moments
        GoodnessOfFit.expectMoments(sums, mean: exact.mean, variance: exact.variance, kurtosis: exact.kurtosis)
        let naive = Self.naiveSums(c, seed: 902)
        let d = GoodnessOfFit.ksTwoSampleStatistic(sums, naive)
        #expect(d <= GoodnessOfFit.ksTwoSampleCritical(sums.count, naive.count), "KS D = \(d)")
    }

    /// An independent reference for the whole distribution of the sum: its Laplace transform is
    /// the term's to the power `K`, `E[e^{−θS}] = ₁F₁(α; α + β; −θ)^K` (Kummer's function by its
    /// series, `ReferenceCDF.kummer`, sharing no code with the samplers), and the estimator's
    /// variance is exact too, `E[e^{−2θS}] − E[e^{−θS}]²`. Three `θ` per case, `θ·E[S]` from ½ to 8,
    /// reach from the bulk to the lower tail; each sample mean of `e^{−θS}` must lie within 4 of
    /// its exact standard errors. (The KS test above compares with the term-by-term sampler, a
    /// second implementation but not an independent reference.)
    @Test("sum of K terms: Laplace transform against ₁F₁(α; α + β; −θ)^K",
          arguments: [
              Case(alpha: 0.08, beta: 400, chunk: nil, count: 40),
              Case(alpha: 0.08, beta: 400, chunk: nil, count: 100),
              Case(alpha: 0.03, beta: 400, chunk: nil, count: 76),
              Case(alpha: 0.2, beta: 100, chunk: nil, count: 30),
              Case(alpha: 0.5, beta: 10, chunk: 8, count: 8),
          ])
    func laplaceTransformMatchesKummer(_ c: Case) {
        let sampler = c.sampler
        let sums = GoodnessOfFit.draws(Self.sampleSize, seed: 906) { sampler.sample(count: c.count, using: &$0) }
        let mean = c.moments.mean
        for scale in [0.5, 2, 8] {
            let theta = scale / mean
            func transform(_ t: Double) -> Double { pow(ReferenceCDF.kummer(c.alpha, c.alpha + c.beta, minus: t), c.count) }
            let exact = transform(theta)
            let se = ((transform(2 * theta) - exact * exact) / Double(sums.count)).squareRoot()
            let observed = sums.reduce(0) { $0 + exp(-theta * $1) } / Double(sums.count)
            #expect(abs(observed - exact) <= 4 * se, "θ = \(theta): E[e^{−θS}] = \(observed) vs \(exact) ± \(4 * se)")
        }
    }

    @Test("chunk size: ((β − 1)/α²)^{1/3} in the regime, 0 (term by term) outside")
    func chunkSize() {
        #expect(BetaSum.chunkSize(alpha: 0.08, beta: 400) == 40)
        #expect(BetaSum.chunkSize(alpha: 0.03, beta: 400) == 76)
        #expect(BetaSum.chunkSize(alpha: 0.99, beta: 10) == 2)
        #expect(BetaSum.chunkSize(alpha: 1e-4, beta: 1e6) == BetaSum.maximumChunk)
        #expect(BetaSum.chunkSize(alpha: 1, beta: 500) == 0)
        #expect(BetaSum.chunkSize(alpha: 0.5, beta: 9.9) == 0)
        #expect(BetaSum(alpha: 0.08, beta: 400).chunk == 40)
        #expect(BetaSum(alpha: 2, beta: 5, chunk: 10).chunk == 0)
    }

    /// Beta(0.5, 10) in chunks of 8: `T = Gamma(4)/9` has mean 0.44, so the squeeze `L(T)` often
    /// fails and the shares decide. The expected number of share draws per accepted chunk is
    /// `P(U > L(T))/p^m`, with `P(U > L(T)) = 1 − E[L(T)]` (quadrature over the gamma density) and
    /// the per-term acceptance `p = E[a(Y)] = B(α, β)(β − 1)^α/Γ(α)`. The observed mean count
    /// must be within 4 standard errors (sample standard deviation of the per-chunk counts).
    @Test("the fallback below the squeeze is taken as often as the mathematics says")
    func fallbackRate() {
        let alpha = 0.5, beta = 10.0, m = 8.0
        let sampler = BetaSum(alpha: alpha, beta: beta, chunk: m)
        var counts = [Double]()
        for i in 0..<Self.sampleSize {
            var rng = RandomStream(seed: 903, trial: UInt64(i), stream: 0, site: 0)
            counts.append(Double(sampler.chunkSum(size: m, gamma: sampler.fullChunk, using: &rng).fallbacks))
        }
        let rate = beta - 1, shape = m * alpha
        // E[L(T)] = ∫ Gamma(shape) density(x)·exp(−rate·t²/(2(1 − t))), t = x/rate < 1 (Simpson).
        let steps = 200_000
        let h = rate / Double(steps)
        var integral = 0.0
        for k in 0...steps {
            let x = Double(k) * h
            let t = x / rate
            let density = x > 0 ? exp((shape - 1) * log(x) - x - lgamma(shape)) : 0
            let bound = t < 1 ? exp(-rate * t * t / (2 * (1 - t))) : 0
            let weight: Double = (k == 0 || k == steps) ? 1 : (k % 2 == 1 ? 4 : 2)
            integral += weight * density * bound
        }
        integral *= h / 3
        let termAcceptance = exp(lgamma(alpha) + lgamma(beta) - lgamma(alpha + beta) + alpha * log(rate) - lgamma(alpha))
        let expected = (1 - integral) / pow(termAcceptance, m)
        let (mean, variance) = GoodnessOfFit.meanAndVariance(counts)
        let tolerance = 4 * (variance / Double(counts.count)).squareRoot()
        #expect(expected > 0.5, "the case must exercise the fallback: \(expected) share draws per chunk")
        #expect(abs(mean - expected) <= tolerance, "share draws per chunk \(mean) vs \(expected) ± \(tolerance)")
    }

    @Test("stoppingAt: the same sum when it stays below the limit, else a partial sum ≥ the limit")
    func earlyStop() {
        let sampler = BetaSum(alpha: 0.2, beta: 100)
        for i in 0..<2000 {
            var a = RandomStream(seed: 904, trial: UInt64(i), stream: 0, site: 0)
            var b = a
            let full = sampler.sample(count: 200, using: &a)
            let limit = 0.35
            let stopped = sampler.sample(count: 200, stoppingAt: limit, using: &b)
            if full < limit {
                #expect(stopped == full)
            } else {
                #expect(stopped >= limit && stopped <= full)
            }
        }
    }

    @Test("huge counts end quickly once the limit is reached; no terms give 0")
    func hugeCounts() {
        var rng = RandomStream(seed: 905, trial: 0, stream: 0, site: 0)
        let sampler = BetaSum(alpha: 0.08, beta: 400)
        #expect(sampler.sample(count: 1e12, stoppingAt: 2, using: &rng) >= 2)
        #expect(sampler.sample(count: 0, using: &rng) == 0)
        #expect(BetaSum(alpha: 0, beta: 400).sample(count: 10, using: &rng) == 0)
    }
}
