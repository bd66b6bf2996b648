import Foundation

/// The families a severity (a share of a sector's annual operation, in `[0, 1]`) may follow.
enum SeverityKind: Sendable, Equatable, Hashable, CaseIterable {
    /// `Beta(α, β)`; values `(α, β)`.
    case beta
    /// `min(1, m·e^{σZ})`; values `(median m, sigma σ)`.
    case lognormal
    /// `min(1, u + GPD(σ, ξ))`; values `(threshold u, scale σ, shape ξ)`.
    case gpd
    /// A `Beta(α, β)` body below `u` spliced with a GPD tail above it; values
    /// `(α, β, threshold u, tail probability p, scale σ, shape ξ)`.
    case splicedBeta
    /// A lognormal body below `u` spliced with a GPD tail; values
    /// `(median m, sigma σ, threshold u, tail probability p, scale σ_t, shape ξ)`.
    case splicedLognormal
}

/// One severity distribution with its constants computed once, for many draws: the attack
/// severities of a sector (summed over a sector-year's attacks) and the severities of an event
/// class. Every draw is capped at 1 (a severity is a share of a year).
///
/// - **beta**: ``Beta/Sampler``; sums by ``BetaSum`` (chunked, exact).
/// - **lognormal**: `m·e^{σZ}`, `Z` from the ziggurat.
/// - **gpd**: ``GeneralizedPareto`` by inversion.
/// - **spliced** (body below `u`, GPD above): with one uniform `V`, `V < p` gives the tail
///   `u + GPD(σ, ξ)`; otherwise the body conditioned on `X < u` — for the lognormal body exactly
///   by ``TruncatedNormal`` on `Z ≤ ln(u/m)/σ`, for the Beta body by rejection (redraw until
///   `X < u`; validation requires the body to put at least 0.1 % of its mass below `u`). The
///   density is `(1 − p)·f(x)/F(u)` below `u` and `p·g(x − u)` above: `P(S > u) = p` exactly.
///
/// Values are given in the order of ``SeverityKind`` (six slots, unused ones ignored).
///
/// ```swift
/// let s = SeveritySampler(kind: .gpd, 0.001, 0.004, 0.5, 0, 0, 0)
/// var rng = RandomStream(seed: 1, trial: 0, stream: 0, site: 0)
/// let x = s.sample(using: &rng)                       // in [0.001, 1]
/// let total = s.sum(count: 12, stoppingAt: 2, using: &rng)
/// s.mean                                              // E[min(1, X)] = 0.009 (uncapped 0.009)
/// ```
struct SeveritySampler: Sendable {
    /// Number of value slots.
    static let slotCount = 6

    let kind: SeverityKind
    /// The six values as given (for cache checks).
    let values: (Double, Double, Double, Double, Double, Double)
    /// The Beta family's sums and draws (also the spliced Beta body's draws); blank otherwise.
    let betaSum: BetaSum
    /// Lognormal median and sigma (family or body).
    let median: Double
    let sigma: Double
    /// GPD threshold, scale and shape (family or tail).
    let threshold: Double
    let scale: Double
    let shape: Double
    /// Probability of the GPD tail (spliced only).
    let tailProbability: Double
    /// `ln(u/m)/σ`: the largest standard normal of the truncated lognormal body.
    let bodyLimit: Double

    init(kind: SeverityKind, _ v0: Double, _ v1: Double, _ v2: Double = 0, _ v3: Double = 0,
                _ v4: Double = 0, _ v5: Double = 0) {
        self.kind = kind
        values = (v0, v1, v2, v3, v4, v5)
        switch kind {
        case .beta:
            betaSum = BetaSum(alpha: v0, beta: v1)
            (median, sigma, threshold, scale, shape, tailProbability) = (0, 0, 0, 0, 0, 0)
        case .lognormal:
            betaSum = BetaSum(alpha: 0, beta: 0)
            (median, sigma, threshold, scale, shape, tailProbability) = (v0, v1, 0, 0, 0, 0)
        case .gpd:
            betaSum = BetaSum(alpha: 0, beta: 0)
            (median, sigma, threshold, scale, shape, tailProbability) = (0, 0, v0, v1, v2, 1)
        case .splicedBeta:
            betaSum = BetaSum(alpha: v0, beta: v1, chunk: 0)
            (median, sigma, threshold, tailProbability, scale, shape) = (0, 0, v2, v3, v4, v5)
        case .splicedLognormal:
            betaSum = BetaSum(alpha: 0, beta: 0)
            (median, sigma, threshold, tailProbability, scale, shape) = (v0, v1, v2, v3, v4, v5)
        }
        bodyLimit = kind == .splicedLognormal && v0 > 0 && v1 > 0 ? Foundation.log(v2 / v0) / v1 : .infinity
    }

    /// A sampler from six consecutive values (a slice of a trial's parameter vector).
    init(kind: SeverityKind, values p: UnsafePointer<Double>) {
        self.init(kind: kind, p[0], p[1], p[2], p[3], p[4], p[5])
    }

    /// Whether this sampler was built for `kind` and the six values at `p` (bitwise), so a cached
    /// sampler can be reused.
    @inline(__always)
    func matches(kind other: SeverityKind, values p: UnsafePointer<Double>) -> Bool {
        kind == other && values.0 == p[0] && values.1 == p[1] && values.2 == p[2]
            && values.3 == p[3] && values.4 == p[4] && values.5 == p[5]
    }

    /// One severity in `[0, 1]`.
    @inline(__always)
    func sample(using rng: inout RandomStream) -> Double {
        switch kind {
        case .beta:
            return betaSum.single.sample(using: &rng)
        case .lognormal:
            return Swift.min(1, median * Foundation.exp(sigma * rng.standardNormal()))
        case .gpd:
            return Swift.min(1, GeneralizedPareto.sample(threshold: threshold, scale: scale, shape: shape, using: &rng))
        case .splicedBeta, .splicedLognormal:
            return splicedSample(using: &rng)
        }
    }

    /// The spliced draw: the tail with probability `p`, else the body below `u`.
    @inline(__always)
    func splicedSample(using rng: inout RandomStream) -> Double {
        if rng.uniform() < tailProbability {
            return Swift.min(1, GeneralizedPareto.sample(threshold: threshold, scale: scale, shape: shape, using: &rng))
        }
        if kind == .splicedLognormal {
            guard sigma > 0 else { return Swift.min(median, threshold) }
            let z = TruncatedNormal.sample(mean: 0, sd: 1, lower: -.infinity, upper: bodyLimit, using: &rng)
            return Swift.min(threshold, median * Foundation.exp(sigma * z))
        }
        while true {
            let x = betaSum.single.sample(using: &rng)
            if x < threshold { return x }
        }
    }

    /// `Σ_{j<count} S_j` of `count` independent severities, or, once a partial sum reaches
    /// `limit`, that partial sum (the direct shock `min(1, d·Σ)` needs no more terms). Beta sums
    /// are drawn in chunks (``BetaSum``); the other families term by term.
    @inline(__always)
    func sum(count: Double, stoppingAt limit: Double = .infinity, using rng: inout RandomStream) -> Double {
        if kind == .beta { return betaSum.sample(count: count, stoppingAt: limit, using: &rng) }
        var total = 0.0
        var left = count
        while left > 0 && total < limit {
            total += sample(using: &rng)
            left -= 1
        }
        return total
    }

    // MARK: Moments and masses (outside the simulation)

    /// `E[min(1, S)]`, the mean severity with the cap (closed forms per family).
    var mean: Double {
        switch kind {
        case .beta:
            return values.0 / (values.0 + values.1)
        case .lognormal:
            return SeveritySampler.cappedLognormalMean(median: median, sigma: sigma)
        case .gpd:
            return SeveritySampler.cappedGPDMean(threshold: threshold, scale: scale, shape: shape)
        case .splicedBeta, .splicedLognormal:
            return (1 - tailProbability) * bodyMeanBelowThreshold
                + tailProbability * SeveritySampler.cappedGPDMean(threshold: threshold, scale: scale, shape: shape)
        }
    }

    /// `F_body(u)`: the share of the spliced body's mass below the threshold (1 for other kinds).
    var bodyMassBelowThreshold: Double {
        switch kind {
        case .splicedBeta:
            return IncompleteBeta.regularized(a: values.0, b: values.1, x: threshold)
        case .splicedLognormal:
            return sigma > 0 ? Normal.cdf(bodyLimit) : (median < threshold ? 1 : 0)
        default:
            return 1
        }
    }

    /// `E[X | X < u]` of the spliced body.
    var bodyMeanBelowThreshold: Double {
        switch kind {
        case .splicedBeta:
            let a = values.0, b = values.1
            return a / (a + b) * IncompleteBeta.regularized(a: a + 1, b: b, x: threshold)
                / IncompleteBeta.regularized(a: a, b: b, x: threshold)
        case .splicedLognormal:
            guard sigma > 0 else { return median }
            return median * Foundation.exp(sigma * sigma / 2) * Normal.cdf(bodyLimit - sigma) / Normal.cdf(bodyLimit)
        default:
            return mean
        }
    }

    /// `E[min(1, m·e^{σZ})] = m·e^{σ²/2}·Φ((−ln m − σ²)/σ) + 1 − Φ(−ln m/σ)`.
    static func cappedLognormalMean(median m: Double, sigma s: Double) -> Double {
        guard s > 0 else { return Swift.min(1, m) }
        let z = -Foundation.log(m) / s
        return m * Foundation.exp(s * s / 2) * Normal.cdf(z - s) + Normal.cdf(-z)
    }

    /// `E[min(1, X)]` for `X = u + GPD(σ, ξ)`: `u + ∫_u^1 P(X > x) dx`, i.e.
    /// `u + σ/(1 − ξ)·(1 − (1 + ξ(1 − u)/σ)^{1 − 1/ξ})` (`σ(1 − e^{−(1 − u)/σ})` at `ξ = 0`,
    /// `σ·ln(1 + (1 − u)/σ)` at `ξ = 1`); 1 when `u ≥ 1`.
    static func cappedGPDMean(threshold u: Double, scale sigma: Double, shape xi: Double) -> Double {
        guard u < 1 else { return 1 }
        let span = 1 - u
        if xi == 0 { return u - sigma * Foundation.expm1(-span / sigma) }
        if xi == 1 { return u + sigma * Foundation.log1p(span / sigma) }
        let z = Foundation.log1p(xi * span / sigma)
        return u - sigma / (1 - xi) * Foundation.expm1((1 - 1 / xi) * z)
    }
}
