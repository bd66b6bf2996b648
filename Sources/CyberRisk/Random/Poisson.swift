import Foundation

/// The Poisson distribution, `P(K = k) = e^{−μ} μ^k / k!`; mean and variance `μ`.
///
/// The count is returned as a `Double` holding an integer, so no mean (up to `+∞`) can overflow
/// an integer conversion; callers compare with `<` and count with `Double`.
///
/// - `μ < 10`: inversion by sequential search from `k = 0` with one uniform `u`
///   (`≈ μ + 1` steps; monotone in `μ` for a fixed `u`). The search stops once the next
///   probability no longer changes the accumulated CDF in floating point, so it always
///   terminates (the truncated tail is below 2⁻⁵³).
/// - `10 ≤ μ < 2⁵²`: PTRS, the transformed rejection method with squeeze of Hörmann (1993),
///   "The transformed rejection method for generating Poisson random variables", Insurance:
///   Mathematics and Economics 12, 39–45. Two uniforms per attempt, acceptance ≈ 90%
///   and independent of `μ`. The log-probability in the acceptance test is evaluated as
///   `−μ·h((k − μ)/μ) − ½ ln(2πk) − δ(k)` with `h(x) = (1 + x) ln(1 + x) − x` and the Stirling
///   remainder `δ`, so that it keeps full accuracy where `k ln μ − ln k!` would cancel
///   catastrophically (e.g. `μ = 1e12`).
/// - `μ ≥ 2⁵²`: integers are no longer all representable; returns `round(μ + √μ·Z)`
///   (the normal approximation, whose skewness error `1/√μ ≤ 1.5e−8` is far below anything
///   observable).
///
/// ```swift
/// var rng = RandomStream(seed: 1, trial: 0, stream: 0, site: 0)
/// let k = Poisson.sample(mean: 3, using: &rng)       // 0, 1, 2, … as Double
/// let n = Poisson.sample(mean: 1e9, using: &rng)     // ≈ 1e9 ± 3.2e4
/// ```
@_spi(Engine) public enum Poisson: Sendable {
    /// One draw. `mean = 0` gives 0 without drawing. Precondition (validated upstream):
    /// `mean ≥ 0` and finite; a negative or NaN mean returns 0 and `+∞` returns `+∞`,
    /// never trapping.
    @_spi(Engine) public static func sample(mean: Double, using rng: inout RandomStream) -> Double {
        guard mean > 0 else { return 0 }
        if mean < 10 { return inversion(mean: mean, using: &rng) }
        if mean < 0x1p52 { return transformedRejection(mean: mean, using: &rng) }
        if mean == .infinity { return .infinity }
        return (mean + mean.squareRoot() * rng.standardNormal()).rounded()
    }

    /// Sequential-search inversion for `0 < mean < 10`.
    @inline(__always)
    private static func inversion(mean: Double, using rng: inout RandomStream) -> Double {
        inversion(mean: mean, uniform: rng.uniform())
    }

    /// The draw for `0 ≤ mean < 10` from a given uniform `u ∈ (0, 1)` (the inversion above):
    /// exactly one uniform per draw, so callers can take several counts from one stream, word by
    /// word. `mean = 0` gives 0.
    @inline(__always)
    public static func inversion(mean: Double, uniform u: Double) -> Double {
        guard mean > 0 else { return 0 }
        var k = 0.0
        var pmf = Foundation.exp(-mean)
        var cdf = pmf
        while u > cdf {
            k += 1
            pmf *= mean / k
            let next = cdf + pmf
            if next == cdf { break }
            cdf = next
        }
        return k
    }

    /// PTRS (Hörmann 1993) for `10 ≤ mean < 2⁵²`. The logarithms are needed only after the
    /// squeeze fails (≈ 12% of attempts), so they are computed there.
    private static func transformedRejection(mean: Double, using rng: inout RandomStream) -> Double {
        let b = 0.931 + 2.53 * mean.squareRoot()
        let a = -0.059 + 0.02483 * b
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = rng.uniform() - 0.5
            let v = rng.uniform()
            let us = 0.5 - Swift.abs(u)
            let k = floorOrNegative(((2 * a / us + b) * u + mean + 0.43))
            if us >= 0.07 && v <= vr { return k }
            if k < 0 || (us < 0.013 && v > us) { continue }
            let logInvAlpha = Foundation.log(1.1239 + 1.1328 / (b - 3.4))
            let lhs = Foundation.log(v) + logInvAlpha - Foundation.log(a / (us * us) + b)
            if lhs <= logProbability(k, mean: mean, logMean: Foundation.log(mean)) { return k }
        }
    }

    /// `⌊x⌋` for `x ≥ 0` by integer truncation (no `floor` call on baseline x86-64), and `−1` for
    /// `x < 0` (PTRS rejects every negative candidate, whatever its value) and NaN.
    @inline(__always)
    static func floorOrNegative(_ x: Double) -> Double {
        if x >= 0x1p52 { return x }          // already an integer
        return x >= 0 ? Double(Int64(x)) : -1
    }

    /// `ln P(K = k)` for `K ~ Poisson(mean)`, accurate for any `mean ≥ 10`, integer `k ≥ 0`.
    @inline(__always)
    static func logProbability(_ k: Double, mean: Double, logMean: Double) -> Double {
        if k < 50 {
            return -mean + k * logMean - Foundation.lgamma(k + 1)
        }
        // ln k! = (k + ½) ln k − k + ½ ln 2π + δ(k), δ(k) = 1/(12k) − 1/(360k³) + 1/(1260k⁵) − …
        // (truncation error < 1/(1680k⁷) < 1e−15 for k ≥ 50), and
        // −μ + k ln μ − k ln k + k = −μ·h(x), x = (k − μ)/μ, h(x) = (1 + x) ln(1 + x) − x.
        let x = (k - mean) / mean
        let h = (1 + x) * Foundation.log1p(x) - x
        let r = 1 / k
        let r2 = r * r
        let delta = r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260)))
        return -mean * h - 0.5 * Foundation.log(2 * Double.pi * k) - delta
    }
}
