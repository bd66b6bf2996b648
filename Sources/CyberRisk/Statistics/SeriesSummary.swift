/// The summary statistics of one series (one metric in one year) as written to `summary.csv`.
///
/// Mean, sd and se come from exact moments; min and max are exact; quantiles and expected
/// shortfalls come from the quantile sketch (relative accuracy 0.39%). For whole-number series
/// quantiles are rounded to the nearest whole number, which keeps them within that accuracy.
public struct SeriesSummary: Sendable, Equatable {
    /// The quantile levels of `summary.csv`, in column order (`p01` … `p999`).
    public static let levels: [(name: String, q: Double)] = [
        ("p01", 0.01), ("p05", 0.05), ("p10", 0.10), ("p25", 0.25), ("p50", 0.50),
        ("p75", 0.75), ("p90", 0.90), ("p95", 0.95), ("p99", 0.99), ("p999", 0.999),
    ]

    public var count: Int64
    public var mean: Double
    public var standardDeviation: Double
    public var standardError: Double
    public var min: Double
    public var max: Double
    /// Values at ``levels``.
    public var quantiles: [Double]
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
        quantiles = SeriesSummary.levels.map { level in
            let v = sketch.quantile(level.q)
            return wholeNumbers ? v.rounded() : v
        }
        expectedShortfall95 = sketch.tailMean(fraction: 0.05)
        expectedShortfall99 = sketch.tailMean(fraction: 0.01)
    }

    /// The quantile at a named level (`"p95"`).
    public func quantile(named name: String) -> Double? {
        SeriesSummary.levels.firstIndex { $0.name == name }.map { quantiles[$0] }
    }
}
