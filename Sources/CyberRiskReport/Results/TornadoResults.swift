import CyberRisk
/// The swings of a `cyberrisk tornado` folder, read from `tornado.csv`, for the report.
///
/// ```swift
/// let t = try TornadoResults(folder: "tornado")
/// t.bars(metric: "national_risk", year: t.year).first?.parameter   // the parameter that moves it most
/// ```
struct TornadoResults: Sendable {
    /// One row of `tornado.csv`: one parameter's swing of one (year, metric) — the sweep layer's
    /// `Bar` as the report reads it back.
    struct Bar: Sendable, Equatable {
        var parameter: String
        var low, base, high: Double
        var valueLow, valueBase, valueHigh: Double
        var swing: Double { valueHigh - valueLow }
    }

    let folder: String
    /// The last year in the file: the one the report shows.
    let year: Int
    /// Parameters in first-seen order.
    let parameters: [String]
    /// `"metric@year"` → bars in file order (largest swing first).
    let table: [String: [Bar]]
    /// Parameters swept on a log scale (`log_range`), from the folder's manifest.
    let logScale: Set<String>

    init(folder: String) throws {
        self.folder = folder
        let csv = try CSVDocument(contentsOf: folder + "/tornado.csv")
        let numbers = ["low", "base", "high", "value_low", "value_base", "value_high"]
        try csv.require(["parameter", "year", "metric"] + numbers)
        var table: [String: [Bar]] = [:]
        var parameters: [String] = []
        var last = Int.min
        for row in csv.rows.indices {
            let year = try RunResults.year(csv, row: row)
            last = Swift.max(last, year)
            let p = try csv.text(row: row, column: "parameter")
            if !parameters.contains(p) { parameters.append(p) }
            let x = try numbers.map { try csv.number(row: row, column: $0) }
            table["\(try csv.text(row: row, column: "metric"))@\(year)", default: []]
                .append(Bar(parameter: p, low: x[0], base: x[1], high: x[2], valueLow: x[3], valueBase: x[4],
                                            valueHigh: x[5]))
        }
        guard last > Int.min else { throw OutputError(reading: csv.path, reason: "no data rows") }
        year = last
        self.parameters = parameters
        self.table = table
        let manifest = try? ManifestInfo(contentsOf: folder + "/manifest.json")
        logScale = Set((manifest?.objects("parameters") ?? []).compactMap { p in
            (p["scale"] as? String) == "log" ? p["path"] as? String : nil
        })
    }

    /// The tornado and spider charts of `metric` in the last year.
    func charts(metric: String) -> (tornado: Chart, spider: Chart) {
        let bars = self.bars(metric: metric, year: year)
        return (TornadoChart(bars: bars).chart(id: "tornado-\(metric)", metric: metric, year: year),
                SpiderChart(bars: bars, logScale: logScale).chart(id: "spider-\(metric)", metric: metric, year: year))
    }

    /// The bars of `metric` in `year`, largest swing first: in file order, which is the order
    /// `tornado.csv` is written in (by `|swing|`, largest first, ties in spec order).
    func bars(metric: String, year: Int) -> [Bar] {
        table["\(metric)@\(year)"] ?? []
    }
}
