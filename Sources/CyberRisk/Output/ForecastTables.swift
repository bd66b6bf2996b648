/// The three CSV files of a forecast, built from its accumulator.
///
/// - `summary.csv`: `scenario,year,metric,trials,mean,sd,se,min,p01,…,p999,max,es95,es99,p995` (`p995`, the
///   1-in-200 value, was added after the others and is appended so that their positions stay)
/// - `sectors.csv`: `scenario,year,sector,mean_inoperability,p95_inoperability,p_disrupted,mean_direct_shock`
/// - `exceedance.csv`: `scenario,year,metric,threshold,probability`
///
/// Rows are ordered by year, then metric (or sector) in scenario order. Being functions of the
/// accumulator alone, they are byte-identical whenever the accumulators are equal.
///
/// A series without values (every series of a shard that got no trials) has no statistics: its
/// `summary.csv` and `sectors.csv` rows keep their keys and `trials` = 0 and leave every statistic
/// empty, and `exceedance.csv` has no rows for it — never `NaN` or `inf`.
public struct ForecastTables: Sendable {
    public let scenario: Scenario
    public let metrics: MetricSet
    let accumulator: ForecastAccumulator

    package init(scenario: Scenario, accumulator: ForecastAccumulator) {
        self.scenario = scenario
        metrics = MetricSet(scenario: scenario)
        self.accumulator = accumulator
    }

    /// The summary of metric `k` in year index `t`.
    public func summary(year t: Int, metric k: Int) -> SeriesSummary {
        let series = t * metrics.count + k
        return SeriesSummary(moments: accumulator.metricMoments[series],
                             sketch: accumulator.metricSketches[series],
                             wholeNumbers: metrics.isCount(k))
    }

    public var summaryCSV: String {
        var table = CSVTable(header: ["scenario", "year", "metric", "trials", "mean", "sd", "se", "min"]
            + SeriesSummary.levels.map(\.name) + ["max", "es95", "es99"] + SeriesSummary.appendedLevels.map(\.name))
        for t in 0..<scenario.horizonYears {
            for k in 0..<metrics.count {
                let s = summary(year: t, metric: k)
                let statistics: [CSVTable.Field] = [.number(s.mean), .number(s.standardDeviation), .number(s.standardError),
                                                    .number(s.min)]
                    + s.quantiles.map { .number($0) }
                    + [.number(s.max), .number(s.expectedShortfall95), .number(s.expectedShortfall99)]
                    + s.appendedQuantiles.map { .number($0) }
                table.append([.text(scenario.name), .integer(Int64(scenario.startYear + t)), .text(metrics.names[k]),
                              .integer(s.count)]
                             + (s.count > 0 ? statistics : statistics.map { _ in .empty }))
            }
        }
        return table.text
    }

    public var sectorsCSV: String {
        var table = CSVTable(header: ["scenario", "year", "sector", "mean_inoperability", "p95_inoperability",
                                      "p_disrupted", "mean_direct_shock"])
        let n = scenario.sectors.count
        for t in 0..<scenario.horizonYears {
            for i in 0..<n {
                let series = t * n + i
                let q = accumulator.inoperability[series]
                let keys: [CSVTable.Field] = [.text(scenario.name), .integer(Int64(scenario.startYear + t)),
                                              .text(scenario.sectors[i].id)]
                guard q.count > 0 else {
                    table.append(keys + [.empty, .empty, .empty, .empty])
                    continue
                }
                table.append(keys + [.number(q.mean), .number(accumulator.inoperabilitySketches[series].quantile(0.95)),
                                     .number(Double(accumulator.disrupted[series]) / Double(q.count)),
                                     .number(accumulator.directShock[series].mean)])
            }
        }
        return table.text
    }

    public var exceedanceCSV: String {
        var table = CSVTable(header: ["scenario", "year", "metric", "threshold", "probability"])
        let m = metrics.count
        var grids: [[Double]] = []
        for k in 0..<m {
            var pooled = QuantileSketch()
            for t in 0..<scenario.horizonYears { pooled.merge(accumulator.metricSketches[t * m + k]) }
            grids.append(ExceedanceGrid.thresholds(pooled: pooled, wholeNumbers: metrics.isCount(k)))
        }
        for t in 0..<scenario.horizonYears {
            for k in 0..<m {
                let sketch = accumulator.metricSketches[t * m + k]
                for x in grids[k] {
                    let p = ExceedanceGrid.probability(above: x, in: sketch, wholeNumbers: metrics.isCount(k))
                    table.append([.text(scenario.name), .integer(Int64(scenario.startYear + t)),
                                  .text(metrics.names[k]), .number(x), .number(p)])
                }
            }
        }
        return table.text
    }
}
