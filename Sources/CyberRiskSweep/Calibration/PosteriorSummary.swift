import CyberRisk
import Foundation

/// Mean, standard deviation (`n − 1`) and the 5%, 50% and 95% quantiles of a set of draws.
/// Quantiles are type 7 (Hyndman & Fan 1996; R's and NumPy's default): the linear interpolation
/// of the sorted draws at position `(n − 1)·p`.
///
/// ```swift
/// let s = PosteriorSummary([1, 2, 3, 4])
/// s.mean   // 2.5
/// s.p50    // 2.5
/// ```
public struct PosteriorSummary: Sendable, Equatable {
    public var mean: Double
    public var sd: Double
    public var p05: Double
    public var p50: Double
    public var p95: Double

    public init(_ draws: [Double]) {
        let n = Double(draws.count)
        let sorted = DoubleSort.sorted(draws)
        mean = draws.reduce(0, +) / n
        let m = mean
        sd = draws.count > 1 ? (draws.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)).squareRoot() : 0
        p05 = PosteriorSummary.quantile(sorted, 0.05)
        p50 = PosteriorSummary.quantile(sorted, 0.5)
        p95 = PosteriorSummary.quantile(sorted, 0.95)
    }

    /// The type-7 quantile `p ∈ [0, 1]` of `sorted` (ascending, non-empty).
    public static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = Swift.min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}
