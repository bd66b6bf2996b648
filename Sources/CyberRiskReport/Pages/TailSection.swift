/// The report's "How bad can a year get" section: the AEP and OEP curves on a return-period axis,
/// the return-period table with its standard errors for the first and last year, the whole
/// horizon's figures, and which event classes drive the 1-in-100 and 1-in-200 years. Without an
/// economic loss (no sector has an output) only national risk is drawn.
struct TailSection {
    /// The metrics drawn, when present.
    static let metrics = ["economic_loss_usd_bn", "national_risk"]
    /// The table's return periods.
    static let tablePeriods: [Double] = [10, 50, 100, 200, 500, 1000]

    let results: RunResults
    let tail: TailResults
    let charts: [Chart]

    init(results: RunResults, tail: TailResults) {
        self.results = results
        self.tail = tail
        let picks = TailSection.years(results.years)
        let loss = RunReport.lossIsModelled(results)
        charts = TailSection.metrics.filter { loss || $0 != "economic_loss_usd_bn" }.compactMap { metric in
            guard let byYear = tail.rows[metric] else { return nil }
            let years = picks.compactMap { y in byYear[y].map { (year: y, rows: $0) } }
            return years.isEmpty ? nil : ReturnPeriodChart.chart(metric: metric, years: years)
        }
    }

    /// First and last year.
    static func years(_ years: [Int]) -> [Int] {
        guard let first = years.first, let last = years.last else { return [] }
        return first == last ? [first] : [first, last]
    }

    var markup: Markup {
        var content: [Markup] = [HTMLPage.grid(charts.map { HTMLPage.figure($0) })]
        if let table = returnPeriodTable { content.append(table) }
        if let drivers = driverTable { content.append(drivers) }
        return HTMLPage.section("How bad can a year get?", id: "tail",
            intro: "Return periods: the loss a year exceeds once in T years on average. The aggregate (AEP) is "
                + "the whole year's, the occurrence (OEP) its largest systemic event's, cascaded on its own; "
                + "TVaR is the mean of the years beyond the level. ± is one standard error (batch means over "
                + "32 independent batches of the simulated futures); a dash marks a figure beyond this run's resolution.",
            content)
    }

    /// AEP ± SE, TVaR, OEP ± SE for the first and last year, economic loss.
    var returnPeriodTable: Markup? {
        guard RunReport.lossIsModelled(results), let byYear = tail.rows["economic_loss_usd_bn"] else { return nil }
        let years = TailSection.years(results.years).filter { byYear[$0] != nil }
        guard !years.isEmpty else { return nil }
        func bn(_ x: Double) -> String { x.isFinite ? NumberFormat.significant(x) : "–" }
        func pm(_ x: Double, _ se: Double, _ resolved: Bool) -> String {
            resolved ? "\(bn(x)) ± \(se.isFinite ? NumberFormat.significant(se, digits: 2) : "–")" : "–"
        }
        var rows: [[String]] = []
        for t in TailSection.tablePeriods {
            var row = ["1-in-\(RunReport.grouped(Int(t)))"]
            for y in years {
                guard let r = byYear[y]?.first(where: { $0.returnPeriod == t }) else { row += ["–", "–", "–"]; continue }
                row += [pm(r.aep, r.aepSE, r.resolved), r.resolved ? bn(r.aepTVaR) : "–", pm(r.oep, r.oepSE, r.resolved)]
            }
            rows.append(row)
        }
        let header = ["return period"] + years.flatMap { ["\($0) AEP, US$ bn", "\($0) TVaR", "\($0) OEP"] }
        var mean = ["mean (AAL)"]
        for y in years {
            let r = byYear[y]?.first
            mean += [r.map { "\(bn($0.aal)) ± \(NumberFormat.significant($0.aalSE, digits: 2))" } ?? "–", "", ""]
        }
        return HTMLPage.table(caption: "Economic loss by return period", header: header, rows: rows + [mean])
    }

    /// The classes of the largest events of the years beyond the 1-in-100 and 1-in-200 levels.
    var driverTable: Markup? {
        guard RunReport.lossIsModelled(results) else { return nil }   // the shares are of the economic loss
        let years = TailSection.years(results.years).filter { tail.classes[$0] != nil }
        guard !years.isEmpty else { return nil }
        func pct(_ x: Double) -> String { x.isFinite ? String(format: "%.0f%%", 100 * x) : "–" }
        let ids = tail.classes[years[0]]!.map(\.id)
        var rows: [[String]] = []
        for id in ids {
            var row = [id == "none" ? "no event" : id]
            for y in years {
                let c = tail.classes[y]?.first { $0.id == id }
                row += (c?.aggregateShares ?? [.nan, .nan]).map(pct) + (c?.largestShares ?? [.nan, .nan]).map(pct)
            }
            rows.append(row)
        }
        let header = ["event class"] + years.flatMap { ["\($0) years > 1-in-100", "> 1-in-200", "events > 1-in-100", "> 1-in-200"] }
        return HTMLPage.table(caption: "Which event classes drive the worst years: the share of the years beyond the 1-in-100 and "
                              + "1-in-200 aggregate loss whose largest event was of each class, and of the largest events beyond "
                              + "the 1-in-100 and 1-in-200 occurrence loss",
                              header: header, rows: rows)
    }
}
