import CyberRisk

import Foundation

/// The report of one forecast output folder: headline numbers, fan charts, exceedance curves,
/// the sector heatmap with its rankings and the scenario's assumptions, as an ``HTMLPage`` plus
/// the charts on their own (for `--svg`).
///
/// ```swift
/// let report = try RunReport(results: RunResults(folder: "out"))
/// report.html          // the page
/// report.charts.map(\.id)   // ["fan-national_risk", …, "sector-heatmap", "assumption-iot", …]
/// ```
struct RunReport: Sendable {
    /// The metrics with a fan chart and an exceedance chart, in this order, when present.
    static let headlineMetrics = ["national_risk", "human_risk", "economic_loss_usd_bn", "sectors_disrupted"]

    let results: RunResults
    let charts: [Chart]
    let html: String

    init(results r: RunResults) {
        self.results = r
        let metrics = RunReport.headlineMetrics.filter { r.series[$0] != nil }
        let fans = metrics.compactMap { r.series[$0] }.map { FanChart.chart(series: $0) }
        let picks = RunReport.exceedanceYears(r.years)
        let exceedance = metrics.compactMap { metric -> Chart? in
            guard let byYear = r.exceedance[metric] else { return nil }
            let curves = picks.compactMap { y in byYear[y].map { (year: y, curve: $0) } }
            return curves.isEmpty ? nil : ExceedanceChart.chart(metric: metric, curves: curves, trials: r.trials)
        }
        let ranking = SectorRanking(results: r)
        let heatmap = ranking.heatmap
        var assumptions: [Chart] = []
        if let s = r.scenario {
            assumptions = [AssumptionChart.iotDevices(s), AssumptionChart.implantUsers(s), AssumptionChart.digitalDependence(s)]
        }
        charts = fans + exceedance + [heatmap].compactMap { $0 } + assumptions

        var page = HTMLPage(title: "cyberrisk report: \(r.scenarioName)")
        page.body.append(RunReport.header(r))
        page.body.append(HTMLPage.section("How the risks may evolve", id: "fans",
            intro: "A forecast is not one number: the model simulates \(RunReport.grouped(r.trials)) possible futures. "
                + FanChart.reading(),
            [HTMLPage.grid(fans.map { HTMLPage.figure($0, caption: false) })]))
        if !exceedance.isEmpty {
            let years = picks.map(String.init).joined(separator: ", ")
            page.body.append(HTMLPage.section("How bad can a year get?", id: "exceedance",
                intro: "The chance that a year is worse than a given level, in \(years). Read a level on the "
                    + "horizontal axis, go up to a curve and read its chance on the left; a curve further right means "
                    + "bad years become more likely. The chance axis is logarithmic: each grid line is ten times "
                    + "less likely. Chances below 1 in \(RunReport.grouped(r.trials)) are beyond this run's resolution, "
                    + "so the curves stop there.",
                [HTMLPage.grid(exceedance.map { HTMLPage.figure($0, caption: false) })]))
        }
        var sectorContent: [Markup] = []
        if let heatmap { sectorContent.append(HTMLPage.figure(heatmap)) }
        sectorContent.append(Markup("div", ["class": "tables"], children: ranking.tables))
        page.body.append(HTMLPage.section("Which sectors are hit", id: "sectors",
            intro: "Inoperability is the share of a sector's normal operation lost in a year, directly or through "
                + "the sectors it depends on. Sectors are sorted by their \(r.years.last.map(String.init) ?? "") mean.",
            sectorContent))
        if assumptions.isEmpty {
            page.body.append(HTMLPage.section("What drives the numbers", id: "assumptions",
                [HTMLPage.paragraph("The scenario's assumptions cannot be shown: \(r.scenarioProblem ?? "unknown").",
                                    class: "warning")]))
        } else {
            page.body.append(HTMLPage.section("What drives the numbers: the scenario's assumptions", id: "assumptions",
                intro: "More connected devices and implants mean more targets; more digital sectors mean attacks "
                    + "spread further. These are inputs, not results.",
                [HTMLPage.grid(assumptions.map { HTMLPage.figure($0) }, small: true)]))
        }
        page.body.append(RunReport.footer(r))
        html = page.rendered
    }

    /// First, middle and last year (fewer when there are fewer years).
    static func exceedanceYears(_ years: [Int]) -> [Int] {
        guard let first = years.first, let last = years.last else { return [] }
        var picks = [first]
        let middle = years[(years.count - 1) / 2]
        if middle != first && middle != last { picks.append(middle) }
        if last != first { picks.append(last) }
        return picks
    }

    static func header(_ r: RunResults) -> Markup {
        let first = r.years.first ?? 0, last = r.years.last ?? 0
        var meta = "\(first)–\(last) · \(RunReport.grouped(r.trials)) simulated futures (trials)"
        if let seed = r.manifest.string("seed") { meta += " · seed \(seed)" }
        if let version = r.manifest.string("tool_version") { meta += " · cyberrisk \(version)" }
        var children: [Markup] = [
            Markup.element("h1", text: "Cyber-risk forecast: \(r.scenarioName)"),
            HTMLPage.paragraph(meta, class: "meta"),
        ]
        if let d = r.scenario?.description, !d.isEmpty { children.append(HTMLPage.paragraph(d, class: "meta")) }
        if let shard = r.manifest.dictionary("shard"), let count = (shard["count"] as? NSNumber)?.intValue, count > 1 {
            let index = (shard["index"] as? NSNumber)?.intValue ?? 0
            children.append(HTMLPage.paragraph("This folder holds shard \(index) of \(count) only (\(r.trials) trials); "
                + "merge the shards with `cyberrisk merge` for the whole forecast.", class: "warning"))
        }
        var cards: [Markup] = []
        for (metric, what) in [("national_risk", "share of critical-infrastructure operation lost in a year, weighted by how critical each sector is"),
                               ("human_risk", "share of people's security lost in a year: services they rely on, their devices and implants")] {
            guard let s = r.series[metric] else { continue }
            let a = s.value("mean", year: 0), b = s.value("mean", year: s.years.count - 1)
            let change = a > 0 ? (b - a) / a : .nan
            let sign = change >= 0 ? "+" : "−"
            cards.append(Markup("div", ["class": "card"], children: [
                Markup.element("h3", text: MetricLabel(metric: metric).title + " (mean)"),
                Markup.element("p", ["class": "value"], text: "\(NumberFormat.percent.string(a)) → \(NumberFormat.percent.string(b))"),
                Markup.element("p", ["class": "change"],
                               text: "\(first) → \(last): \(sign)\(NumberFormat.significant(Swift.abs(change) * 100, digits: 2))%"),
                Markup.element("p", ["class": "note"], text: what.prefix(1).uppercased() + what.dropFirst() + "."),
            ]))
        }
        if let loss = r.series["economic_loss_usd_bn"] {
            let total = loss["mean"].reduce(0, +)
            cards.append(Markup("div", ["class": "card"], children: [
                Markup.element("h3", text: "Expected economic loss, \(r.years.count) years"),
                Markup.element("p", ["class": "value"], text: RunReport.dollarsBn(total)),
                Markup.element("p", ["class": "change"],
                               text: "\(RunReport.dollarsBn(loss.value("mean", year: 0))) in \(first), "
                                   + "\(RunReport.dollarsBn(loss.value("mean", year: loss.years.count - 1))) in \(last)"),
                Markup.element("p", ["class": "note"],
                               text: "Sum of the yearly mean losses of sector output (value added, US dollars, not discounted)."),
            ]))
        }
        children.append(Markup("div", ["class": "cards"], children: cards))
        return Markup("header", children: children)
    }

    static func footer(_ r: RunResults) -> Markup {
        Markup("footer", children: [
            HTMLPage.paragraph("Made by `cyberrisk report` from \(r.folder): summary.csv, sectors.csv, exceedance.csv "
                + "and manifest.json (the full configuration). Statistics are estimates from the simulated futures; "
                + "quantiles are accurate to about 0.4%. Model equations: docs/model.md; sources of every default: "
                + "docs/parameters.md."),
        ])
    }

    /// `US$ 206 bn`, or `US$ 1.65 trillion` from a thousand billion up.
    static func dollarsBn(_ x: Double) -> String {
        Swift.abs(x) >= 1000 ? "US$ \(NumberFormat.significant(x / 1000)) trillion" : "US$ \(NumberFormat.significant(x)) bn"
    }

    /// `12,345`.
    static func grouped(_ n: Int) -> String {
        let digits = String(Swift.abs(n))
        var out = ""
        for (k, c) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
