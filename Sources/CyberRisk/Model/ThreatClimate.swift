import Foundation

/// The threat climate: a per-trial-year factor `F(t)` multiplying every sector's attack rate (and
/// the event classes' frequencies to the power of their `climate_elasticity`), so that a bad
/// year can be bad everywhere.
///
/// On the log scale an AR(1) with stationary standard deviation `σ` and year-to-year
/// correlation `ρ`, centred so that `E[F(t)] = 1`:
///
///     X(0) = σ·Z(0),   X(t) = ρ·X(t − 1) + σ·√(1 − ρ²)·Z(t),   F(t) = e^{X(t) − σ²/2},
///
/// `Z(t)` independent standard normals. Then `ln F(t) ~ N(−σ²/2, σ²)` in every year and
/// `corr(ln F(t), ln F(t + k)) = ρ^k`. `σ = 0` (the default) switches it off.
public struct ThreatClimate: Sendable, Equatable, Hashable {
    /// `σ ≥ 0`, the standard deviation of `ln F`.
    public var sigma: Parameter
    /// `ρ ∈ [0, 1]`, the year-to-year correlation of `ln F`.
    public var correlation: Parameter

    init(sigma: Parameter, correlation: Parameter) {
        self.sigma = sigma
        self.correlation = correlation
    }

    /// No climate: `F ≡ 1`.
    public static let off = ThreatClimate(sigma: .fixed(0), correlation: .fixed(0))

    /// `X(t)` from `X(t − 1)` (ignored at `t = 0`) and the year's standard normal `z`.
    @inline(__always)
    static func logState(previous: Double, year t: Int, sigma: Double, correlation rho: Double, normal z: Double) -> Double {
        t == 0 ? sigma * z : rho * previous + sigma * (1 - rho * rho).squareRoot() * z
    }

    /// `F = e^{X − σ²/2}`.
    @inline(__always)
    static func factor(logState x: Double, sigma: Double) -> Double {
        sigma > 0 ? Foundation.exp(x - sigma * sigma / 2) : 1
    }
}
