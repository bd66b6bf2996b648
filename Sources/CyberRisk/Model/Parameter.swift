import Foundation

/// A model input that is either a known number or a distribution over numbers.
///
/// An uncertain parameter is drawn once per trial (one possible future) and held for
/// all the trial's years. Each place a distribution occurs is drawn independently.
///
/// ```yaml
/// attacks_per_year: 40                       # .fixed(40)
/// attacks_per_year: {pert: [20, 40, 120]}    # .pert(lower: 20, mode: 40, upper: 120)
/// ```
public enum Parameter: Sendable, Equatable, Hashable {
    /// A known value.
    case fixed(Double)
    /// Uniform on `[lower, upper]`.
    case uniform(lower: Double, upper: Double)
    /// Triangular on `[lower, upper]` with its peak at `mode`.
    case triangular(lower: Double, mode: Double, upper: Double)
    /// Beta-PERT with λ = 4: `lower + (upper − lower)·Beta(α, β)`,
    /// `α = 1 + 4(mode − lower)/(upper − lower)`, `β = 1 + 4(upper − mode)/(upper − lower)`.
    case pert(lower: Double, mode: Double, upper: Double)
    /// `median · exp(sigma · Z)`, `Z ~ N(0, 1)`.
    case lognormal(median: Double, sigma: Double)
    /// `N(mean, sd²)` resampled until it falls in `[lower, upper]`.
    case normal(mean: Double, sd: Double, lower: Double, upper: Double)
    /// `scale ×` a shared uncertainty, drawn once per trial for every place that refers to it.
    indirect case shared(SharedReference)

    /// Whether the parameter is a known number (no draw needed).
    public var isFixed: Bool {
        switch self {
        case .fixed: return true
        case .shared(let r): return r.distribution.isFixed
        default: return false
        }
    }

    /// Whether the parameter is a distribution (drawn once per trial).
    public var isUncertain: Bool { !isFixed }

    /// The expected value (for the truncated normal, the untruncated mean clamped into its bounds;
    /// used only for reporting and calibration, never in the simulation).
    public var mean: Double {
        switch self {
        case .fixed(let x): return x
        case .uniform(let a, let b): return (a + b) / 2
        case .triangular(let a, let m, let b): return (a + m + b) / 3
        case .pert(let a, let m, let b): return (a + 4 * m + b) / 6
        case .lognormal(let median, let sigma): return median * Foundation.exp(sigma * sigma / 2)
        case .normal(let mu, _, let lo, let hi): return Swift.min(Swift.max(mu, lo), hi)
        case .shared(let r): return r.equivalent.mean
        }
    }

    /// The smallest value a draw can take (−∞ never occurs: lognormal gives 0).
    public var lowerBound: Double {
        switch self {
        case .fixed(let x): return x
        case .uniform(let a, _), .triangular(let a, _, _), .pert(let a, _, _): return a
        case .lognormal: return 0
        case .normal(_, _, let lo, _): return lo
        case .shared(let r): return r.equivalent.lowerBound
        }
    }

    /// The largest value a draw can take; for the unbounded lognormal, its
    /// `1 − 1e−9` quantile `median·exp(6·sigma)`, which validation uses as a practical bound.
    public var upperBound: Double {
        switch self {
        case .fixed(let x): return x
        case .uniform(_, let b), .triangular(_, _, let b), .pert(_, _, let b): return b
        case .lognormal(let median, let sigma): return median * Foundation.exp(6 * sigma)
        case .normal(_, _, _, let hi): return hi
        case .shared(let r): return r.equivalent.upperBound
        }
    }

    /// The distribution of `k·X` for `k ≥ 0` (`k = 0`: the number 0). Every family is closed under
    /// positive scaling: the bounds, mode, median, mean and sd scale by `k`, a lognormal's
    /// `sigma` stays.
    public func scaled(by k: Double) -> Parameter {
        if k == 1 { return self }
        if k == 0 { return .fixed(0) }
        switch self {
        case .fixed(let x): return .fixed(k * x)
        case .uniform(let a, let b): return .uniform(lower: k * a, upper: k * b)
        case .triangular(let a, let m, let b): return .triangular(lower: k * a, mode: k * m, upper: k * b)
        case .pert(let a, let m, let b): return .pert(lower: k * a, mode: k * m, upper: k * b)
        case .lognormal(let median, let sigma): return .lognormal(median: k * median, sigma: sigma)
        case .normal(let mu, let sd, let lo, let hi): return .normal(mean: k * mu, sd: k * sd, lower: k * lo, upper: k * hi)
        case .shared(let r): return r.equivalent.scaled(by: k)
        }
    }

    /// The shared reference, if this parameter is one.
    public var sharedReference: SharedReference? {
        if case .shared(let r) = self { return r }
        return nil
    }

}
