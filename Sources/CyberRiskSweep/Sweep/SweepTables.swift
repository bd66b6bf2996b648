import CyberRisk

/// The CSV files of a finished sweep, built from its journal's header and records alone (so a
/// resumed, an uninterrupted and a merged sharded sweep give the same bytes).
///
/// - `sweep.csv`: `point,<parameter paths…>,scenario,year,metric,trials,mean,sd,se,p05,p50,p95,p99,es95`,
///   one row per (point, year, metric), ordered by point, year, then metric in scenario order.
/// - `points.csv`: `point,<parameter paths…>,seed` — the design, one row per point.
///
/// (A Saltelli design's folder also holds the sensitivity indices, a tornado design's the
/// swings of ``TornadoAnalysis``: see `SweepFolder`.)
package struct SweepTables: Sendable {
    let header: SweepJournal.Header
    /// Records ordered by point index.
    let records: [SweepRecord]

    init(header: SweepJournal.Header, records: [SweepRecord]) {
        self.header = header
        self.records = records.sorted { $0.point.index < $1.point.index }
    }

    var sweepCSV: String {
        var table = CSVTable(header: ["point"] + header.parameterPaths
                             + ["scenario", "year", "metric", "trials"] + SweepRecord.Row.statistics)
        for r in records {
            let lead: [CSVTable.Field] = [.integer(Int64(r.point.index))] + r.point.values.map { .number($0) }
                + [.text(r.scenario)]
            for (t, year) in r.years.enumerated() {
                for (k, metric) in r.metrics.enumerated() {
                    let row = r.rows[t * r.metrics.count + k]
                    table.append(lead + [.integer(Int64(year)), .text(metric), .integer(row.trials)]
                                 + row.values.map { .number($0) })
                }
            }
        }
        return table.text
    }

    var pointsCSV: String {
        SweepTables.pointsCSV(parameterPaths: header.parameterPaths, points: records.map(\.point))
    }

    /// `points.csv` of `points` (also what `sweep --plan` prints).
    package static func pointsCSV(parameterPaths: [String], points: [SweepPoint]) -> String {
        var table = CSVTable(header: ["point"] + parameterPaths + ["seed"])
        for p in points {
            table.append([.integer(Int64(p.index))] + p.values.map { .number($0) } + [.text(String(p.seed))])
        }
        return table.text
    }
}
