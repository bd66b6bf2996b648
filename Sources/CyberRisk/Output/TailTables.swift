/// The tail files of a forecast, built from its ``TailAccumulator`` (docs/model.md, "Return
/// periods"; README, "Reading the results"):
///
/// - `return_periods.csv`: `scenario,year,metric,return_period,aep,aep_tvar,oep,oep_tvar,aep_se,
///   aep_tvar_se,oep_se,oep_tvar_se,aal,aal_se,resolved` — per year, for `economic_loss_usd_bn`
///   and `national_risk` and each standard return period `T`: the `(1 − 1/T)` quantile of the
///   annual aggregate (AEP) and of the year's largest event (OEP), the tail means beyond them
///   (TVaR), their batch-means standard errors, the mean (AAL) and its standard error, and
///   whether the run resolves the row (``ReturnPeriod``).
/// - `horizon.csv`: the same for the whole horizon per trial — the total over its years and its
///   worst year (`T` counts horizons): `scenario,first_year,last_year,metric,return_period,total,
///   total_tvar,worst_year,worst_year_tvar,total_se,total_tvar_se,worst_year_se,worst_year_tvar_se,
///   mean_total,mean_total_se,mean_worst_year,mean_worst_year_se,resolved`.
/// - `sector_return_periods.csv`: `scenario,year,sector,return_period,aep,oep,resolved` — each
///   sector's annual inoperability and its largest single-event inoperability (no standard
///   errors: see docs/model.md).
/// - `event_classes.csv`: `scenario,year,event_class,mean_events,p_any,mean_loss_usd_bn,
///   mean_loss_se,aep_share_100,aep_share_200,oep_share_100,oep_share_200` — per class its events
///   a year, the probability of at least one, its standalone annual loss (each event cascaded
///   alone), and which share of the years beyond the 1-in-100 and 1-in-200 aggregate loss have
///   their largest event in the class (and of the events beyond the OEP levels); the row
///   `event_class = none` counts the years beyond the AEP levels without any event.
struct TailTables: Sendable {
    let scenario: Scenario
    let accumulator: ForecastAccumulator
    let tail: TailAccumulator

    /// `nil` when the accumulator keeps no tail.
    init?(scenario: Scenario, accumulator: ForecastAccumulator) {
        guard let tail = accumulator.tail else { return nil }
        self.scenario = scenario
        self.accumulator = accumulator
        self.tail = tail
    }

    /// The metrics with return periods, with their ``TailAccumulator/Annual`` series and the
    /// ``MetricSet/Core`` index of their aggregate.
    static let metrics: [(name: String, aggregate: TailAccumulator.Annual, largest: TailAccumulator.Annual,
                          core: MetricSet.Core, total: TailAccumulator.Horizon, worst: TailAccumulator.Horizon)] = [
        ("economic_loss_usd_bn", .aggregateLoss, .largestEventLoss, .economicLoss, .totalLoss, .worstYearLoss),
        ("national_risk", .aggregateNational, .largestEventNational, .nationalRisk, .totalNational, .worstYearNational),
    ]

    /// Driver return periods of `event_classes.csv`.
    static let driverReturnPeriods: [Double] = [100, 200]

    var returnPeriodsCSV: String {
        var table = CSVTable(header: ["scenario", "year", "metric", "return_period", "aep", "aep_tvar", "oep", "oep_tvar",
                                      "aep_se", "aep_tvar_se", "oep_se", "oep_tvar_se", "aal", "aal_se", "resolved"])
        let m = MetricSet(scenario: scenario).count
        for t in 0..<scenario.horizonYears {
            for metric in TailTables.metrics {
                let aggregate = tail.annual(metric.aggregate, year: t), largest = tail.annual(metric.largest, year: t)
                let moments = accumulator.metricMoments[t * m + metric.core.rawValue]
                for (a, o) in zip(ReturnPeriod.table(aggregate), ReturnPeriod.table(largest)) {
                    table.append([.text(scenario.name), .integer(Int64(scenario.startYear + t)), .text(metric.name),
                                  .number(a.years), .number(a.level), .number(a.tailMean), .number(o.level), .number(o.tailMean),
                                  .number(a.levelSE), .number(a.tailMeanSE), .number(o.levelSE), .number(o.tailMeanSE),
                                  .number(moments.mean), .number(moments.standardError), .text(a.resolved ? "true" : "false")])
                }
            }
        }
        return table.text
    }

    var horizonCSV: String {
        var table = CSVTable(header: ["scenario", "first_year", "last_year", "metric", "return_period", "total", "total_tvar",
                                      "worst_year", "worst_year_tvar", "total_se", "total_tvar_se", "worst_year_se",
                                      "worst_year_tvar_se", "mean_total", "mean_total_se", "mean_worst_year",
                                      "mean_worst_year_se", "resolved"])
        let first = Int64(scenario.startYear), last = Int64(scenario.startYear + scenario.horizonYears - 1)
        for metric in TailTables.metrics {
            let total = tail.horizon[metric.total.rawValue], worst = tail.horizon[metric.worst.rawValue]
            let totalMoments = tail.horizonMoments[metric.total.rawValue]
            let worstMoments = tail.horizonMoments[metric.worst.rawValue]
            for (a, w) in zip(ReturnPeriod.table(total), ReturnPeriod.table(worst)) {
                table.append([.text(scenario.name), .integer(first), .integer(last), .text(metric.name), .number(a.years),
                              .number(a.level), .number(a.tailMean), .number(w.level), .number(w.tailMean),
                              .number(a.levelSE), .number(a.tailMeanSE), .number(w.levelSE), .number(w.tailMeanSE),
                              .number(totalMoments.mean), .number(totalMoments.standardError),
                              .number(worstMoments.mean), .number(worstMoments.standardError),
                              .text(a.resolved ? "true" : "false")])
            }
        }
        return table.text
    }

    var sectorReturnPeriodsCSV: String {
        var table = CSVTable(header: ["scenario", "year", "sector", "return_period", "aep", "oep", "resolved"])
        let n = scenario.sectors.count
        for t in 0..<scenario.horizonYears {
            let reference = tail.annual(.aggregateLoss, year: t)
            for i in 0..<n {
                let aggregate = accumulator.inoperabilitySketches[t * n + i]
                let largest = tail.sectorLargestEvent[t * n + i]
                for rp in ReturnPeriod.standard {
                    let q = 1 - 1 / rp
                    table.append([.text(scenario.name), .integer(Int64(scenario.startYear + t)), .text(scenario.sectors[i].id),
                                  .number(rp), .number(aggregate.quantile(q)), .number(largest.quantile(q)),
                                  .text(ReturnPeriod.isResolved(reference, returnPeriod: rp) ? "true" : "false")])
                }
            }
        }
        return table.text
    }

    var eventClassesCSV: String {
        var table = CSVTable(header: ["scenario", "year", "event_class", "mean_events", "p_any", "mean_loss_usd_bn",
                                      "mean_loss_se", "aep_share_100", "aep_share_200", "oep_share_100", "oep_share_200"])
        let c = tail.classCount
        for t in 0..<scenario.horizonYears {
            let shares = driverShares(year: t)
            let trials = Double(accumulator.trials)
            for e in 0..<c {
                let cell = t * c + e
                let loss = tail.classLoss[cell]
                table.append([.text(scenario.name), .integer(Int64(scenario.startYear + t)), .text(scenario.events[e].id),
                              .number(trials > 0 ? Double(tail.classEvents[cell]) / trials : .nan),
                              .number(trials > 0 ? Double(tail.classYears[cell]) / trials : .nan),
                              .number(loss.mean), .number(loss.standardError)]
                             + shares.aggregate.map { .number($0[e + 1]) } + shares.largest.map { .number($0[e]) })
            }
            table.append([.text(scenario.name), .integer(Int64(scenario.startYear + t)), .text("none"),
                          .number(.nan), .number(.nan), .number(.nan), .number(.nan)]
                         + shares.aggregate.map { .number($0[0]) } + shares.largest.map { _ in .number(.nan) })
        }
        return table.text
    }

    /// For each driver return period: the shares of the years beyond the AEP level by the class
    /// of their largest event (index 0: none, `e + 1`: class `e`), and of the years beyond the
    /// OEP level by the class of that event (index `e`).
    func driverShares(year t: Int) -> (aggregate: [[Double]], largest: [[Double]]) {
        let c = tail.classCount
        let aggregate = tail.annual(.aggregateLoss, year: t).merged
        let largest = tail.annual(.largestEventLoss, year: t).merged
        var a: [[Double]] = [], l: [[Double]] = []
        for rp in TailTables.driverReturnPeriods {
            let level = aggregate.quantile(1 - 1 / rp)
            let counts = (0...c).map { Double(tail.aggregateByLargestClass[t * (c + 1) + $0].countAbove(level)) }
            let total = counts.reduce(0, +)
            a.append(counts.map { total > 0 ? $0 / total : .nan })
            let eventLevel = largest.quantile(1 - 1 / rp)
            let eventCounts = (0..<c).map { Double(tail.largestEventByClass[t * c + $0].countAbove(eventLevel)) }
            let eventTotal = eventCounts.reduce(0, +)
            l.append(eventCounts.map { eventTotal > 0 ? $0 / eventTotal : .nan })
        }
        return (a, l)
    }
}
