import Foundation

/// The beta distribution on `[0, 1]` with density `x^{α−1}(1 − x)^{β−1}/B(α, β)`;
/// mean `α/(α + β)`, variance `αβ/((α + β)²(α + β + 1))`.
///
/// Sampled as `X = G₁/(G₁ + G₂)` with independent `G₁ ~ Gamma(α)`, `G₂ ~ Gamma(β)` (α first):
/// - both shapes ≥ 1: directly from the Marsaglia–Tsang variates;
/// - otherwise from their logarithms `ℓᵢ = ln Gᵢ` (`Gamma.logSample`):
///   `X = 1/(1 + exp(ℓ₂ − ℓ₁))`, which is exact in floating point for tiny shapes where `Gᵢ`
///   underflow (then `X` is 0 or 1 by rounding, as it should be).
///
/// The result is always in `[0, 1]` and never NaN for any `α, β > 0` (tested from 1e−6 to 1e9).
///
/// ```swift
/// var rng = RandomStream(seed: 1, trial: 0, stream: 0, site: 0)
/// let x = Beta.sample(alpha: 2, beta: 5, using: &rng)        // mean 2/7
/// let y = Beta.sample(alpha: 1e-4, beta: 1e-4, using: &rng)  // 0 or 1 (up to rounding)
/// ```
public enum Beta: Sendable {
    /// One draw. Preconditions (validated upstream): `alpha > 0`, `beta > 0`; otherwise returns 0.
    @inline(__always)
    public static func sample(alpha: Double, beta: Double, using rng: inout RandomStream) -> Double {
        guard alpha > 0 && beta > 0 else { return 0 }
        if alpha >= 1 && beta >= 1 {
            let g1 = Gamma.marsagliaTsang(shape: alpha, using: &rng)
            let g2 = Gamma.marsagliaTsang(shape: beta, using: &rng)
            let sum = g1 + g2
            if sum > 0 && sum.isFinite { return g1 / sum }
            return fromLogs(Foundation.log(g1), Foundation.log(g2))
        }
        let l1 = Gamma.logSample(shape: alpha, using: &rng)
        let l2 = Gamma.logSample(shape: beta, using: &rng)
        return fromLogs(l1, l2)
    }

    /// `1/(1 + e^{l2 − l1})`; ½ in the degenerate case that both logs are the same infinity.
    @inline(__always)
    private static func fromLogs(_ l1: Double, _ l2: Double) -> Double {
        let t = l2 - l1
        guard !t.isNaN else { return 0.5 }
        return 1 / (1 + Foundation.exp(t))
    }
}
