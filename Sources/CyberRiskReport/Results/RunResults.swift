import CyberRisk

import Foundation

/// A forecast output folder (of `run`, `run --shard` or `merge`) read back for the report:
/// `manifest.json`, `summary.csv`, `sectors.csv` and `exceedance.csv`, plus the scenario decoded
/// from the resolved configuration the manifest stores.
///
/// ```swift
/// let r = try RunResults(folder: "out")
/// r.series["economic_loss_usd_bn"]?["mean"]   // yearly mean loss, US$ bn
/// r.scenario?.iot.devices                     // the IoT growth assumption
/// ```
package struct RunResults: Sendable {
    /// Per sector and year, from `sectors.csv`.
    struct SectorYears: Sendable, Equatable {
        var id: String
        var meanInoperability: [Double]
        var p95Inoperability: [Double]
        var probabilityDisrupted: [Double]
        /// The dynamic cascade only (NaN otherwise): each year's mean and 95th percentile of the
        /// days the sector was at or above the failure threshold.
        var meanDaysDisrupted: [Double] = []
        var p95DaysDisrupted: [Double] = []
    }

    /// One exceedance curve: thresholds and `P(metric > threshold)`.
    struct Curve: Sendable, Equatable {
        var thresholds: [Double]
        var probabilities: [Double]
    }

    let folder: String
    let manifest: ManifestInfo
    let scenarioName: String
    /// The simulated calendar years, in order.
    let years: [Int]
    /// Trials behind the statistics.
    let trials: Int
    /// Metrics in file order, and their series.
    let metrics: [String]
    let series: [String: MetricSeries]
    /// Sectors in file order.
    let sectors: [SectorYears]
    /// `exceedance[metric][year]`.
    let exceedance: [String: [Int: Curve]]
    /// The return periods and event classes (`return_periods.csv`, `event_classes.csv`), when the
    /// folder has them.
    let tail: TailResults?
    /// The scenario, or `nil` with ``scenarioProblem`` saying why it could not be decoded.
    let scenario: Scenario?
    let scenarioProblem: String?
    /// The risk tolerances of `tolerances.csv` (empty without one).
    let tolerances: [ToleranceMark]

    /// The most years a forecast covers (`horizon_years` is in 1…100): more in `summary.csv` is not
    /// a forecast's output, and would make the sectors × years heatmap huge.
    static let maximumYears = 100
    /// The most sectors a forecast has (the config's limit, 2000): more in `sectors.csv` would make
    /// the heatmap huge too.
    static let maximumSectors = 2000

    package init(folder: String) throws {
        self.folder = folder
        manifest = try ManifestInfo(contentsOf: folder + "/manifest.json")
        let summary = try CSVDocument(contentsOf: folder + "/summary.csv")
        try summary.require(["year", "metric", "mean"])
        var years = Set<Int>()
        var metrics: [String] = []
        var cells: [String: [Int: [String: Double]]] = [:]
        let statistics = summary.header.filter { !["scenario", "year", "metric"].contains($0) }
        for row in summary.rows.indices {
            let year = try RunResults.year(summary, row: row)
            let metric = try summary.text(row: row, column: "metric")
            if cells[metric] == nil { metrics.append(metric) }
            years.insert(year)
            var values: [String: Double] = [:]
            for name in statistics { values[name] = try summary.number(row: row, column: name) }
            cells[metric, default: [:]][year] = values
        }
        guard !years.isEmpty else { throw OutputError(reading: summary.path, reason: "no data rows") }
        guard years.count <= RunResults.maximumYears else {
            throw OutputError(reading: summary.path, reason: "\(years.count) years: a forecast covers at most "
                              + "\(RunResults.maximumYears) (horizon_years)")
        }
        let sortedYears = years.sorted()
        self.years = sortedYears
        self.metrics = metrics
        var series: [String: MetricSeries] = [:]
        for metric in metrics {
            var columns: [String: [Double]] = [:]
            for name in statistics {
                columns[name] = sortedYears.map { cells[metric]?[$0]?[name] ?? .nan }
            }
            series[metric] = MetricSeries(metric: metric, years: sortedYears, columns: columns)
        }
        self.series = series
        scenarioName = manifest.string("scenario")
            ?? (summary.column("scenario").map { summary.rows[0][$0] } ?? "unnamed")
        trials = try manifest.integer("trials_run") ?? manifest.integer("trials")
            ?? (summary.column("trials") != nil ? summary.count(row: 0, column: "trials") : 0)
        sectors = try RunResults.readSectors(folder + "/sectors.csv", years: sortedYears)
        exceedance = try RunResults.readExceedance(folder + "/exceedance.csv")
        tail = try TailResults(folder: folder)
        tolerances = try ToleranceMark.read(folder: folder)
        if let yaml = manifest.string("config") {
            do {
                scenario = try ScenarioCatalog.scenario(fromResolved: yaml, source: folder + "/manifest.json")
                scenarioProblem = nil
            } catch {
                scenario = nil
                scenarioProblem = "the configuration in manifest.json does not load with this version: \(error)"
            }
        } else {
            scenario = nil
            scenarioProblem = "manifest.json holds no resolved configuration"
        }
    }

    /// The mean of `metric` in the year index `t` (NaN if absent).
    func mean(_ metric: String, year t: Int) -> Double {
        series[metric]?.value("mean", year: t) ?? .nan
    }

    /// The display name of sector `id` (from the scenario; the id itself if unknown).
    func sectorName(_ id: String) -> String {
        scenario?.sectors.first { $0.id == id }?.name ?? id
    }

    static func year(_ csv: CSVDocument, row: Int) throws -> Int {
        let x = try csv.number(row: row, column: "year")
        guard x.isFinite, x == x.rounded(), Swift.abs(x) < 1e6 else {
            throw OutputError(reading: csv.path, reason: "line \(row + 2): column 'year': expected a calendar year, found \(x)")
        }
        return Int(x)
    }

    static func readSectors(_ path: String, years: [Int]) throws -> [SectorYears] {
        let csv = try CSVDocument(contentsOf: path)
        try csv.require(["year", "sector", "mean_inoperability"])
        var order: [String] = []
        var values: [String: [Int: (Double, Double, Double)]] = [:]
        var days: [String: [Int: (Double, Double)]] = [:]
        let hasDays = csv.column("mean_days_disrupted") != nil && csv.column("p95_days_disrupted") != nil
        for row in csv.rows.indices {
            let id = try csv.text(row: row, column: "sector")
            if values[id] == nil { order.append(id) }
            let p95 = csv.column("p95_inoperability") != nil ? try csv.number(row: row, column: "p95_inoperability") : .nan
            let disrupted = csv.column("p_disrupted") != nil ? try csv.number(row: row, column: "p_disrupted") : .nan
            values[id, default: [:]][try year(csv, row: row)] = (try csv.number(row: row, column: "mean_inoperability"),
                                                                 p95, disrupted)
            if hasDays {
                days[id, default: [:]][try year(csv, row: row)] = (try csv.number(row: row, column: "mean_days_disrupted"),
                                                                   try csv.number(row: row, column: "p95_days_disrupted"))
            }
        }
        guard order.count <= maximumSectors else {
            throw OutputError(reading: path, reason: "\(order.count) sectors: a forecast has at most \(maximumSectors)")
        }
        return order.map { id in
            let byYear = values[id] ?? [:]
            let dayYears = days[id] ?? [:]
            return SectorYears(id: id, meanInoperability: years.map { byYear[$0]?.0 ?? .nan },
                               p95Inoperability: years.map { byYear[$0]?.1 ?? .nan },
                               probabilityDisrupted: years.map { byYear[$0]?.2 ?? .nan },
                               meanDaysDisrupted: hasDays ? years.map { dayYears[$0]?.0 ?? .nan } : [],
                               p95DaysDisrupted: hasDays ? years.map { dayYears[$0]?.1 ?? .nan } : [])
        }
    }

    static func readExceedance(_ path: String) throws -> [String: [Int: Curve]] {
        let csv = try CSVDocument(contentsOf: path)
        try csv.require(["year", "metric", "threshold", "probability"])
        var curves: [String: [Int: Curve]] = [:]
        for row in csv.rows.indices {
            let metric = try csv.text(row: row, column: "metric")
            let year = try year(csv, row: row)
            var curve = curves[metric]?[year] ?? Curve(thresholds: [], probabilities: [])
            curve.thresholds.append(try csv.number(row: row, column: "threshold"))
            curve.probabilities.append(try csv.number(row: row, column: "probability"))
            curves[metric, default: [:]][year] = curve
        }
        return curves
    }
}
