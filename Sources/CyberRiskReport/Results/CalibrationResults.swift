import CyberRisk
import Foundation

/// A calibration folder (`cyberrisk calibrate`) read back for the report: `posterior.csv`,
/// `ppc.csv`, `diagnostics.csv`, `hindcast.csv` when there is one, and `manifest.json`. Columns
/// are found by name.
///
/// ```swift
/// let c = try CalibrationResults(folder: "calibration")
/// c.posterior.first?.sector       // "chemical"
/// c.checks(label: "healthcare_public_health").map(\.year)
/// ```
struct CalibrationResults: Sendable {
    /// One row of `posterior.csv`.
    struct Posterior: Sendable, Equatable {
        var sector: String
        var parameter: String
        var mean: Double
        var sd: Double
        var p05: Double
        var p50: Double
        var p95: Double
    }

    /// One row of `ppc.csv` or `hindcast.csv`.
    struct Check: Sendable, Equatable {
        var label: String
        var year: Int
        var observed: Double
        var p05: Double
        var p50: Double
        var p95: Double
        var pit: Double
        /// Whether the row was fitted (`ppc.csv`'s `fitted`); hindcast rows are not.
        var fitted: Bool
    }

    /// One scored row of `hindcast.csv` (without its summary row).
    struct Scored: Sendable, Equatable {
        var check: Check
        var naive: Double
        var inside50: Bool
        var inside90: Bool
        var crps: Double
        var naiveCRPS: Double
    }

    /// `hindcast.csv`: the scored rows and the summary row (`*`).
    struct HindcastTable: Sendable, Equatable {
        var year: Int
        var rows: [Scored]
        var sectorRows: Int
        var coverage50: Double
        var coverage90: Double
        var meanCRPS: Double
        var meanNaiveCRPS: Double
    }

    let folder: String
    let manifest: ManifestInfo
    let posterior: [Posterior]
    let checks: [Check]
    let diagnostics: CSVDocument
    let hindcast: HindcastTable?

    init(folder: String) throws {
        self.folder = folder
        manifest = try ManifestInfo(contentsOf: folder + "/manifest.json")
        let p = try CSVDocument(contentsOf: folder + "/posterior.csv")
        try p.require(["sector", "parameter", "mean", "sd", "p05", "p50", "p95"])
        posterior = try p.rows.indices.map { k in
            Posterior(sector: try p.text(row: k, column: "sector"), parameter: try p.text(row: k, column: "parameter"),
                      mean: try p.number(row: k, column: "mean"), sd: try p.number(row: k, column: "sd"),
                      p05: try p.number(row: k, column: "p05"), p50: try p.number(row: k, column: "p50"),
                      p95: try p.number(row: k, column: "p95"))
        }
        let ppc = try CSVDocument(contentsOf: folder + "/ppc.csv")
        checks = try ppc.rows.indices.map { try CalibrationResults.check(ppc, row: $0) }
        diagnostics = try CSVDocument(contentsOf: folder + "/diagnostics.csv")
        try diagnostics.require(["sector", "parameter", "rhat", "ess_bulk", "ess_tail"])
        let path = folder + "/hindcast.csv"
        hindcast = FileManager.default.fileExists(atPath: path) ? try CalibrationResults.hindcast(try CSVDocument(contentsOf: path)) : nil
    }

    /// The checks of one row label, by year.
    func checks(label: String) -> [Check] {
        checks.filter { $0.label == label }.sorted { $0.year < $1.year }
    }

    /// The row labels in file order: sector rows first, then aggregates.
    var labels: [String] {
        var seen: Set<String> = []
        let ordered = checks.map(\.label).filter { seen.insert($0).inserted }
        return ordered.filter { $0 != "all" && !$0.contains("+") } + ordered.filter { $0 == "all" || $0.contains("+") }
    }

    static func check(_ csv: CSVDocument, row k: Int) throws -> Check {
        try csv.require(["sector", "year", "observed", "p05", "p50", "p95", "pit"])
        let year = try RunResults.year(csv, row: k)
        let fitted = csv.column("fitted") == nil ? false : try csv.text(row: k, column: "fitted") == "true"
        return Check(label: try csv.text(row: k, column: "sector"), year: year,
                     observed: try csv.number(row: k, column: "observed"), p05: try csv.number(row: k, column: "p05"),
                     p50: try csv.number(row: k, column: "p50"), p95: try csv.number(row: k, column: "p95"),
                     pit: try csv.number(row: k, column: "pit"), fitted: fitted)
    }

    static func hindcast(_ csv: CSVDocument) throws -> HindcastTable {
        try csv.require(["sector", "year", "observed", "naive", "in50", "in90", "crps", "crps_naive"])
        var rows: [Scored] = []
        var summary: HindcastTable?
        for k in csv.rows.indices {
            if try csv.text(row: k, column: "sector") == "*" {
                summary = HindcastTable(year: try RunResults.year(csv, row: k), rows: [],
                                        sectorRows: try csv.count(row: k, column: "observed"),
                                        coverage50: try csv.number(row: k, column: "in50"),
                                        coverage90: try csv.number(row: k, column: "in90"),
                                        meanCRPS: try csv.number(row: k, column: "crps"),
                                        meanNaiveCRPS: try csv.number(row: k, column: "crps_naive"))
                continue
            }
            rows.append(Scored(check: try check(csv, row: k), naive: try csv.number(row: k, column: "naive"),
                               inside50: try csv.number(row: k, column: "in50") == 1,
                               inside90: try csv.number(row: k, column: "in90") == 1,
                               crps: try csv.number(row: k, column: "crps"),
                               naiveCRPS: try csv.number(row: k, column: "crps_naive")))
        }
        guard var table = summary else {
            throw OutputError(reading: csv.path, reason: "no summary row (sector '*')")
        }
        table.rows = rows
        return table
    }
}
