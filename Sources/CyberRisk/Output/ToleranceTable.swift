import Foundation

/// A scenario's risk tolerances evaluated in every year: `tolerances.csv` (and what `run` prints).
///
/// `tolerances.csv`: `scenario,year,tolerance,metric,statistic,max,value,se,breached,probability_of_exceeding`,
/// one row per (tolerance, year), tolerances in config order. `value` is the statistic as
/// `summary.csv` reports it; `se` its standard error (the mean's `se`, or batch means over
/// blocks for quantiles and expected shortfalls; `NaN` with fewer than two full blocks);
/// `breached` is `value > max`; `probability_of_exceeding` the share of trials whose metric
/// exceeds `max` in that year.
public struct ToleranceTable: Sendable {
    /// One tolerance in one year.
    public struct Row: Sendable, Equatable {
        public var year: Int
        public var value: Double
        public var standardError: Double
        public var breached: Bool
        public var probabilityOfExceeding: Double
    }

    public let scenario: Scenario
    /// `rows[k]` are tolerance `k`'s years, in order.
    public let rows: [[Row]]

    /// Evaluates the scenario's tolerances; `batches` holds its ``Scenario/toleranceRequests``
    /// (others' errors are NaN).
    public init(tables: ForecastTables, batches: BatchMeans?) {
        let s = tables.scenario
        scenario = s
        let m = tables.metrics.count
        rows = s.tolerances.map { tolerance in
            guard let k = tables.metrics.names.firstIndex(of: tolerance.metric) else { return [] }
            let whole = tables.metrics.isCount(k)
            let request = batches?.index(of: BatchRequest(metric: k, statistic: tolerance.statistic))
            return (0..<s.horizonYears).map { t in
                let series = t * m + k
                let moments = tables.accumulator.metricMoments[series]
                let sketch = tables.accumulator.metricSketches[series]
                let value = tolerance.statistic.value(moments: moments, sketch: sketch, wholeNumbers: whole)
                let se: Double
                if tolerance.statistic == .mean {
                    se = moments.standardError
                } else if let batches, let request {
                    se = batches.standardError(year: t, request: request)
                } else {
                    se = .nan
                }
                let threshold = whole ? tolerance.max.rounded(.down) : tolerance.max
                let exceeding = ExceedanceGrid.probability(above: threshold, in: sketch, wholeNumbers: whole)
                return Row(year: s.startYear + t, value: value, standardError: se, breached: value > tolerance.max,
                           probabilityOfExceeding: exceeding)
            }
        }
    }

    /// The first calendar year in which tolerance `k` is breached, if any.
    public func firstBreach(_ k: Int) -> Int? { rows[k].first(where: \.breached)?.year }

    public var csv: String {
        var table = CSVTable(header: ["scenario", "year", "tolerance", "metric", "statistic", "max", "value", "se",
                                      "breached", "probability_of_exceeding"])
        for (k, tolerance) in scenario.tolerances.enumerated() {
            for row in rows[k] {
                table.append([.text(scenario.name), .integer(Int64(row.year)), .text(tolerance.name), .text(tolerance.metric),
                              .text(tolerance.statistic.name), .number(tolerance.max), .number(row.value),
                              .number(row.standardError), .text(row.breached ? "true" : "false"),
                              .number(row.probabilityOfExceeding)])
            }
        }
        return table.text
    }

}
