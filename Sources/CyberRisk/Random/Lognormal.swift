import Foundation

/// The lognormal distribution parameterised by its median: `median·exp(sigma·Z)`, `Z ~ N(0, 1)`
/// (`Z` from the ziggurat, `RandomStream.standardNormal()`). Mean `median·e^{σ²/2}`, variance `median²·e^{σ²}(e^{σ²} − 1)`.
///
/// ```swift
/// var rng = RandomStream(seed: 1, trial: 0, stream: 0, site: 0)
/// let x = Lognormal.sample(median: 100, sigma: 0.5, using: &rng)   // P(x ≤ 100) = ½
/// ```
@_spi(Engine) public enum Lognormal: Sendable {
    /// One draw. Precondition (validated upstream): `median > 0`, `sigma ≥ 0`.
    @inline(__always)
    @_spi(Engine) public static func sample(median: Double, sigma: Double, using rng: inout RandomStream) -> Double {
        median * Foundation.exp(sigma * rng.standardNormal())
    }
}
