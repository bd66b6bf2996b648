import CyberRisk

import Foundation

/// The report of a `stress --dynamic --out DIR` folder: the recovery curves of `recovery.csv`
/// (`day,sector,inoperability`, every day and sector) and the per-sector peak, days disrupted and
/// inoperability-days of `stress.csv`. A static `stress` folder (no `recovery.csv`) is refused by
/// ``ReportDocument``, as it has no curves to draw.
///
/// ```swift
/// let report = try StressReport(folder: "stress-out")
/// report.charts.map(\.id)   // ["recovery-curves"]
/// ```
struct StressReport: Sendable {
    /// Sector ids in file order, and each one's inoperability per day.
    let sectors: [String]
    let curves: [String: [Double]]
    /// `stress.csv`'s rows (sector → column → text), for the table.
    let table: [[String]]
    let charts: [Chart]
    let html: String

    /// The most curves drawn (the sectors with the largest peaks); the rest are in the table.
    static let maximumCurves = 8

    init(folder: String) throws {
        let recovery = try CSVDocument(contentsOf: folder + "/recovery.csv")
        try recovery.require(["day", "sector", "inoperability"])
        var order: [String] = []
        var curves: [String: [Double]] = [:]
        for row in recovery.rows.indices {
            let id = try recovery.text(row: row, column: "sector")
            let day = try recovery.number(row: row, column: "day")
            let q = try recovery.number(row: row, column: "inoperability")
            if curves[id] == nil { order.append(id) }
            guard day == Double(curves[id, default: []].count) else {
                throw OutputError(reading: recovery.path, reason: "line \(row + 2): sector '\(id)': expected day "
                                  + "\(curves[id, default: []].count), found \(CSVTable.format(day))")
            }
            curves[id, default: []].append(q)
        }
        guard !order.isEmpty else { throw OutputError(reading: recovery.path, reason: "has no rows") }
        let stress = try CSVDocument(contentsOf: folder + "/stress.csv")
        let columns = ["sector", "peak_inoperability", "days_disrupted", "inoperability_days"]
        try stress.require(columns)
        table = try stress.rows.indices.map { row in
            try [stress.text(row: row, column: "sector"),
                 NumberFormat.percent.string(try stress.number(row: row, column: "peak_inoperability")),
                 stress.text(row: row, column: "days_disrupted"),
                 NumberFormat.significant(try stress.number(row: row, column: "inoperability_days"))]
        }
        sectors = order
        self.curves = curves
        let chart = StressReport.recoveryChart(order: order, curves: curves)
        charts = [chart]
        var page = HTMLPage(title: "cyberrisk report: dynamic stress test")
        page.body.append(HTMLPage.section("How long it lasts: recovery day by day", id: "recovery",
            intro: "The dynamic inoperability model (docs/model.md, \"Dynamic recovery\"): each sector's share of "
                + "normal operation lost on each day after the shock, recovering at its resilience and through the "
                + "sectors it depends on. The sectors with the largest peaks are drawn.",
            [HTMLPage.figure(chart),
             HTMLPage.table(caption: "Per sector (stress.csv)", header: ["sector", "peak inoperability", "days disrupted",
                                                                         "inoperability-days"], rows: table, labelColumns: 1)]))
        page.body.append(Markup("footer", children: [
            HTMLPage.paragraph("Made by `cyberrisk report` from \(folder): recovery.csv and stress.csv of "
                               + "`cyberrisk stress --dynamic`. Uncertain parameters are at their means; nothing is random."),
        ]))
        html = page.rendered
    }

    /// Inoperability by day of the sectors with the largest peaks (at most ``maximumCurves``).
    static func recoveryChart(order: [String], curves: [String: [Double]]) -> Chart {
        let ranked = order.filter { (curves[$0]?.max() ?? 0) > 0 }
            .sorted { (curves[$0]?.max() ?? 0, $1) > (curves[$1]?.max() ?? 0, $0) }
        let shown = Array(ranked.prefix(maximumCurves))
        let days = curves.values.map(\.count).max() ?? 1
        let area = PlotArea(width: 720, height: 360, marginBottom: 90)
        let top = shown.compactMap { curves[$0]?.max() }.max() ?? 1
        var xy = XYChart(area: area, x: Scale(domain: 0, Double(Swift.max(days - 1, 1)), pixels: area.left, area.right),
                         y: .zeroBased(maximum: Swift.max(top, 1e-9), pixels: area.vertical, reversed: true),
                         xTitle: "day", yTitle: "inoperability, % of normal operation")
        xy.yFormat = .percent
        let colors = [Palette.blue, Palette.vermillion, Palette.bluishGreen, Palette.orange, Palette.reddishPurple,
                      Palette.skyBlue, Palette.yellow, Palette.black]
        for (k, id) in shown.enumerated() {
            let y = curves[id] ?? []
            xy.lines.append(Line(label: id, x: y.indices.map(Double.init), y: y, color: colors[k % colors.count], width: 2))
            xy.legend.append(.line(id, colors[k % colors.count]))
        }
        let hidden = ranked.count - shown.count
        return xy.chart(id: "recovery-curves", title: "Recovery curves",
                        caption: "Inoperability q_i(k) of each sector on day k (recovery.csv)"
                            + (hidden > 0 ? "; \(hidden) more sectors with smaller peaks are in the table." : "."))
    }
}
