import Foundation

/// The normal distribution `N(mean, sd²)` and the standard normal CDF `Φ` and quantile `Φ⁻¹`.
///
/// - `Φ(z) = ½·erfc(−z/√2)`: relative accuracy near machine precision in both tails
///   (`Φ(−z)` is the upper tail, with no cancellation).
/// - `Φ⁻¹(p)`: Acklam's rational approximation (relative error < 1.15e−9) refined by one Halley
///   step on `Φ(x) − p`, giving ~1e−15 relative accuracy; computed in the lower half and mirrored.
///
/// ```swift
/// Normal.cdf(1.959963984540054)      // 0.975
/// Normal.quantile(0.975)             // 1.959963984540054
/// var rng = RandomStream(seed: 1, trial: 0, stream: 0, site: 0)
/// let x = Normal.sample(mean: 10, sd: 2, using: &rng)
/// ```
package enum Normal: Sendable {
    /// `mean + sd·Z`, `Z` from `RandomStream.standardNormal()` (ziggurat, about one word).
    @inline(__always)
    package static func sample(mean: Double, sd: Double, using rng: inout RandomStream) -> Double {
        mean + sd * rng.standardNormal()
    }

    /// `Φ(z) = P(Z ≤ z)`; `Φ(−∞) = 0`, `Φ(∞) = 1`.
    @inline(__always)
    package static func cdf(_ z: Double) -> Double {
        0.5 * Foundation.erfc(-z * 0.70710678118654752440)
    }

    /// `Φ⁻¹(p)` for `p ∈ [0, 1]`: `−∞` at 0, `+∞` at 1, NaN outside or for NaN.
    package static func quantile(_ p: Double) -> Double {
        guard p > 0 && p < 1 else {
            if p == 0 { return -.infinity }
            if p == 1 { return .infinity }
            return .nan
        }
        return p > 0.5 ? -lowerQuantile(1 - p) : lowerQuantile(p)   // 1 − p is exact for p > ½
    }

    /// `Φ⁻¹(p)` for `0 < p ≤ ½`.
    private static func lowerQuantile(_ p: Double) -> Double {
        var x: Double
        if p < 0.02425 {
            let q = (-2 * Foundation.log(p)).squareRoot()
            let num = ((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00
            let den = (((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                + 3.754408661907416e+00) * q + 1
            x = num / den
        } else {
            let q = p - 0.5
            let r = q * q
            let num = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
            let den = ((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1
            x = num / den
        }
        // One Halley step: e = Φ(x) − p, u = e/φ(x), x ← x − u/(1 + x·u/2).
        let e = cdf(x) - p
        let u = e * 2.50662827463100050242 * Foundation.exp(x * x / 2)
        if u.isFinite { x -= u / (1 + x * u / 2) }
        return x
    }
}
