import Foundation

/// Independent reference distribution functions for the goodness-of-fit tests, written from the
/// textbook formulas (Numerical Recipes, 3rd ed., §6.2 incomplete gamma, §6.4 incomplete beta)
/// and not sharing code with the samplers. Accuracy ~1e−13, far below what 1e5 samples resolve.
package enum ReferenceCDF {
    package static let epsilon = 1e-15
    package static let tiny = 1e-300
    package static let maxIterations = 100_000

    /// `Φ(z)` by `erfc`.
    package static func normal(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// The standard normal density `φ(z)`.
    package static func normalDensity(_ z: Double) -> Double {
        exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
    }

    /// Regularized lower incomplete gamma `P(a, x)` for `x ≥ 0`.
    package static func gammaP(_ a: Double, _ x: Double) -> Double {
        if x <= 0 { return 0 }
        return gammaP(a, logX: log(x))
    }

    /// `P(a, e^{logX})`, usable when `e^{logX}` underflows (tiny-shape log-gamma variates).
    /// Series `P = e^{−x} x^a / Γ(a+1) · Σₙ xⁿ / ((a+1)…(a+n))` for `x < a + 1`,
    /// Lentz continued fraction for `Q = 1 − P` otherwise.
    package static func gammaP(_ a: Double, logX: Double) -> Double {
        let x = exp(logX)
        let logPrefactor = -x + a * logX - lgamma(a)
        if x < a + 1 {
            var term = 1 / a
            var sum = term
            var ap = a
            for _ in 0..<maxIterations {
                ap += 1
                term *= x / ap
                sum += term
                if abs(term) < abs(sum) * epsilon { break }
            }
            return sum * exp(logPrefactor)
        }
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1..<maxIterations {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return 1 - exp(logPrefactor) * h
    }

    /// Regularized incomplete beta `I_x(a, b)` by its continued fraction, using
    /// `I_x(a, b) = 1 − I_{1−x}(b, a)` where the fraction converges faster.
    package static func betaI(_ a: Double, _ b: Double, _ x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * betaContinuedFraction(a, b, x) / a
        }
        return 1 - exp(logFront) * betaContinuedFraction(b, a, 1 - x) / b
    }

    /// `1 − I_x(a, b)`, accurate when it is small and `x` is small (the tail-fraction test).
    package static func betaUpperTail(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        return -expm1(logFront + log(betaContinuedFraction(a, b, x) / a))
    }

    private static func betaContinuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for mi in 1..<maxIterations {
            let m = Double(mi), m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return h
    }

    /// The digamma function `ψ(x) = Γ'(x)/Γ(x)`, `x > 0`: the recurrence `ψ(x) = ψ(x + 1) − 1/x`
    /// up to `x ≥ 20`, then the asymptotic series `ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ)` (truncation
    /// error < 1e−17).
    package static func digamma(_ x: Double) -> Double {
        var x = x, r = 0.0
        while x < 20 { r -= 1 / x; x += 1 }
        let f = 1 / (x * x)
        return r + log(x) - 0.5 / x - f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f / 132))))
    }

    /// The trigamma function `ψ'(x)`, `x > 0`: `ψ'(x) = ψ'(x + 1) + 1/x²` up to `x ≥ 20`, then
    /// `1/x + 1/(2x²) + Σ B₂ₖ/x^{2k+1}` (truncation error < 1e−15).
    package static func trigamma(_ x: Double) -> Double {
        var x = x, r = 0.0
        while x < 20 { r += 1 / (x * x); x += 1 }
        let f = 1 / (x * x)
        return r + 1 / x + f / 2 + f / x * (1.0 / 6 - f * (1.0 / 30 - f * (1.0 / 42 - f / 30)))
    }

    /// Kummer's function `₁F₁(a; b; −z)` for `z ≥ 0`, `b > a > 0`: by Kummer's transformation
    /// `e^{−z}·₁F₁(b − a; b; z)`, whose series has positive terms (no cancellation). It is the
    /// Laplace transform `E[e^{−zX}]` of `X ~ Beta(a, b − a)`.
    /// The partial sums are rescaled by 2⁻⁹⁰⁰ whenever they pass 2⁹⁰⁰ (the terms grow like
    /// `zⁿ/n!`), so large `z` neither overflows the series nor underflows `e^{−z}`.
    package static func kummer(_ a: Double, _ b: Double, minus z: Double) -> Double {
        var term = 1.0, sum = 1.0, logScale = -z
        var n = 0.0
        while n < 1_000_000 {
            term *= (b - a + n) / (b + n) * z / (n + 1)
            sum += term
            n += 1
            if sum > 0x1p900 {
                sum *= 0x1p-900
                term *= 0x1p-900
                logScale += 900 * log(2.0)
            }
            if term < sum * epsilon { break }
        }
        return exp(logScale + log(sum))
    }

    /// `P(K = k)` for `K ~ Poisson(mean)`, `exp(−μ + k ln μ − ln k!)`.
    package static func poissonProbability(_ k: Int, mean: Double) -> Double {
        exp(-mean + Double(k) * log(mean) - lgamma(Double(k) + 1))
    }

    /// The upper `p`-quantile of χ²(df): the `x` with `Q(df/2, x/2) = p`, by bisection.
    package static func chiSquareCritical(upperTail p: Double, degreesOfFreedom df: Int) -> Double {
        let k = Double(df) / 2
        var lo = 0.0, hi = 10.0 * Double(df) + 100
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if 1 - gammaP(k, mid / 2) > p { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }

    /// Triangular CDF on `[a, b]` with mode `c`.
    package static func triangular(_ x: Double, lower a: Double, mode c: Double, upper b: Double) -> Double {
        if x <= a { return 0 }
        if x >= b { return 1 }
        if x <= c { return (x - a) * (x - a) / ((b - a) * (c - a)) }
        return 1 - (b - x) * (b - x) / ((b - a) * (b - c))
    }

    /// CDF of `N(μ, σ²)` truncated to `[lo, hi]`, evaluated in the upper tail when `lo > −hi`.
    package static func truncatedNormal(_ x: Double, mean: Double, sd: Double, lower: Double, upper: Double) -> Double {
        let a = (lower - mean) / sd, b = (upper - mean) / sd, z = (x - mean) / sd
        if z <= a { return 0 }
        if z >= b { return 1 }
        if a + b > 0 {   // upper tail: Q(t) = Φ(−t)
            return (normal(-a) - normal(-z)) / (normal(-a) - normal(-b))
        }
        return (normal(z) - normal(a)) / (normal(b) - normal(a))
    }

    /// Raw moments `E[Z^k]`, `k = 0…4`, of the standard normal truncated to `[a, b]`, by the
    /// recurrence `m_k = (k − 1)m_{k−2} − (b^{k−1}φ(b) − a^{k−1}φ(a))/Z`, `Z = Φ(b) − Φ(a)`.
    package static func truncatedStandardNormalMoments(_ a: Double, _ b: Double) -> [Double] {
        let mass = a + b > 0 ? normal(-a) - normal(-b) : normal(b) - normal(a)
        func edge(_ t: Double, _ power: Int) -> Double {
            t.isFinite ? pow(t, Double(power)) * normalDensity(t) : 0
        }
        var m = [1.0, -(edge(b, 0) - edge(a, 0)) / mass]
        for k in 2...4 {
            m.append(Double(k - 1) * m[k - 2] - (edge(b, k - 1) - edge(a, k - 1)) / mass)
        }
        return m
    }
}
