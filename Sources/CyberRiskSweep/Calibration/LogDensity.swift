@_spi(Engine) import CyberRisk
import Foundation

/// Log densities (up to nothing: normalised) of the distributions the calibration's priors use.
///
/// The gamma density is evaluated stably for large shapes, where `α·ln α − lnΓ(α)` would cancel:
/// for `α ≥ 10`, with Stirling's series `lnΓ(α) = (α − ½) ln α − α + ½ ln 2π + r(α)`,
///
///     ln Gamma(x | α, rate α/m) = ½ ln α − ½ ln 2π − r(α) − ln x − α·(x/m − 1 − ln(x/m)),
///
/// `r(α) = 1/(12α) − 1/(360α³) + 1/(1260α⁵)` (truncation error below 1/(1680α⁷) < 1e−10).
///
/// ```swift
/// LogDensity.gamma(2, shape: 3, rate: 1.5)       // ln of the Gamma(3, rate 1.5) density at 2
/// LogDensity.parameter(.pert(lower: 0.2, mode: 0.4, upper: 0.667), at: 0.5)
/// ```
enum LogDensity {
    /// `ln` of the Gamma(shape `α`, rate `β`) density at `x > 0` (`−∞` for `x ≤ 0`).
    static func gamma(_ x: Double, shape a: Double, rate b: Double) -> Double {
        guard x > 0 else { return -.infinity }
        if a >= 10 {
            let m = a / b   // the mean
            let t = x / m
            return 0.5 * Foundation.log(a) - 0.5 * Foundation.log(2 * Double.pi) - stirlingRemainder(a)
                - Foundation.log(x) - a * (t - 1 - Foundation.log(t))
        }
        return a * Foundation.log(b) - Foundation.lgamma(a) + (a - 1) * Foundation.log(x) - b * x
    }

    /// `r(x) = lnΓ(x) − (x − ½) ln x + x − ½ ln 2π` for `x ≥ 10`, from Stirling's series.
    static func stirlingRemainder(_ x: Double) -> Double {
        let r = 1 / x, r2 = r * r
        return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260)))
    }

    /// `ln` of the half-normal density with scale `s` at `x ≥ 0`.
    static func halfNormal(_ x: Double, scale s: Double) -> Double {
        guard x >= 0 else { return -.infinity }
        return 0.5 * Foundation.log(2 / Double.pi) - Foundation.log(s) - 0.5 * (x / s) * (x / s)
    }

    /// `ln` of the `N(mean, sd²)` density at `x`.
    static func normal(_ x: Double, mean: Double, sd: Double) -> Double {
        let z = (x - mean) / sd
        return -0.5 * z * z - Foundation.log(sd) - 0.5 * Foundation.log(2 * Double.pi)
    }

    /// `ln` of a parameter's density at `x` (`−∞` outside its support): uniform, triangular,
    /// Beta-PERT (λ = 4), lognormal `m·e^{σZ}` and the normal truncated to `[min, max]`; a shared
    /// reference has the marginal density of its scaled distribution. A fixed value has no
    /// density: 0 at the value, `−∞` elsewhere.
    static func parameter(_ p: Parameter, at x: Double) -> Double {
        switch p {
        case .fixed(let v):
            return x == v ? 0 : -.infinity
        case .uniform(let a, let b):
            return x >= a && x <= b && b > a ? -Foundation.log(b - a) : -.infinity
        case .triangular(let a, let c, let b):
            guard x >= a && x <= b && b > a else { return -.infinity }
            if x < c { return Foundation.log(2 * (x - a) / ((b - a) * (c - a))) }
            if x > c { return Foundation.log(2 * (b - x) / ((b - a) * (b - c))) }
            return Foundation.log(2 / (b - a))
        case .pert(let a, let c, let b):
            guard x >= a && x <= b && b > a else { return -.infinity }
            let w = b - a
            let alpha = 1 + 4 * (c - a) / w, beta = 1 + 4 * (b - c) / w
            let y = (x - a) / w
            return (alpha - 1) * Foundation.log(y) + (beta - 1) * Foundation.log1p(-y)
                - (Foundation.lgamma(alpha) + Foundation.lgamma(beta) - Foundation.lgamma(alpha + beta)) - Foundation.log(w)
        case .lognormal(let median, let sigma):
            guard x > 0 else { return -.infinity }
            guard sigma > 0 else { return x == median ? 0 : -.infinity }
            return normal(Foundation.log(x), mean: Foundation.log(median), sd: sigma) - Foundation.log(x)
        case .normal(let mu, let sd, let lo, let hi):
            guard x >= lo && x <= hi else { return -.infinity }
            guard sd > 0 else { return x == Swift.min(Swift.max(mu, lo), hi) ? 0 : -.infinity }
            let inside = TruncatedNormal.probabilityInside(mean: mu, sd: sd, lower: lo, upper: hi)
            return normal(x, mean: mu, sd: sd) - Foundation.log(inside)
        case .shared(let r):
            // The marginal density of the referenced value (scale × the shared draw).
            return parameter(r.equivalent, at: x)
        }
    }
}
