import CyberRisk

/// The Sobol' indices of a `cyberrisk sensitivity` folder, read from `sensitivity.csv` (and the
/// inner-noise shares from `sensitivity_noise.csv` when present), for the report.
///
/// ```swift
/// let s = try SensitivityResults(folder: "sensitivity")
/// s.entries(metric: "national_risk", year: s.year).first?.parameter
/// ```
struct SensitivityResults: Sendable {
    /// One parameter's indices for one (year, metric), with their 95% intervals.
    struct Entry: Sendable, Equatable {
        var parameter: String
        var s1: Double, s1Low: Double, s1High: Double
        var st: Double, stLow: Double, stHigh: Double
    }

    let path: String
    /// The last year in the file: the one the report shows.
    let year: Int
    /// Parameters in file order.
    let parameters: [String]
    /// `"metric@year"` → entries in file (spec) order.
    let table: [String: [Entry]]
    /// `"metric@year"` → share of inner Monte-Carlo noise in the output variance.
    let noise: [String: Double]

    /// Reads `FOLDER/sensitivity.csv`; throws ``OutputError`` naming the file when it is malformed.
    init(folder: String) throws {
        let csv = try CSVDocument(contentsOf: folder + "/sensitivity.csv")
        let columns = ["year", "metric", "parameter", "S1", "S1_lo", "S1_hi", "ST", "ST_lo", "ST_hi"]
        try csv.require(columns)
        path = csv.path
        var table: [String: [Entry]] = [:]
        var parameters: [String] = []
        var lastYear = Int.min
        for row in csv.rows.indices {
            let year = try RunResults.year(csv, row: row)
            lastYear = Swift.max(lastYear, year)
            let p = try csv.text(row: row, column: "parameter")
            if !parameters.contains(p) { parameters.append(p) }
            let x = try columns.dropFirst(3).map { try csv.number(row: row, column: $0) }
            table["\(try csv.text(row: row, column: "metric"))@\(year)", default: []]
                .append(Entry(parameter: p, s1: x[0], s1Low: x[1], s1High: x[2], st: x[3], stLow: x[4], stHigh: x[5]))
        }
        guard lastYear > Int.min else { throw OutputError(reading: csv.path, reason: "no data rows") }
        year = lastYear
        self.parameters = parameters
        self.table = table
        var noise: [String: Double] = [:]
        if let shares = try? CSVDocument(contentsOf: folder + "/sensitivity_noise.csv") {
            for row in shares.rows.indices {
                if let year = try? RunResults.year(shares, row: row), let metric = try? shares.text(row: row, column: "metric"),
                   let share = try? shares.number(row: row, column: "noise_share") {
                    noise["\(metric)@\(year)"] = share
                }
            }
        }
        self.noise = noise
    }

    /// The indices of `metric` in `year`, most influential first (by ST, then S1; undefined last).
    func entries(metric: String, year: Int) -> [Entry] {
        let entries = table["\(metric)@\(year)"] ?? []
        return SensitivityRanking.order(firstOrder: entries.map(\.s1), total: entries.map(\.st)).map { entries[$0] }
    }

    /// The share of inner Monte-Carlo noise in the variance of `metric` in `year`, if known.
    func noiseShare(metric: String, year: Int) -> Double? { noise["\(metric)@\(year)"] }
}
