import Foundation

/// The beta distribution on `[0, 1]` with density `x^{α−1}(1 − x)^{β−1}/B(α, β)`;
/// mean `α/(α + β)`, variance `αβ/((α + β)²(α + β + 1))`.
///
/// Sampled as `X = G₁/(G₁ + G₂)` with independent `G₁ ~ Gamma(α)`, `G₂ ~ Gamma(β)` (α first):
/// - both shapes ≥ 1: directly from the Marsaglia–Tsang variates;
/// - otherwise from their factors `Gᵢ = mᵢ·e^{eᵢ}` (`Gamma.Sampler.parts`, the boost
///   `Gamma(k) = Gamma(k + 1)·U^{1/k}` for a shape below 1): `X = 1/(1 + y)` with
///   `y = (m₂/m₁)·e^{e₂ − e₁}` when `|e₂ − e₁| < 700` and `y < 2¹⁰⁰⁰` (one `exp`, no `log`
///   beyond the boost's `ln U`), and otherwise from the logarithms, `X = 1/(1 + e^{ℓ₂ − ℓ₁})`
///   with `ℓᵢ = ln mᵢ + eᵢ`, which is exact in floating point for tiny shapes where `Gᵢ`
///   underflow (then `X` is 0 or 1 by rounding, as it should be). Both forms compute the same
///   real number; they differ only in rounding.
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
public enum Beta: Sendable {
    /// One draw. Preconditions (validated upstream): `alpha > 0`, `beta > 0`; otherwise returns 0.
    @inline(__always)
    public static func sample(alpha: Double, beta: Double, using rng: inout RandomStream) -> Double {
        Sampler(alpha: alpha, beta: beta).sample(using: &rng)
    }

    /// The constants of one `(α, β)` pair, computed once for many draws.
    public struct Sampler: Sendable {
        let first: Gamma.Sampler
        let second: Gamma.Sampler
        let valid: Bool
        let bothAtLeastOne: Bool

        @inline(__always)
        public init(alpha: Double, beta: Double) {
            valid = alpha > 0 && beta > 0
            bothAtLeastOne = alpha >= 1 && beta >= 1
            first = Gamma.Sampler(shape: valid ? alpha : 1)
            second = Gamma.Sampler(shape: valid ? beta : 1)
        }

        /// One draw; 0 for invalid shapes.
        @inline(__always)
        public func sample(using rng: inout RandomStream) -> Double {
            guard valid else { return 0 }
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
    }

    /// `1/(1 + e^{l2 − l1})`; ½ in the degenerate case that both logs are the same infinity.
    @inline(__always)
    static func fromLogs(_ l1: Double, _ l2: Double) -> Double {
        let t = l2 - l1
        guard !t.isNaN else { return 0.5 }
        return 1 / (1 + Foundation.exp(t))
    }
}
