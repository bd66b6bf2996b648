import Foundation

/// The generalized Pareto distribution above a threshold `u` with scale `σ > 0` and shape `ξ ≥ 0`:
///
///     P(X > x) = (1 + ξ(x − u)/σ)^(−1/ξ)   (ξ > 0),      e^{−(x − u)/σ}   (ξ = 0),     x ≥ u,
///
/// the limit law of excesses over a high threshold (Pickands 1975; Balkema & de Haan 1974) and
/// the tail of peaks-over-threshold fits of cyber losses (Eling & Wirfs 2019). Mean
/// `u + σ/(1 − ξ)` for `ξ < 1`; variance `σ²/((1 − ξ)²(1 − 2ξ))` for `ξ < ½`. `ξ > 0` is heavy
/// tailed (moments of order `≥ 1/ξ` do not exist); `ξ = 0` is the exponential.
///
/// Sampled exactly by inversion: with `E = −ln U ~ Exp(1)`, `U^{−ξ} = e^{ξE}`, so
/// `X = u + σ·(e^{ξE} − 1)/ξ = u + σ·expm1(ξE)/ξ` (accurate for small `ξ`, exactly `u + σE` at
/// `ξ = 0`). `E` comes from the exponential ziggurat (exact in distribution, one word ≈ 99% of
/// the time).
///
/// ```swift
/// var rng = RandomStream(seed: 1, trial: 0, stream: 0, site: 0)
/// let x = GeneralizedPareto.sample(threshold: 0.01, scale: 0.02, shape: 0.5, using: &rng)   // ≥ 0.01
/// ```
enum GeneralizedPareto: Sendable {
    /// One draw. Preconditions (validated upstream): `scale > 0`, `shape ≥ 0`, all finite.
    @inline(__always)
    static func sample(threshold u: Double, scale sigma: Double, shape xi: Double,
                              using rng: inout RandomStream) -> Double {
        excess(scale: sigma, shape: xi, exponential: ExponentialZiggurat.sample(using: &rng)) + u
    }

    /// The excess `X − u` for the exponential variate `e`: `σ·expm1(ξe)/ξ`, or `σe` for `ξ = 0`.
    @inline(__always)
    static func excess(scale sigma: Double, shape xi: Double, exponential e: Double) -> Double {
        xi > 0 ? sigma * Foundation.expm1(xi * e) / xi : sigma * e
    }

    /// `P(X > x)` (1 below the threshold).
    static func survival(_ x: Double, threshold u: Double, scale sigma: Double, shape xi: Double) -> Double {
        guard x > u else { return 1 }
        let z = (x - u) / sigma
        return xi > 0 ? Foundation.exp(-Foundation.log1p(xi * z) / xi) : Foundation.exp(-z)
    }

    /// The quantile `F⁻¹(p)`, `p ∈ [0, 1)`: `u + σ((1 − p)^{−ξ} − 1)/ξ`, or `u − σ ln(1 − p)`.
    static func quantile(_ p: Double, threshold u: Double, scale sigma: Double, shape xi: Double) -> Double {
        excess(scale: sigma, shape: xi, exponential: -Foundation.log1p(-p)) + u
    }
}
