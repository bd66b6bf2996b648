import Foundation

/// How fast a sector recovers on its own: the resilience `k_i` of the dynamic inoperability
/// input-output model (DIIM; Haimes et al. 2005, Lian & Haimes 2006),
///
///     q(k+1) = q(k) + K [A q(k) + c(k) − q(k)],     K = diag(k_1 … k_N),
///
/// given either directly or as a recovery time. Config: `sectors[i].recovery: {resilience: k}`
/// (per day, `0 < k ≤ 1`) or `{days: τ}` (`τ > 0`); either may be a distribution, drawn per trial.
public enum Recovery: Sendable, Equatable, Hashable {
    /// `k_i` per day, every draw in `(0, 1]`.
    case resilience(Parameter)
    /// `τ_i` in days, every draw `> 0`: the days the sector needs, on its own (no input from the
    /// others), to bring an inoperability down to 1 % of its initial value.
    case days(Parameter)

    /// The generic default of a sector without one (docs/config.md; an estimate: the middle of
    /// Coveware's 2019–2021 average ransomware downtimes, docs/parameters.md §5.6).
    public static let generic = Recovery.days(.fixed(21))

    /// The number (or distribution) given, `k` or `τ`.
    public var parameter: Parameter {
        switch self {
        case .resilience(let k): k
        case .days(let tau): tau
        }
    }

    /// `k_i` from a value of ``parameter`` (a draw, or its mean) and the sector's own dependence
    /// `a_ii` of the base matrix: the value itself for `resilience`; for `days`,
    /// ``resilience(days:selfDependence:)``.
    func resilience(value: Double, selfDependence a: Double) -> Double {
        switch self {
        case .resilience: value
        case .days: Recovery.resilience(days: value, selfDependence: a)
        }
    }

    /// Lian & Haimes (2006): with no input, `q_i(k) = (1 − k_i(1 − a_ii))^k q_i(0) ≈ e^{−k_i(1 − a_ii)k} q_i(0)`,
    /// so reaching 1 % of `q_i(0)` in `τ` days takes `k_i = ln(100) / (τ (1 − a_ii))`, capped at 1
    /// (a sector cannot recover more than its whole inoperability gap in a day).
    public static func resilience(days tau: Double, selfDependence a: Double) -> Double {
        Swift.min(1, Foundation.log(100) / (tau * (1 - a)))
    }
}
