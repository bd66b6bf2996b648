import CyberRisk
/// Reported incident counts by sector and year, read from an incidents CSV
/// (``IncidentCSV``) and matched to a scenario's sectors.
///
/// A row is either a **sector row** (one sector id: fitted) or an **aggregate row** (`all`, or
/// several ids joined by `+`): a total over several sectors that overlaps the sector rows, so it
/// is never fitted, only predicted and compared (a check).
public struct IncidentData: Sendable, Equatable {
    /// The file as shown in messages.
    public var file: String
    /// The rows in file order.
    public var rows: [IncidentRow]

    public init(file: String, rows: [IncidentRow]) {
        self.file = file
        self.rows = rows
    }

    /// The rows that are fitted (sector rows).
    public var sectorRows: [IncidentRow] { rows.filter { $0.kind == .sector } }

    /// The calendar years of the data, ascending, without repeats.
    public var years: [Int] { Array(Set(rows.map(\.year))).sorted() }
}

/// One row of incident data: `count` incidents reported in `year` by the sector(s) of `label`.
public struct IncidentRow: Sendable, Equatable {
    /// A fitted sector row, or an aggregate (check) row.
    public enum Kind: String, Sendable, Equatable {
        case sector, aggregate
    }

    /// 1-based line of the row in its file.
    public var line: Int
    /// The `sector` cell as written: a sector id, `all`, or ids joined by `+`.
    public var label: String
    /// Indices of the sectors the row counts (in the scenario's sector order).
    public var sectors: [Int]
    public var kind: Kind
    /// Calendar year.
    public var year: Int
    /// Reported incidents, a whole number `≥ 0` (held as `Double`).
    public var count: Double
    /// Share of the year the count covers, in `(0, 1]` (1 unless the file gives `exposure`).
    public var exposure: Double
    /// The share of successful incidents the source recorded for this row, in `(0, 1]`, when the
    /// file gives it; `nil`: the shared, uncertain reporting rate of the configuration.
    public var reportingRate: Double?

    public init(line: Int, label: String, sectors: [Int], kind: Kind, year: Int, count: Double,
                exposure: Double = 1, reportingRate: Double? = nil) {
        self.line = line
        self.label = label
        self.sectors = sectors
        self.kind = kind
        self.year = year
        self.count = count
        self.exposure = exposure
        self.reportingRate = reportingRate
    }
}
