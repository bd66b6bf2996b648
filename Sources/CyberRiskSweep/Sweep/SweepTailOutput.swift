@_spi(Engine) import CyberRisk

/// A tail output of a sweep point (spec `tail: true`): the `1-in-T` level of a metric's annual
/// aggregate — its annual exceedance probability (AEP) level, the `aep` column of the forecast's
/// `return_periods.csv` — reported per year beside the point's metrics.
///
/// In `sweep.csv` (and so in `sensitivity.csv`) the output is a metric named ``name``, e.g.
/// `economic_loss_usd_bn_aep200`: its `mean` column is the level over the point's `T` trials and
/// its `se` the level's batch-means standard error (the inner Monte-Carlo noise that
/// `sensitivity_noise.csv` reports); its other statistics are `NaN` (a point has one level, not a
/// distribution of them).
struct SweepTailOutput: Sendable, Equatable {
    /// The metric whose annual aggregate is read (`economic_loss_usd_bn` or `national_risk`).
    var metric: String
    /// `T`, in years.
    var returnPeriod: Int

    /// `METRIC_aepT`.
    var name: String { "\(metric)_aep\(returnPeriod)" }

    /// The outputs of `tail: true`: 1-in-100 and 1-in-200 of economic loss and national risk.
    static let all = ["economic_loss_usd_bn", "national_risk"].flatMap { m in
        [100, 200].map { SweepTailOutput(metric: m, returnPeriod: $0) }
    }

    /// The output's record row in year index `t` of `tables`, or `nil` when the forecast kept no tail.
    func row(_ tables: ForecastTables, year t: Int, trials: Int64) -> SweepRecord.Row? {
        guard let figure = tables.annualReturnLevel(metric: metric, year: t, returnPeriod: Double(returnPeriod)) else { return nil }
        return SweepRecord.Row(trials: trials, mean: figure.level, sd: .nan, se: figure.standardError,
                               p05: .nan, p50: .nan, p95: .nan, p99: .nan, es95: .nan)
    }
}
