extension ForecastTables {
    /// Whether the forecast kept its per-event accounting and return periods.
    package var keepsTail: Bool { accumulator.tail != nil }

    /// The `1-in-T` level of the annual aggregate of `metric` in year index `t` — the
    /// `(1 − 1/T)` quantile over the trials, the `aep` column of `return_periods.csv` — with its
    /// batch-means standard error (``ReturnPeriod``), or `nil` when the forecast keeps no tail
    /// (an accumulator without per-event accounting) or `metric` has no return periods
    /// (`economic_loss_usd_bn` and `national_risk` have).
    package func annualReturnLevel(metric: String, year t: Int, returnPeriod: Double)
        -> (level: Double, standardError: Double)? {
        guard let tail = accumulator.tail, let m = TailTables.metrics.first(where: { $0.name == metric }) else { return nil }
        let figure = ReturnPeriod(tail.annual(m.aggregate, year: t), returnPeriod: returnPeriod)
        return (figure.level, figure.levelSE)
    }
}
