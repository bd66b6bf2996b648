/// The swings of a `cyberrisk tornado` folder, read from `tornado.csv`, for the report.
///
/// ```swift
/// let t = try TornadoResults(folder: "tornado")
/// t.bars(metric: "national_risk", year: t.year).first?.parameter   // the parameter that moves it most
/// ```
public struct TornadoResults: Sendable {
    public let folder: String
    /// The last year in the file: the one the report shows.
    public let year: Int
    /// Parameters in first-seen order.
    public let parameters: [String]
    /// `"metric@year"` → bars in file order (largest swing first).
    let table: [String: [TornadoAnalysis.Bar]]
    /// Parameters swept on a log scale (`log_range`), from the folder's manifest.
    public let logScale: Set<String>

    public init(folder: String) throws {
        self.folder = folder
        let csv = try CSVDocument(contentsOf: folder + "/tornado.csv")
        let numbers = ["low", "base", "high", "value_low", "value_base", "value_high"]
        try csv.require(["parameter", "year", "metric"] + numbers)
        var table: [String: [TornadoAnalysis.Bar]] = [:]
        var parameters: [String] = []
        var last = Int.min
        for row in csv.rows.indices {
            let year = try RunResults.year(csv, row: row)
            last = Swift.max(last, year)
            let p = try csv.text(row: row, column: "parameter")
            if !parameters.contains(p) { parameters.append(p) }
            let x = try numbers.map { try csv.number(row: row, column: $0) }
            table["\(try csv.text(row: row, column: "metric"))@\(year)", default: []]
                .append(TornadoAnalysis.Bar(parameter: p, low: x[0], base: x[1], high: x[2], valueLow: x[3], valueBase: x[4],
                                            valueHigh: x[5]))
        }
        guard last > Int.min else { throw ReportError(path: csv.path, reason: "no data rows") }
        year = last
        self.parameters = parameters
        self.table = table
        let manifest = try? ManifestInfo(contentsOf: folder + "/manifest.json")
        logScale = Set((manifest?.objects("parameters") ?? []).compactMap { p in
            (p["scale"] as? String) == "log" ? p["path"] as? String : nil
        })
    }

    /// The tornado and spider charts of `metric` in the last year.
    public func charts(metric: String) -> (tornado: Chart, spider: Chart) {
        let bars = self.bars(metric: metric, year: year)
        return (TornadoChart(bars: bars).chart(id: "tornado-\(metric)", metric: metric, year: year),
                SpiderChart(bars: bars, logScale: logScale).chart(id: "spider-\(metric)", metric: metric, year: year))
    }

    /// The bars of `metric` in `year`, largest swing first.
    public func bars(metric: String, year: Int) -> [TornadoAnalysis.Bar] {
        TornadoAnalysis.sorted(table["\(metric)@\(year)"] ?? [])
    }
}
