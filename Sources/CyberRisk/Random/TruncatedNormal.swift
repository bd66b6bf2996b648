import Foundation

/// The normal distribution `N(mean, sd²)` conditioned on `[lower, upper]` (bounds may be ±∞).
///
/// Draws `mean + sd·Z` until one lands in `[lower, upper]` (about one word per attempt). To guarantee
/// termination, after 1000 rejections it switches to exact inversion inside the interval: with
/// `a = (lower − mean)/sd`, `b = (upper − mean)/sd` (reflected to the lower tail when
/// `a + b > 0`, so that `Φ` keeps relative precision), `Z = Φ⁻¹(Φ(a) + u·(Φ(b) − Φ(a)))` with one
/// more uniform `u`. Both phases sample the same law, so the switch does not bias the result.
/// `sd = 0` returns `mean` clamped into `[lower, upper]` without drawing.
///
/// Validation should reject intervals with `probabilityInside < 1e−9` (where `Φ` differences
/// lose meaning and the interval is almost surely a configuration error).
///
/// ```swift
/// var rng = RandomStream(seed: 1, trial: 0, stream: 0, site: 0)
/// let x = TruncatedNormal.sample(mean: 0.3, sd: 0.2, lower: 0, upper: 1, using: &rng)
/// TruncatedNormal.probabilityInside(mean: 0, sd: 1, lower: -1.96, upper: 1.96)   // ≈ 0.95
/// ```
package enum TruncatedNormal: Sendable {
    /// Rejections before switching to inversion.
    static let maximumRejections = 1000

    /// One draw in `[lower, upper]`. Preconditions (validated upstream): `sd ≥ 0`,
    /// `lower ≤ upper`, `probabilityInside(…) ≥ 1e−9`; otherwise the result is still finite
    /// (a value clamped into the bounds) whenever the inputs are.
    package static func sample(mean: Double, sd: Double, lower: Double, upper: Double,
                              using rng: inout RandomStream) -> Double {
        guard sd > 0 else { return Swift.min(Swift.max(mean, lower), upper) }
        for _ in 0..<maximumRejections {
            let x = mean + sd * rng.standardNormal()
            if x >= lower && x <= upper { return x }
        }
        var a = (lower - mean) / sd
        var b = (upper - mean) / sd
        let reflect = a + b > 0
        if reflect { (a, b) = (-b, -a) }
        let pa = Normal.cdf(a)
        let pb = Normal.cdf(b)
        var z = Normal.quantile(pa + rng.uniform() * (pb - pa))
        z = Swift.min(Swift.max(z, a), b)
        if reflect { z = -z }
        return Swift.min(Swift.max(mean + sd * z, lower), upper)
    }

    /// `P(lower ≤ X ≤ upper)` for `X ~ N(mean, sd²)`, computed in whichever tail keeps relative
    /// accuracy (e.g. `[40, ∞)` for `N(0, 1)` gives 3.7e−350 → 0, `[6, ∞)` gives 9.87e−10).
    /// `sd = 0`: 1 if `mean ∈ [lower, upper]`, else 0. Never negative.
    package static func probabilityInside(mean: Double, sd: Double, lower: Double, upper: Double) -> Double {
        guard sd > 0 else { return lower <= mean && mean <= upper ? 1 : 0 }
        let a = (lower - mean) / sd
        let b = (upper - mean) / sd
        let p = a + b > 0 ? Normal.cdf(-a) - Normal.cdf(-b) : Normal.cdf(b) - Normal.cdf(a)
        return Swift.max(p, 0)
    }
}
