/// The summary statistics of one series (one metric in one year) as written to `summary.csv`.
///
/// Mean, sd and se come from exact moments; min and max are exact; quantiles and expected
/// shortfalls come from the quantile sketch (relative accuracy 0.39%). For whole-number series
/// quantiles are rounded to the nearest whole number: exact below 129, and in general within twice
/// that accuracy (the nearest whole number to the estimate is no farther from it than the true
/// order statistic is).
public struct SeriesSummary: Sendable, Equatable {
    /// The quantile levels of `summary.csv`, in column order (`p01` … `p999`).
    public static let levels: [(name: String, q: Double)] = [
        ("p01", 0.01), ("p05", 0.05), ("p10", 0.10), ("p25", 0.25), ("p50", 0.50),
        ("p75", 0.75), ("p90", 0.90), ("p95", 0.95), ("p99", 0.99), ("p999", 0.999),
    ]

    /// Quantile levels added later, written after `es99` so that the earlier columns keep their
    /// positions: `p995`, the 1-in-200-year value insurers and national risk registers quote.
    public static let appendedLevels: [(name: String, q: Double)] = [("p995", 0.995)]

    public var count: Int64
    public var mean: Double
    public var standardDeviation: Double
    public var standardError: Double
    public var min: Double
    public var max: Double
    /// Values at ``levels``.
    public var quantiles: [Double]
    /// Values at ``appendedLevels``.
    public var appendedQuantiles: [Double]
    /// Mean of the worst 5% and 1%.
    public var expectedShortfall95: Double
    public var expectedShortfall99: Double

    init(moments: Moments, sketch: QuantileSketch, wholeNumbers: Bool) {
        count = moments.count
        mean = moments.mean
        standardDeviation = moments.standardDeviation
        standardError = moments.standardError
        min = moments.min
        max = moments.max
        func value(_ level: (name: String, q: Double)) -> Double {
            let v = sketch.quantile(level.q)
            return wholeNumbers ? v.rounded() : v
        }
        quantiles = SeriesSummary.levels.map(value)
        appendedQuantiles = SeriesSummary.appendedLevels.map(value)
        expectedShortfall95 = sketch.tailMean(fraction: 0.05)
        expectedShortfall99 = sketch.tailMean(fraction: 0.01)
    }

    /// The quantile at a named level (`"p95"`, `"p995"`).
    public func quantile(named name: String) -> Double? {
        if let k = SeriesSummary.levels.firstIndex(where: { $0.name == name }) { return quantiles[k] }
        return SeriesSummary.appendedLevels.firstIndex { $0.name == name }.map { appendedQuantiles[$0] }
    }
}
