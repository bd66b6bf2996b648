import Foundation

/// Logistic growth through a known start value.
///
/// `G(t; x0, K, r) = K / (1 + (K/x0 − 1)·e^(−r·t))`, with `t` in years since the start year,
/// so `G(0) = x0`, `G(t) → K` as `t → ∞` and the initial relative growth rate is `r·(1 − x0/K)`.
///
/// ```swift
/// GrowthCurve.value(at: 0, initial: 21, ceiling: 80, rate: 0.16)   // 21
/// ```
public struct GrowthCurve: Sendable, Equatable, Hashable {
    /// The value at `t = 0` (the start year), `x0 > 0` unless the whole curve is 0.
    public var initial: Parameter
    /// The saturation level `K ≥ x0`.
    public var ceiling: Parameter
    /// The logistic rate `r ≥ 0`, per year.
    public var rate: Parameter

    init(initial: Parameter, ceiling: Parameter, rate: Parameter) {
        self.initial = initial
        self.ceiling = ceiling
        self.rate = rate
    }

    /// `G(t; x0, K, r)`. Returns 0 when `x0 = 0` (a quantity that is absent stays absent).
    @inline(__always)
    public static func value(at t: Double, initial x0: Double, ceiling k: Double, rate r: Double) -> Double {
        if x0 <= 0 { return 0 }
        if k <= x0 { return x0 }
        return k / (1 + (k / x0 - 1) * exp(-r * t))
    }
}
