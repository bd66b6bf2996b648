@_spi(Engine) @testable import CyberRisk
import Testing

@Suite struct ToleranceTableTests {
    /// Each tolerance, each year: the statistic as the summary has it, breached exactly when it
    /// exceeds max, and P(X > max) as the share of trials above (whole numbers: above ⌊max⌋).
    @Test func evaluatesEveryTolerancePerYear() throws {
        var s = ComparisonTests.scenario(decline: 0, trials: 4096, years: 3)
        let tables0 = ForecastTables(scenario: s, accumulator: try ScenarioFixtures.run(s, threads: 2))
        let p90 = tables0.summary(year: 1, metric: 0).quantile(named: "p90")!
        s.tolerances = [
            Tolerance(name: "nat", metric: "national_risk", statistic: .quantile(0.9), max: p90),
            Tolerance(name: "mean", metric: "national_risk", statistic: .mean, max: 0),
            Tolerance(name: "count", metric: "sectors_disrupted", statistic: .quantile(0.5), max: 0.5),
        ]
        let run = try Forecast(plan: SimulationPlan(scenario: s)).run(blocks: 0..<4, threads: 2, requests: s.toleranceRequests)
        let tables = ForecastTables(scenario: s, accumulator: run.accumulator)
        let t = ToleranceTable(tables: tables, batches: run.batches)
        #expect(t.rows[0][1].value == p90 && !t.rows[0][1].breached)
        #expect(t.rows[0][1].standardError.isFinite && t.rows[0][1].standardError > 0)
        #expect(Swift.abs(t.rows[0][1].probabilityOfExceeding - 0.1) < 0.01)
        for (year, row) in t.rows[1].enumerated() {
            let sketch = run.accumulator.metricSketches[year * tables.metrics.count]
            #expect(row.breached && row.probabilityOfExceeding == 1 - Double(sketch.zeroCount) / Double(sketch.count))
        }
        #expect(t.rows[1][0].standardError == tables.summary(year: 0, metric: 0).standardError)
        #expect(t.firstBreach(1) == 2026)
        let disrupted = run.accumulator.metricMoments[2 * tables.metrics.count + MetricSet.Core.sectorsDisrupted.rawValue]
        let share = t.rows[2][2].probabilityOfExceeding
        #expect(share <= disrupted.mean + 1e-12)     // P(count ≥ 1) ≤ E[count]
        let lines = t.csv.split(separator: "\n")
        #expect(lines[0] == "scenario,year,tolerance,metric,statistic,max,value,se,breached,probability_of_exceeding")
        #expect(lines.count == 1 + 3 * 3)
        #expect(lines[1].hasPrefix("fixture,2026,nat,national_risk,p90,"))
    }
}
