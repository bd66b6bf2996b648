/// The Beta-PERT distribution (λ = 4) on `[lower, upper]` with most likely value `mode`:
///
///     α = 1 + 4(mode − lower)/(upper − lower),  β = 1 + 4(upper − mode)/(upper − lower)
///     x = lower + (upper − lower)·Beta(α, β)
///
/// Mean `(lower + 4·mode + upper)/6`. Both shapes lie in `[1, 5]`, so the draw is two
/// Marsaglia–Tsang gammas.
///
/// ```swift
/// var rng = RandomStream(seed: 1, trial: 0, stream: 0, site: 0)
/// let x = PERT.sample(lower: 20, mode: 40, upper: 120, using: &rng)   // mean 50
/// ```
@_spi(Engine) public enum PERT: Sendable {
    /// One draw; `lower == upper` gives `lower` without drawing.
    /// Precondition (validated upstream): `lower ≤ mode ≤ upper`.
    @inline(__always)
    @_spi(Engine) public static func sample(lower: Double, mode: Double, upper: Double,
                              using rng: inout RandomStream) -> Double {
        let width = upper - lower
        guard width > 0 else { return lower }
        let alpha = 1 + 4 * (mode - lower) / width
        let beta = 1 + 4 * (upper - mode) / width
        return lower + width * Beta.sample(alpha: alpha, beta: beta, using: &rng)
    }
}
