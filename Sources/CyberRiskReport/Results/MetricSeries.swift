import CyberRisk

/// One metric's statistics over the years, as read from `summary.csv` (or a sweep point's rows
/// of `sweep.csv`): a column of values per statistic, aligned with ``years``.
///
/// ```swift
/// let s = results.series["national_risk"]!
/// s.years            // [2026, …, 2035]
/// s["p95"]           // one value per year (NaN where the column is missing)
/// ```
struct MetricSeries: Sendable, Equatable {
    var metric: String
    var years: [Int]
    /// Statistic name (`mean`, `p05`, …) → one value per year.
    var columns: [String: [Double]]

    init(metric: String, years: [Int], columns: [String: [Double]]) {
        self.metric = metric
        self.years = years
        self.columns = columns
    }

    /// The values of statistic `name`, NaN-filled if the column is absent.
    subscript(_ name: String) -> [Double] {
        columns[name] ?? Array(repeating: .nan, count: years.count)
    }

    /// The value of `name` in the year index `t`.
    func value(_ name: String, year t: Int) -> Double {
        guard t >= 0 && t < years.count else { return .nan }
        return self[name][t]
    }

    /// Calendar years as `Double`, for an x scale.
    var x: [Double] { years.map(Double.init) }
}
