import Foundation

/// `comparison.csv`: every scenario's statistics and each alternative's paired difference from
/// the base, one row per (scenario, year, metric, statistic).
///
/// Columns: `scenario,year,metric,statistic,value,se,difference,difference_se,difference_p05,`
/// `difference_p95,relative_change,prob_worse,independent_se,delta_cost_usd_bn,avoided_per_usd_bn,`
/// `avoided_per_usd_bn_se`.
///
/// - `statistic`: `mean`, then ``Comparison/statistics`` (`p95`, `p99`; `p99` of a year's metric is
///   its 1-in-100 level, the aggregate exceedance probability of 1%). Rows of other statistics can
///   be added without changing any column: return-period figures (e.g. `economic_loss_usd_bn`,
///   `aep_100`) are rows with their own `statistic` and a batch-means or bootstrap `difference_se`.
/// - `value`, `se`: the scenario's statistic as `summary.csv` reports it, and its standard error
///   (the mean's `se`; batch means over blocks for the others).
/// - `difference` = `value − value of the base` (ALT − BASE); `difference_se` its paired standard
///   error from the per-trial differences (means) or from the blocks' paired differences (other
///   statistics); `independent_se` = `√(se² + se_base²)`, what it would be had the two been run
///   independently.
/// - `difference_p05`, `difference_p95`: the 5% and 95% quantiles of the per-trial difference
///   (how the difference spreads across futures; means only, else NaN); `prob_worse`: the share of
///   trials in which the scenario's value exceeds the base's (means only).
/// - `relative_change` = `difference / value of the base` (NaN when that is 0).
/// - Cost–benefit: `delta_cost_usd_bn` = the scenario's `cost_usd_bn_per_year` − the base's (a
///   base without one counts 0; NaN when the scenario states none); `avoided_per_usd_bn` =
///   `−difference / delta_cost_usd_bn`, the statistic avoided per bn USD a year of added cost — for
///   `economic_loss_usd_bn` the avoided expected (mean) or 1-in-100 (p99) loss per dollar, the return
///   on security investment of Gordon & Loeb (2002) and FAIR; its `_se` = `difference_se/|Δcost|`
///   (the cost is a given number).
///
/// The base's own rows hold its values with every difference 0 (itself, trial by trial).
public struct ComparisonTables: Sendable {
    public let scenarios: [Scenario]
    public let result: ComparisonRun
    public let metrics: MetricSet

    public init(scenarios: [Scenario], result: ComparisonRun) {
        self.scenarios = scenarios
        self.result = result
        metrics = MetricSet(scenario: scenarios[0])
    }

    /// The statistics of each (scenario, year, metric), in row order.
    public static var statistics: [SeriesStatistic] { [.mean] + Comparison.statistics }

    /// One row's numbers.
    public struct Row: Sendable, Equatable {
        public var value, se, difference, differenceSE, differenceP05, differenceP95: Double
        public var relativeChange, probabilityWorse, independentSE: Double
        public var deltaCost, avoidedPerCost, avoidedPerCostSE: Double
    }

    /// The base's cost counts 0 when not given; a scenario without a cost has none (NaN).
    public func deltaCost(_ s: Int) -> Double {
        guard let cost = scenarios[s].defense.costUSDbnPerYear else { return .nan }
        return cost - (scenarios[0].defense.costUSDbnPerYear ?? 0)
    }

    /// Scenario `s`'s row for year index `t`, metric `k` and `statistic`.
    public func row(scenario s: Int, year t: Int, metric k: Int, statistic: SeriesStatistic) -> Row {
        let m = metrics.count
        let series = t * m + k
        let whole = metrics.isCount(k)
        func value(_ i: Int) -> Double {
            let acc = result.runs[i].accumulator
            return statistic.value(moments: acc.metricMoments[series], sketch: acc.metricSketches[series], wholeNumbers: whole)
        }
        func se(_ i: Int) -> Double {
            if statistic == .mean { return result.runs[i].accumulator.metricMoments[series].standardError }
            guard let r = result.batches[i].index(of: BatchRequest(metric: k, statistic: statistic)) else { return .nan }
            return result.batches[i].standardError(year: t, request: r)
        }
        let v = value(s), base = value(0)
        let seValue = se(s)
        var row = Row(value: v, se: seValue, difference: 0, differenceSE: 0, differenceP05: 0, differenceP95: 0,
                      relativeChange: 0, probabilityWorse: 0, independentSE: (seValue * seValue + se(0) * se(0)).squareRoot(),
                      deltaCost: deltaCost(s), avoidedPerCost: .nan, avoidedPerCostSE: .nan)
        if s > 0 {
            let pair = result.pairs[s - 1]
            row.difference = v - base
            row.relativeChange = base != 0 ? row.difference / base : .nan
            if statistic == .mean {
                row.differenceSE = pair.moments[series].standardError
                row.differenceP05 = pair.sketches[series].quantile(0.05)
                row.differenceP95 = pair.sketches[series].quantile(0.95)
                row.probabilityWorse = pair.probabilityWorse(year: t, metric: k)
            } else {
                let r = pair.batches.index(of: BatchRequest(metric: k, statistic: statistic))
                row.differenceSE = r.map { pair.batches.standardError(year: t, request: $0) } ?? .nan
                (row.differenceP05, row.differenceP95, row.probabilityWorse) = (.nan, .nan, .nan)
            }
        }
        if row.deltaCost.isFinite && row.deltaCost != 0 {
            row.avoidedPerCost = -row.difference / row.deltaCost
            row.avoidedPerCostSE = row.differenceSE / Swift.abs(row.deltaCost)
        }
        return row
    }

    public static let header = ["scenario", "year", "metric", "statistic", "value", "se", "difference", "difference_se",
                                "difference_p05", "difference_p95", "relative_change", "prob_worse", "independent_se",
                                "delta_cost_usd_bn", "avoided_per_usd_bn", "avoided_per_usd_bn_se"]

    public var csv: String {
        var table = CSVTable(header: ComparisonTables.header)
        let base = scenarios[0]
        for (s, scenario) in scenarios.enumerated() {
            for t in 0..<base.horizonYears {
                for k in 0..<metrics.count {
                    for statistic in ComparisonTables.statistics {
                        let r = row(scenario: s, year: t, metric: k, statistic: statistic)
                        table.append([.text(scenario.name), .integer(Int64(base.startYear + t)), .text(metrics.names[k]),
                                      .text(statistic.name)]
                                     + [r.value, r.se, r.difference, r.differenceSE, r.differenceP05, r.differenceP95,
                                        r.relativeChange, r.probabilityWorse, r.independentSE, r.deltaCost,
                                        r.avoidedPerCost, r.avoidedPerCostSE].map { .number($0) })
                    }
                }
            }
        }
        return table.text
    }
}
