import CyberRisk
/// A comparison folder (`cyberrisk compare`) read back for the report: `manifest.json` and
/// `comparison.csv`.
///
/// ```swift
/// let c = try ComparisonResults(folder: "compare")
/// c.series(scenario: "secure-by-design", metric: "national_risk", statistic: "mean")?["difference_se"]
/// ```
struct ComparisonResults: Sendable {
    let folder: String
    let manifest: ManifestInfo
    /// Scenario names, the base first.
    let scenarios: [String]
    let years: [Int]
    let metrics: [String]
    let trials: Int
    /// `"scenario|metric|statistic"` → column → one value per year.
    let table: [String: [String: [Double]]]

    /// The columns of `comparison.csv` read as numbers.
    static let columns = ["value", "se", "difference", "difference_se", "difference_p05", "difference_p95",
                          "relative_change", "prob_worse", "independent_se", "delta_cost_usd_bn",
                          "avoided_per_usd_bn", "avoided_per_usd_bn_se"]

    init(folder: String) throws {
        self.folder = folder
        manifest = try ManifestInfo(contentsOf: folder + "/manifest.json")
        let csv = try CSVDocument(contentsOf: folder + "/comparison.csv")
        try csv.require(["scenario", "year", "metric", "statistic"] + ComparisonResults.columns)
        var scenarios: [String] = [], metrics: [String] = [], years = Set<Int>()
        var cells: [String: [Int: [String: Double]]] = [:]
        for row in csv.rows.indices {
            let s = try csv.text(row: row, column: "scenario"), m = try csv.text(row: row, column: "metric")
            if !scenarios.contains(s) { scenarios.append(s) }
            if !metrics.contains(m) { metrics.append(m) }
            let year = try RunResults.year(csv, row: row)
            years.insert(year)
            var values: [String: Double] = [:]
            for c in ComparisonResults.columns { values[c] = try csv.number(row: row, column: c) }
            cells["\(s)|\(m)|\(try csv.text(row: row, column: "statistic"))", default: [:]][year] = values
        }
        guard scenarios.count >= 2 else { throw OutputError(reading: csv.path, reason: "fewer than two scenarios") }
        self.scenarios = scenarios
        self.metrics = metrics
        let sorted = years.sorted()
        self.years = sorted
        table = cells.mapValues { byYear in
            Dictionary(uniqueKeysWithValues: ComparisonResults.columns.map { c in (c, sorted.map { byYear[$0]?[c] ?? .nan }) })
        }
        trials = manifest.integer("trials_run") ?? manifest.integer("trials") ?? 0
    }

    /// The base scenario's name.
    var base: String { scenarios[0] }

    /// One (scenario, metric, statistic)'s columns over the years, as a ``MetricSeries``.
    func series(scenario: String, metric: String, statistic: String = "mean") -> MetricSeries? {
        table["\(scenario)|\(metric)|\(statistic)"].map { MetricSeries(metric: metric, years: years, columns: $0) }
    }
}
