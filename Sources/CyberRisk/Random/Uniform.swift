/// The continuous uniform distribution on `[lower, upper]`: `lower + (upper − lower)·u`,
/// `u = RandomStream.uniform() ∈ (0, 1)` (one word). Mean `(lower + upper)/2`,
/// variance `(upper − lower)²/12`.
///
/// ```swift
/// var rng = RandomStream(seed: 1, trial: 0, stream: 0, site: 0)
/// let x = Uniform.sample(lower: 2, upper: 5, using: &rng)   // 2 < x < 5 (up to rounding)
/// ```
package enum Uniform: Sendable {
    /// One draw; `lower == upper` gives `lower`. Precondition (validated upstream): `lower ≤ upper`.
    @inline(__always)
    package static func sample(lower: Double, upper: Double, using rng: inout RandomStream) -> Double {
        lower + (upper - lower) * rng.uniform()
    }
}
