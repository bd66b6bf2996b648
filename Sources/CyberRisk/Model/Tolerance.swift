/// A risk tolerance: the most a statistic of a metric may reach in any year
/// (config `tolerances:`, e.g. `{metric: national_risk, statistic: p95, max: 0.01}` or
/// `{metric: economic_loss_usd_bn, return_period: 100, max: 500}`).
///
/// Evaluated per year into `tolerances.csv`: the statistic's estimate and standard error, whether
/// it exceeds `max` (breached), and the share of trials whose value exceeds `max`.
public struct Tolerance: Sendable, Equatable, Hashable {
    /// Label in outputs, unique within the scenario (default ``defaultName(metric:statistic:returnPeriod:)``).
    public var name: String
    /// Metric name (the `metric` column).
    public var metric: String
    /// The statistic bounded; a return period `T` is the quantile `1 − 1/T`.
    public var statistic: SeriesStatistic
    /// The return period in years when the tolerance was written with `return_period`.
    public var returnPeriod: Double?
    /// The largest acceptable value, in the metric's unit.
    public var max: Double

    public init(name: String, metric: String, statistic: SeriesStatistic, returnPeriod: Double? = nil, max: Double) {
        self.name = name
        self.metric = metric
        self.statistic = statistic
        self.returnPeriod = returnPeriod
        self.max = max
    }

    /// `national_risk:p95`, `economic_loss_usd_bn:1-in-100`.
    public static func defaultName(metric: String, statistic: SeriesStatistic, returnPeriod: Double?) -> String {
        if let t = returnPeriod { return "\(metric):1-in-\(ScenarioEncoder.format(t))" }
        return "\(metric):\(statistic.name)"
    }

    /// The statistic in words for tables: `p95`, `mean`, `1-in-100 (p99)`.
    public var statisticLabel: String {
        guard let t = returnPeriod else { return statistic.name }
        return "1-in-\(ScenarioEncoder.format(t)) (\(statistic.name))"
    }
}
