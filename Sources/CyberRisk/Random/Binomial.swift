import Foundation

/// The binomial distribution, `P(K = k) = C(n, k) p^k (1 − p)^{n−k}` for `k = 0…n`; mean `np`,
/// variance `np(1 − p)`. The number of the `n` independent trials of probability `p` that
/// succeed: never more than `n`.
///
/// `n` is a whole number held in a `Double`, and so is the count returned. Exact in
/// distribution (up to the uniforms' 2⁻⁵² resolution) for every `n < 2⁵³`:
///
/// - `p > ½`: `n − K'` with `K' ~ Binomial(n, 1 − p)` (`1 − p` is exact there), so below `p ≤ ½`;
/// - `np < 10`: inversion by sequential search from `k = 0` with one uniform, the probabilities
///   by the recursion `f(k + 1) = f(k)·(n − k)/(k + 1)·p/(1 − p)` from `f(0) = e^{n·ln(1 − p)}`
///   (≥ e⁻¹⁴, no underflow); the search stops at `k = n` or once the next probability no longer
///   changes the accumulated CDF in floating point (the truncated tail is below 2⁻⁵³);
/// - `np ≥ 10`: BTRS, the transformed rejection with squeeze of Hörmann (1993), "The generation
///   of binomial random variables", J. Statist. Comput. Simul. 46, 101–110, with the logarithm
///   of `V` in the acceptance test that the paper's listing omits (as in CPython's
///   `random.binomialvariate`). Two uniforms per attempt. The log-probability ratio of the test,
///   `ln f(k) − ln f(m)` (`m = ⌊(n + 1)p⌋` the mode), is computed by Loader's saddle-point form
///   (C. Loader, "Fast and accurate computation of binomial probabilities", 2000):
///   `ln f(k) = ½ ln(n/(2π k(n − k))) + δ(n) − δ(k) − δ(n − k) − D(k, np) − D(n − k, n(1 − p))`
///   with `δ` the Stirling remainder and `D(x, μ) = x ln(x/μ) + μ − x` evaluated without
///   cancellation, so it keeps full accuracy where `ln k! + ln(n − k)!` would lose digits;
/// - `n ≥ 2⁵³` (not every count is representable): `round(np + √(np(1 − p))·Z)` clamped to
///   `[0, n]`, the normal approximation.
///
/// ```swift
/// var rng = RandomStream(seed: 1, trial: 0, stream: 0, site: 0)
/// let k = Binomial.sample(count: 150, probability: 0.004, using: &rng)   // 0, 1, 2, … ≤ 150
/// ```
@_spi(Engine) public enum Binomial: Sendable {
    /// One draw of `Binomial(count, probability)`. A `count` below 1 (or NaN) or a `probability`
    /// of 0 or less (or NaN) gives 0 without drawing; a `probability` of 1 or more gives `count`.
    /// Precondition (validated upstream): `count` is a whole number.
    @_spi(Engine) public static func sample(count n: Double, probability p: Double, using rng: inout RandomStream) -> Double {
        guard n >= 1, p > 0 else { return 0 }
        if p >= 1 { return n }
        if p > 0.5 { return n - lower(count: n, probability: 1 - p, using: &rng) }
        return lower(count: n, probability: p, using: &rng)
    }

    /// `0 < p ≤ ½`.
    @inline(__always)
    private static func lower(count n: Double, probability p: Double, using rng: inout RandomStream) -> Double {
        if n * p < 10 { return inversion(count: n, probability: p, using: &rng) }
        if n < 0x1p53 { return transformedRejection(count: n, probability: p, using: &rng) }
        let mean = n * p
        let k = (mean + (mean * (1 - p)).squareRoot() * rng.standardNormal()).rounded()
        return Swift.min(n, Swift.max(0, k))
    }

    /// Sequential-search inversion for `np < 10`, `p ≤ ½`.
    @inline(__always)
    private static func inversion(count n: Double, probability p: Double, using rng: inout RandomStream) -> Double {
        let u = rng.uniform()
        let ratio = p / (1 - p)
        var k = 0.0
        var pmf = Foundation.exp(n * Foundation.log1p(-p))
        var cdf = pmf
        while u > cdf && k < n {
            pmf *= ratio * (n - k) / (k + 1)
            k += 1
            let next = cdf + pmf
            if next == cdf { break }
            cdf = next
        }
        return k
    }

    /// BTRS (Hörmann 1993) for `np ≥ 10`, `p ≤ ½`, `n < 2⁵³`. The setup of the acceptance test
    /// (needed only after the squeeze fails, ≈ 14% of attempts) is computed there, once.
    private static func transformedRejection(count n: Double, probability p: Double,
                                             using rng: inout RandomStream) -> Double {
        let q = 1 - p
        let spq = (n * p * q).squareRoot()
        let b = 1.15 + 2.53 * spq
        let a = -0.0873 + 0.0248 * b + 0.01 * p
        let c = n * p + 0.5
        let vr = 0.92 - 4.2 / b
        var alpha = 0.0, mode = 0.0, logModeProbability = 0.0
        var prepared = false
        while true {
            let u = rng.uniform() - 0.5
            let v = rng.uniform()
            let us = 0.5 - Swift.abs(u)
            let k = Poisson.floorOrNegative((2 * a / us + b) * u + c)
            if k < 0 || k > n { continue }
            if us >= 0.07 && v <= vr { return k }
            if !prepared {
                alpha = (2.83 + 5.1 / b) * spq
                mode = Foundation.floor((n + 1) * p)
                logModeProbability = logProbability(mode, count: n, probability: p)
                prepared = true
            }
            let lhs = Foundation.log(v * alpha / (a / (us * us) + b))
            if lhs <= logProbability(k, count: n, probability: p) - logModeProbability { return k }
        }
    }

    /// `ln P(K = k)` for `K ~ Binomial(n, p)`, whole `0 ≤ k ≤ n`, `0 < p < 1`, by Loader's
    /// saddle-point form (accurate for any `n < 2⁵³`).
    static func logProbability(_ k: Double, count n: Double, probability p: Double) -> Double {
        let q = 1 - p
        if k == 0 { return n * Foundation.log1p(-p) }
        if k == n { return n * Foundation.log(p) }
        let deviance = deviance(k, mean: n * p) + deviance(n - k, mean: n * q)
        return 0.5 * Foundation.log(n / (2 * Double.pi * k * (n - k)))
            + stirlingRemainder(n) - stirlingRemainder(k) - stirlingRemainder(n - k) - deviance
    }

    /// `δ(x) = ln x! − ((x + ½) ln x − x + ½ ln 2π)` for whole `x ≥ 1`: from `lgamma` below 16
    /// (no cancellation at that size), else the series
    /// `1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷) + 1/(1188x⁹)` (truncation error below
    /// `691/(360360x¹¹)` < 1e−16).
    static func stirlingRemainder(_ x: Double) -> Double {
        if x < 16 {
            return Foundation.lgamma(x + 1) - (x + 0.5) * Foundation.log(x) + x - 0.5 * Foundation.log(2 * Double.pi)
        }
        let r = 1 / x
        let r2 = r * r
        return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680 - r2 * (1.0 / 1188)))))
    }

    /// `D(x, μ) = x ln(x/μ) + μ − x ≥ 0` for `x, μ > 0`; near `x = μ` by the series
    /// `D = (x − μ)v + 2x Σ_{j≥1} v^{2j+1}/(2j + 1)`, `v = (x − μ)/(x + μ)` (Loader 2000), which
    /// avoids the cancellation of the direct form.
    static func deviance(_ x: Double, mean mu: Double) -> Double {
        let d = x - mu
        guard Swift.abs(d) < 0.1 * (x + mu) else { return x * Foundation.log(x / mu) + mu - x }
        var v = d / (x + mu)
        var sum = d * v
        var term = 2 * x * v
        v *= v
        var j = 1.0
        while true {
            term *= v
            let next = sum + term / (2 * j + 1)
            if next == sum { return next }
            sum = next
            j += 1
        }
    }
}
