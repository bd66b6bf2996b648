import Foundation
import Testing
@_spi(Engine) @testable import CyberRisk

/// Every value of `summary.csv`, `sectors.csv` and `exceedance.csv` of a real forecast (the
/// embedded baseline: 16 sectors, ten years, every mechanism on, uncertain inputs; 3,000 trials,
/// so three blocks, the last one partial) against the same statistic computed from the raw
/// trial values, within the accuracy the docs state: means, sd and se to rounding (exact sums),
/// min, max and `p_disrupted` exactly, quantiles within the sketch's relative accuracy
/// `α = 1/257` of the order statistic of rank `⌊q(n − 1)⌋` (`2α` for whole-number metrics, whose
/// quantiles are rounded), expected shortfalls within `α` of
/// the mean of the largest `⌈p·n⌉` values, and each exceedance probability between the raw
/// `P(X ≥ t·129/128)` and `P(X ≥ t·128/129)` (the sketch's bucket around the threshold `t`).
/// Columns are read by name; a column this test does not know fails it, so a new output column
/// comes with its check.
@Suite struct ForecastTablesValueTests {
    /// The sketch's stated relative accuracy (docs/model.md, "Statistics").
    static let alpha = 1.0 / 257
    /// Relative allowance for moments from exact sums against a plain sum of the raw values.
    static let rounding = 1e-11

    static let raw: RawForecast = {
        let s = try! ScenarioCatalog.loader.load(embedded: "baseline.yaml", overrides: ["trials=3000"])
        return try! RawForecast(s)
    }()
    static var tables: ForecastTables { ForecastTables(scenario: raw.scenario, accumulator: raw.accumulator) }
    static let sortedMetrics: [[[Double]]] = raw.metrics.map { $0.map { $0.sorted() } }

    /// The capture saw the forecast itself: the block-by-block run equals `Forecast.run`.
    @Test func capturedRunIsTheForecast() throws {
        let acc = try Forecast(plan: SimulationPlan(scenario: Self.raw.scenario)).run(threads: 2)
        let same = acc == Self.raw.accumulator
        #expect(same)
        #expect(Self.raw.metrics.allSatisfy { $0.allSatisfy { $0.count == 3000 } })
    }

    /// `x` as a table writes it (`NaN`, `inf`) parsed back.
    static func number(_ row: [String: String], _ column: String) -> Double {
        let cell = row[column] ?? "missing"
        if cell == "inf" { return .infinity }
        if cell == "-inf" { return -.infinity }
        return Double(cell) ?? .nan
    }

    /// Mean and unbiased variance of `x` (two-pass, plain doubles).
    static func moments(_ x: [Double]) -> (mean: Double, variance: Double) {
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        return (mean, x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1))
    }

    static func expectClose(_ a: Double, _ b: Double, relative: Double, scale: Double, _ label: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(abs(a - b) <= relative * scale, "\(label): \(a) vs \(b)", sourceLocation: sourceLocation)
    }

    /// The level `0.d…` of a column `pd…` (`p01` → 0.01, `p995` → 0.995), or nil.
    static func level(_ column: String, prefix: String) -> Double? {
        guard column.hasPrefix(prefix), column.count > prefix.count,
              column.dropFirst(prefix.count).allSatisfy(\.isNumber) else { return nil }
        return Double("0." + column.dropFirst(prefix.count))
    }

    /// The tail share of a column `esd…` (`es95` → 0.05, `es99` → 0.01: `(10^k − d)/10^k`, the
    /// same double as the literal), or nil.
    static func tailFraction(_ column: String) -> Double? {
        guard level(column, prefix: "es") != nil else { return nil }
        let digits = column.dropFirst(2)
        let scale = pow(10, Double(digits.count))
        return (scale - Double(digits)!) / scale
    }

    /// The item of 0-based rank `⌊q(n − 1)⌋`.
    static func orderStatistic(_ sorted: [Double], _ q: Double) -> Double {
        sorted[Int((q * Double(sorted.count - 1)).rounded(.down))]
    }

    /// Mean of the largest `⌈p·n⌉` values.
    static func tailMean(_ sorted: [Double], fraction p: Double) -> Double {
        let m = Int((p * Double(sorted.count)).rounded(.up))
        return sorted.suffix(m).reduce(0, +) / Double(m)
    }

    @Test func everySummaryColumnMatchesTheRawValues() throws {
        let raw = Self.raw, metrics = MetricSet(scenario: raw.scenario)
        let csv = CSVRows(Self.tables.summaryCSV)
        #expect(csv.rows.count == raw.scenario.horizonYears * metrics.count)
        let known: Set = ["scenario", "year", "metric", "trials", "mean", "sd", "se", "min", "max"]
        for column in csv.header where !known.contains(column) {
            #expect(Self.level(column, prefix: "p") != nil || Self.tailFraction(column) != nil,
                    "summary.csv column \(column) has no value check")
        }
        for row in csv.rows {
            let t = try #require(Int(row["year"] ?? "")) - raw.scenario.startYear
            let k = try #require(metrics.names.firstIndex(of: row["metric"] ?? ""))
            let label = "\(row["year"]!) \(metrics.names[k])"
            let x = raw.metrics[t][k], sorted = Self.sortedMetrics[t][k]
            let (mean, variance) = Self.moments(x)
            let scale = abs(mean) + variance.squareRoot() + .leastNormalMagnitude
            #expect(row["trials"] == "\(x.count)", "\(label): trials")
            Self.expectClose(Self.number(row, "mean"), mean, relative: Self.rounding, scale: scale, "\(label): mean")
            Self.expectClose(Self.number(row, "sd"), variance.squareRoot(), relative: Self.rounding, scale: scale, "\(label): sd")
            Self.expectClose(Self.number(row, "se"), (variance / Double(x.count)).squareRoot(), relative: Self.rounding,
                             scale: scale, "\(label): se")
            #expect(Self.number(row, "min") == sorted.first! && Self.number(row, "max") == sorted.last!, "\(label): min/max")
            for column in csv.header {
                if let q = Self.level(column, prefix: "p") {
                    let truth = Self.orderStatistic(sorted, q)
                    let estimate = Self.number(row, column)
                    // A whole-number quantile is the representative rounded: the nearest whole number to
                    // r is no farther from r than the order statistic is, so at most 2α from it.
                    let allowed = (metrics.isCount(k) ? 2 : 1) * Self.alpha * abs(truth)
                    #expect(abs(estimate - truth) <= allowed, "\(label) \(column): \(estimate) vs \(truth)")
                } else if let fraction = Self.tailFraction(column) {
                    let truth = Self.tailMean(sorted, fraction: fraction)
                    let estimate = Self.number(row, column)
                    #expect(abs(estimate - truth) <= Self.alpha * abs(truth) + 1e-15 * abs(truth),
                            "\(label) \(column): \(estimate) vs \(truth)")
                }
            }
        }
    }

    @Test func sectorColumnsMatchTheRawValues() throws {
        let raw = Self.raw, s = raw.scenario
        let csv = CSVRows(Self.tables.sectorsCSV)
        #expect(csv.rows.count == s.horizonYears * s.sectors.count)
        for row in csv.rows {
            let t = try #require(Int(row["year"] ?? "")) - s.startYear
            let i = try #require(s.sectors.firstIndex { $0.id == row["sector"] })
            let label = "\(row["year"]!) \(s.sectors[i].id)"
            let q = raw.inoperability[t][i], c = raw.shocks[t][i]
            let sorted = q.sorted()
            let (mean, sdq) = Self.moments(q)
            Self.expectClose(Self.number(row, "mean_inoperability"), mean, relative: Self.rounding,
                             scale: mean + sdq.squareRoot(), "\(label): mean_inoperability")
            let p95 = Self.orderStatistic(sorted, 0.95)
            #expect(abs(Self.number(row, "p95_inoperability") - p95) <= Self.alpha * p95, "\(label): p95_inoperability")
            let disrupted = q.filter { $0 >= s.cascade.failureThreshold }.count
            #expect(Self.number(row, "p_disrupted") == Double(disrupted) / Double(q.count), "\(label): p_disrupted")
            let (shock, sdc) = Self.moments(c)
            Self.expectClose(Self.number(row, "mean_direct_shock"), shock, relative: Self.rounding,
                             scale: shock + sdc.squareRoot(), "\(label): mean_direct_shock")
        }
        // The disruption thresholds are crossed in this run, so p_disrupted is not checked only at 0.
        #expect(csv.rows.contains { Self.number($0, "p_disrupted") > 0 })
    }

    /// Whatever thresholds the table chose, each probability is bracketed by the raw exceedance
    /// just outside the sketch bucket of the threshold (`t + ½` for whole-number metrics, whose
    /// `P(X > x)` is `P(X ≥ x + 1)`).
    @Test func exceedanceProbabilitiesMatchTheRawValues() throws {
        let raw = Self.raw, metrics = MetricSet(scenario: raw.scenario)
        let csv = CSVRows(Self.tables.exceedanceCSV)
        #expect(!csv.rows.isEmpty)
        var interior = 0
        for row in csv.rows {
            let t = try #require(Int(row["year"] ?? "")) - raw.scenario.startYear
            let k = try #require(metrics.names.firstIndex(of: row["metric"] ?? ""))
            let sorted = Self.sortedMetrics[t][k]
            let threshold = Self.number(row, "threshold")
            let at = metrics.isCount(k) ? threshold + 0.5 : threshold
            let n = Double(sorted.count)
            func above(_ x: Double, orEqual: Bool) -> Double {
                Double(sorted.filter { orEqual ? $0 >= x : $0 > x }.count) / n
            }
            let p = Self.number(row, "probability")
            let label = "\(row["year"]!) \(metrics.names[k]) > \(threshold)"
            if at == 0 {
                #expect(p == above(0, orEqual: false), "\(label): \(p)")
            } else {
                let (low, high) = (above(at * 129 / 128, orEqual: true), above(at * 128 / 129, orEqual: true))
                #expect(p >= low && p <= high, "\(label): \(p) not in [\(low), \(high)]")
                if p > 0 && p < 1 { interior += 1 }
            }
        }
        // The curves are not checked only where they are 0 or 1 (however the thresholds are placed).
        #expect(interior > csv.rows.count / 4, "\(interior) of \(csv.rows.count) probabilities strictly between 0 and 1")
    }
}
