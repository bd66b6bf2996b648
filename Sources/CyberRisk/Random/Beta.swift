import Foundation

/// The beta distribution on `[0, 1]` with density `x^{α−1}(1 − x)^{β−1}/B(α, β)`;
/// mean `α/(α + β)`, variance `αβ/((α + β)²(α + β + 1))`.
///
/// - `α < 1` and `β ≥ 10` (the attack and botnet severities: small `α`, large `β`): by rejection from
///   `Y = G/(β − 1)`, `G ~ Gamma(α)` (`G = m·e^{−E/α}`, `m ~ Gamma(α + 1)`, `E ~ Exp(1)`). The proposal density
///   `∝ y^{α−1}e^{−(β−1)y}` dominates the target `∝ y^{α−1}(1 − y)^{β−1}` because `1 − y ≤ e^{−y}`,
///   so `Y` is accepted with probability `exp((β − 1)(ln(1 − Y) + Y))` (0 for `Y ≥ 1`) using a
///   uniform `V` recycled from the Marsaglia–Tsang squeeze (`Gamma.Sampler.partsAndUniform`).
///   Since `ln(1 − y) + y ≥ −y²/(2(1 − y))`, `V < 1 − (β − 1)Y²/(2(1 − Y))` accepts without a
///   logarithm. Acceptance `≈ 1 − α(α + 1)/(2(β − 1))` (≥ 0.9998 for every baseline severity,
///   ≥ 0.89 in this regime), about 3 words per draw. No `Gamma(β)` is drawn. `Y` below `2⁻¹⁰²²`
///   is computed from logarithms and rounds to 0 or a subnormal, as the exact value does.
/// - `α = 1` or `β = 1` (e.g. `Beta(1, 100)`, the analogues' severities): by inversion, `1 − U^{1/β}` and
///   `U^{1/α}` respectively, with `U^{1/k} = e^{−E/k}`, `E ~ Exp(1)` from the exponential ziggurat:
///   one word and one `expm1`/`exp`.
/// - otherwise as `X = G₁/(G₁ + G₂)` with independent `G₁ ~ Gamma(α)`, `G₂ ~ Gamma(β)` (α first):
///   both shapes ≥ 1: directly from the Marsaglia–Tsang variates; else from their factors
///   `Gᵢ = mᵢ·e^{eᵢ}` (`Gamma.Sampler.parts`, the boost `Gamma(k) = Gamma(k + 1)·U^{1/k}` for a
///   shape below 1): `X = 1/(1 + y)` with `y = (m₂/m₁)·e^{e₂ − e₁}` when `|e₂ − e₁| < 700` and
///   `y < 2¹⁰⁰⁰` (one `exp`), and otherwise from the logarithms, `X = 1/(1 + e^{ℓ₂ − ℓ₁})` with
///   `ℓᵢ = ln mᵢ + eᵢ`, which is exact in floating point for tiny shapes where `Gᵢ` underflow
///   (then `X` is 0 or 1 by rounding, as it should be). Both forms compute the same real number.
///
/// The result is always in `[0, 1]` and never NaN for any `α, β > 0` (tested from 1e−6 to 1e9).
///
/// ```swift
/// var rng = RandomStream(seed: 1, trial: 0, stream: 0, site: 0)
/// let x = Beta.sample(alpha: 2, beta: 5, using: &rng)        // mean 2/7
/// let y = Beta.sample(alpha: 1e-4, beta: 1e-4, using: &rng)  // 0 or 1 (up to rounding)
/// let severity = Beta.Sampler(alpha: 0.08, beta: 400)        // constants once, many draws
/// let s = severity.sample(using: &rng)
/// ```
@_spi(Engine) public enum Beta: Sendable {
    /// One draw. Preconditions (validated upstream): `alpha > 0`, `beta > 0`; otherwise returns 0.
    @inline(__always)
    package static func sample(alpha: Double, beta: Double, using rng: inout RandomStream) -> Double {
        Sampler(alpha: alpha, beta: beta).sample(using: &rng)
    }

    /// The constants of one `(α, β)` pair, computed once for many draws.
    @_spi(Engine) public struct Sampler: Sendable {
        let first: Gamma.Sampler
        let second: Gamma.Sampler
        let valid: Bool
        let bothAtLeastOne: Bool
        /// `β − 1` when sampling by rejection from the gamma proposal, else 0.
        let rate: Double
        let scale: Double
        let logRate: Double
        /// `1/β` when `α = 1`, else 0.
        let unitAlpha: Double
        /// `1/α` when `β = 1` (and `α ≠ 1`), else 0.
        let unitBeta: Double

        @inline(__always)
        @_spi(Engine) public init(alpha: Double, beta: Double) {
            valid = alpha > 0 && beta > 0
            bothAtLeastOne = alpha >= 1 && beta >= 1
            first = Gamma.Sampler(shape: valid ? alpha : 1)
            second = Gamma.Sampler(shape: valid ? beta : 1)
            let rejection = valid && alpha < 1 && beta >= 10 && beta.isFinite
            rate = rejection ? beta - 1 : 0
            scale = rejection ? 1 / (beta - 1) : 0
            logRate = rejection ? Foundation.log(beta - 1) : 0
            unitAlpha = valid && alpha == 1 && beta.isFinite ? 1 / beta : 0
            unitBeta = valid && beta == 1 && alpha != 1 && alpha.isFinite ? 1 / alpha : 0
        }

        /// One draw; 0 for invalid shapes.
        @inline(__always)
        @_spi(Engine) public func sample(using rng: inout RandomStream) -> Double {
            guard valid else { return 0 }
            if rate > 0 { return sampleByRejection(using: &rng) }
            if unitAlpha > 0 { return -Foundation.expm1(-ExponentialZiggurat.sample(using: &rng) * unitAlpha) }
            if unitBeta > 0 { return Foundation.exp(-ExponentialZiggurat.sample(using: &rng) * unitBeta) }
            let (m1, e1) = first.parts(using: &rng)
            let (m2, e2) = second.parts(using: &rng)
            if bothAtLeastOne {
                let sum = m1 + m2
                if sum > 0 && sum.isFinite { return m1 / sum }
                return Beta.fromLogs(Foundation.log(m1), Foundation.log(m2))
            }
            let t = e2 - e1
            if Swift.abs(t) < 700 {
                let y = m2 / m1 * Foundation.exp(t)
                if y < 0x1p1000 { return 1 / (1 + y) }
            }
            return Beta.fromLogs(Foundation.log(m1) + e1, Foundation.log(m2) + e2)
        }

        /// `α < 1 ≤ 10 ≤ β`: rejection from `Y = Gamma(α)/(β − 1)` (see the type's documentation).
        @inline(__always)
        func sampleByRejection(using rng: inout RandomStream) -> Double {
            while true {
                let (m, e, u, s) = first.partsAndUniform(using: &rng)   // V = u/s
                let y = e > -700 ? m * Foundation.exp(e) * scale
                                 : Foundation.exp(Foundation.log(m) + e - logRate)
                if y >= 1 { continue }
                // V < 1 − (β − 1)y²/(2(1 − y)), multiplied out (s > 0, 1 − y > 0): no division.
                let twiceComplement = 2 - 2 * y
                if u * twiceComplement < s * (twiceComplement - rate * y * y) { return y }
                if Foundation.log(u / s) < rate * (Foundation.log1p(-y) + y) { return y }
            }
        }
    }

    /// `1/(1 + e^{l2 − l1})`; ½ in the degenerate case that both logs are the same infinity.
    @inline(__always)
    static func fromLogs(_ l1: Double, _ l2: Double) -> Double {
        let t = l2 - l1
        guard !t.isNaN else { return 0.5 }
        return 1 / (1 + Foundation.exp(t))
    }
}
