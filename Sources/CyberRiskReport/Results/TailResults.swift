import Foundation

/// The tail files of a forecast folder read back for the report: `return_periods.csv` and
/// `event_classes.csv` (folders written before them have neither: then the report has no tail
/// section).
struct TailResults: Sendable {
    /// One row of `return_periods.csv`.
    struct Row: Sendable, Equatable {
        var returnPeriod: Double
        var aep, aepSE, aepTVaR, aepTVaRSE, oep, oepSE, oepTVaR, oepTVaRSE, aal, aalSE: Double
        var resolved: Bool
    }

    /// One row of `event_classes.csv`.
    struct EventClassRow: Sendable, Equatable {
        var id: String
        var meanEvents, meanLoss: Double
        /// Shares at the driver return periods 100 and 200: of the years beyond the AEP level,
        /// of the events beyond the OEP level.
        var aggregateShares: [Double]
        var largestShares: [Double]
    }

    /// `rows[metric][year]`, by return period.
    let rows: [String: [Int: [Row]]]
    /// `classes[year]`, in file order (the row `none` last).
    let classes: [Int: [EventClassRow]]

    /// `nil` when the folder has no `return_periods.csv`; throws ``ReportError`` for a malformed one.
    init?(folder: String) throws {
        let path = folder + "/return_periods.csv"
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let csv = try CSVDocument(contentsOf: path)
        try csv.require(["year", "metric", "return_period", "aep", "aep_tvar", "oep", "oep_tvar", "aep_se", "oep_se", "resolved"])
        var rows: [String: [Int: [Row]]] = [:]
        func n(_ row: Int, _ column: String) throws -> Double {
            csv.column(column) == nil ? .nan : try csv.number(row: row, column: column)
        }
        for r in csv.rows.indices {
            let metric = try csv.text(row: r, column: "metric")
            let year = try RunResults.year(csv, row: r)
            let row = Row(returnPeriod: try n(r, "return_period"), aep: try n(r, "aep"), aepSE: try n(r, "aep_se"),
                          aepTVaR: try n(r, "aep_tvar"), aepTVaRSE: try n(r, "aep_tvar_se"), oep: try n(r, "oep"),
                          oepSE: try n(r, "oep_se"), oepTVaR: try n(r, "oep_tvar"), oepTVaRSE: try n(r, "oep_tvar_se"),
                          aal: try n(r, "aal"), aalSE: try n(r, "aal_se"),
                          resolved: try csv.text(row: r, column: "resolved") == "true")
            rows[metric, default: [:]][year, default: []].append(row)
        }
        self.rows = rows
        var classes: [Int: [EventClassRow]] = [:]
        let eventsPath = folder + "/event_classes.csv"
        if FileManager.default.fileExists(atPath: eventsPath) {
            let events = try CSVDocument(contentsOf: eventsPath)
            try events.require(["year", "event_class", "aep_share_100", "aep_share_200", "oep_share_100", "oep_share_200"])
            for r in events.rows.indices {
                let year = try RunResults.year(events, row: r)
                func m(_ column: String) throws -> Double {
                    events.column(column) == nil ? .nan : try events.number(row: r, column: column)
                }
                classes[year, default: []].append(EventClassRow(
                    id: try events.text(row: r, column: "event_class"), meanEvents: try m("mean_events"),
                    meanLoss: try m("mean_loss_usd_bn"),
                    aggregateShares: [try m("aep_share_100"), try m("aep_share_200")],
                    largestShares: [try m("oep_share_100"), try m("oep_share_200")]))
            }
        }
        self.classes = classes
    }
}
