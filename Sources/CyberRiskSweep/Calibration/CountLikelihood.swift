@_spi(Engine) import CyberRisk
import Foundation

/// The observation model of reported incidents: a count `y` with mean `μ` is negative binomial
/// with coefficient of variation `s` of its yearly rate — `y ~ Poisson(μ·ε)`, `ε ~ Gamma(κ, κ)`,
/// `κ = 1/s²` — so `Var y = μ + s²μ²`; `s = 0` is the Poisson distribution.
///
///     ln P(y) = D(y, κ) + y ln μ − ln y! − (κ + y)·ln(1 + μ/κ),   D(y, κ) = lnΓ(y + κ) − lnΓ(κ) − y ln κ,
///
/// with `D` from Stirling's series for `κ ≥ 10` (`(κ + y − ½)·ln(1 + y/κ) − y + r(κ + y) − r(κ)`),
/// so the value is accurate for every `κ` and tends to the Poisson `y ln μ − μ − ln y!` as `s → 0`.
///
/// ```swift
/// CountLikelihood.logProbability(3, mean: 2.5, dispersion: 0)     // Poisson
/// CountLikelihood.logProbability(3, mean: 2.5, dispersion: 0.3)   // negative binomial
/// ```
enum CountLikelihood {
    /// `ln P(y)` for a whole number `y ≥ 0`, mean `μ ≥ 0`, dispersion `s ≥ 0`.
    @inline(__always)
    static func logProbability(_ y: Double, mean mu: Double, dispersion s: Double) -> Double {
        guard mu > 0 else { return y == 0 ? 0 : -.infinity }
        let logFactorial: Double = Foundation.lgamma(y + 1)
        return kernel(y, mean: mu, dispersion: s) + dispersionTerm(y, dispersion: s) - logFactorial
    }

    /// The part of `ln P(y)` that depends on `μ`: `y ln μ − (κ + y)·ln(1 + μ/κ)`, or
    /// `y ln μ − μ` for `s = 0` (what a sampler needs when `s` is held fixed). `μ > 0`.
    @inline(__always)
    static func kernel(_ y: Double, mean mu: Double, dispersion s: Double) -> Double {
        guard s > 0 else { return y * Foundation.log(mu) - mu }
        let kappa = 1 / (s * s)
        return y * Foundation.log(mu) - (kappa + y) * Foundation.log1p(mu / kappa)
    }

    /// The part that depends on `s` alone: `D(y, κ) = lnΓ(y + κ) − lnΓ(κ) − y ln κ` (0 for `s = 0`).
    @inline(__always)
    static func dispersionTerm(_ y: Double, dispersion s: Double) -> Double {
        guard s > 0 else { return 0 }
        let kappa = 1 / (s * s)
        if kappa >= 10 {
            return (kappa + y - 0.5) * Foundation.log1p(y / kappa) - y
                + LogDensity.stirlingRemainder(kappa + y) - LogDensity.stirlingRemainder(kappa)
        }
        let a: Double = Foundation.lgamma(y + kappa), b: Double = Foundation.lgamma(kappa)
        return a - b - y * Foundation.log(kappa)
    }

    /// One draw: `Poisson(μ·ε)` with `ε ~ Gamma(1/s², s²)` (`ε = 1` when `s = 0`).
    static func sample(mean mu: Double, dispersion s: Double, using rng: inout RandomStream) -> Double {
        guard mu > 0 else { return 0 }
        guard s > 0 else { return Poisson.sample(mean: mu, using: &rng) }
        let kappa = 1 / (s * s)
        return Poisson.sample(mean: mu * Gamma.sample(shape: kappa, scale: 1 / kappa, using: &rng), using: &rng)
    }
}
