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
        if r.years.count == 1 {
            (charts, html) = RunReport.oneYear(r)
            return
        }
        let metrics = RunReport.shownMetrics(r)
        let fans = metrics.compactMap { metric -> Chart? in
            guard let series = r.series[metric] else { return nil }
            if FanChart.wholeNumberMetrics.contains(metric), let curves = r.exceedance[metric],
               let chart = CountDistributionChart.chart(metric: metric, years: r.years, curves: curves) {
                return chart
            }
            return FanChart.chart(series: series, tolerances: r.tolerances.filter { $0.metric == metric })
        }
        let picks = RunReport.exceedanceYears(r.years)
        let exceedance = RunReport.exceedanceCharts(r, metrics: metrics, years: picks)
        let ranking = SectorRanking(results: r)
        let heatmap = ranking.heatmap
        var assumptions: [Chart] = []
        if let s = r.scenario {
            assumptions = [AssumptionChart.iotDevices(s), AssumptionChart.implantUsers(s), AssumptionChart.digitalDependence(s)]
        }
        let tail = r.tail.map { TailSection(results: r, tail: $0) }
        let days = [r.years.last.flatMap { DaysDisruptedChart.bars(r, year: $0) }, DaysDisruptedChart.lines(r)].compactMap { $0 }
        charts = fans + (tail?.charts ?? []) + exceedance + [heatmap].compactMap { $0 } + days + assumptions

        var page = HTMLPage(title: "cyberrisk report: \(r.scenarioName)")
        page.body.append(RunReport.header(r))
        let counts = fans.contains { $0.id.hasPrefix("distribution-") }
            ? " Whole-number metrics (sectors disrupted) are shown as the chance of each count instead." : ""
        page.body.append(HTMLPage.section("How the risks may evolve", id: "fans",
            intro: "A forecast is not one number: the model simulates \(RunReport.grouped(r.trials)) possible futures. "
                + FanChart.reading() + counts,
            [HTMLPage.grid(fans.map { HTMLPage.figure($0, caption: $0.id.hasPrefix("distribution-")) })]
                + RunReport.notModelled(r)))
        if let tail { page.body.append(tail.markup) }
        if !exceedance.isEmpty {
            let years = picks.map(String.init).joined(separator: ", ")
            page.body.append(HTMLPage.section("How likely is each level?", id: "exceedance",
                intro: "The chance that a year is worse than a given level, in \(years). Read a level on the "
                    + "horizontal axis, go up to a curve and read its chance on the left; a curve further right means "
                    + "bad years become more likely. The chance axis is logarithmic: each grid line is ten times "
                    + "less likely. Chances below 1 in \(RunReport.grouped(r.trials)) are beyond this run's resolution, "
                    + "so the curves stop there.",
                [HTMLPage.grid(exceedance.map { HTMLPage.figure($0, caption: false) })]))
        }
        var sectorContent: [Markup] = []
        if let heatmap { sectorContent.append(HTMLPage.figure(heatmap)) }
        sectorContent += days.map { HTMLPage.figure($0) }
        sectorContent.append(Markup("div", ["class": "tables"], children: ranking.tables))
        page.body.append(HTMLPage.section("Which sectors are hit", id: "sectors",
            intro: "Inoperability is the share of a sector's normal operation lost in a year, directly or through "
                + "the sectors it depends on. Sectors are sorted by their \(r.years.last.map(String.init) ?? "") mean.",
            sectorContent))
        if assumptions.isEmpty {
            page.body.append(RunReport.assumptionsMissing(r))
        } else {
            page.body.append(HTMLPage.section("What drives the numbers: the scenario's assumptions", id: "assumptions",
                intro: "More connected devices and implants mean more targets; more digital sectors mean attacks "
                    + "spread further. These are inputs, not results.",
                [HTMLPage.grid(assumptions.map { HTMLPage.figure($0) }, small: true)]))
        }
        page.body.append(RunReport.footer(r))
        html = page.rendered
    }

    /// The headline metrics present in the results, without economic loss when the scenario does
    /// not model it (``lossIsModelled(_:)``).
    static func shownMetrics(_ r: RunResults) -> [String] {
        RunReport.headlineMetrics.filter { r.series[$0] != nil && ($0 != "economic_loss_usd_bn" || lossIsModelled(r)) }
    }

    /// Whether economic loss means anything here: some sector has an economic output (per the
    /// scenario; without it, whether any future had a loss).
    static func lossIsModelled(_ r: RunResults) -> Bool {
        if let s = r.scenario { return s.sectors.contains { $0.outputUSDbn > 0 } }
        return (r.series["economic_loss_usd_bn"]?["max"] ?? []).contains { $0 > 0 }
    }

    /// A note where the loss charts would be, when loss is not modelled.
    static func notModelled(_ r: RunResults) -> [Markup] {
        guard r.series["economic_loss_usd_bn"] != nil, !lossIsModelled(r) else { return [] }
        return [HTMLPage.paragraph("Economic loss is not modelled in this scenario: its sectors have no economic output "
                                   + "(`output_usd_bn: 0`), so the loss is 0 in every future and is not drawn.", class: "meta")]
    }

    /// Exceedance curves of `metrics` in `years`.
    static func exceedanceCharts(_ r: RunResults, metrics: [String], years: [Int]) -> [Chart] {
        metrics.compactMap { metric -> Chart? in
            guard let byYear = r.exceedance[metric] else { return nil }
            let curves = years.compactMap { y in byYear[y].map { (year: y, curve: $0) } }
            return curves.isEmpty ? nil : ExceedanceChart.chart(metric: metric, curves: curves, trials: r.trials,
                                                                tolerances: r.tolerances.filter { $0.metric == metric })
        }
    }

    static func assumptionsMissing(_ r: RunResults) -> Markup {
        HTMLPage.section("What drives the numbers", id: "assumptions",
            [HTMLPage.paragraph("The scenario's assumptions cannot be shown: \(r.scenarioProblem ?? "unknown").",
                                class: "warning")])
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
        let meta = "\(first)–\(last) · \(RunReport.grouped(r.trials)) simulated futures (trials)" + provenance(r)
        var children = heading(r, meta: meta)
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
        if r.series["economic_loss_usd_bn"] != nil && !lossIsModelled(r) {
            cards.append(lossNotModelledCard())
        } else if let loss = r.series["economic_loss_usd_bn"] {
            let total = loss["mean"].reduce(0, +)
            cards.append(Markup("div", ["class": "card"], children: [
                Markup.element("h3", text: "Expected economic loss, \(r.years.count) years"),
                Markup.element("p", ["class": "value"], text: RunReport.dollarsBn(total)),
                Markup.element("p", ["class": "change"],
                               text: "\(RunReport.dollarsBn(loss.value("mean", year: 0))) in \(first), "
                                   + "\(RunReport.dollarsBn(loss.value("mean", year: loss.years.count - 1))) in \(last)"),
                Markup.element("p", ["class": "note"], text: "Sum of the yearly mean losses. " + RunReport.lossBasis(r)),
            ]))
            if loss.columns["p995"] != nil {
                cards.append(Markup("div", ["class": "card"], children: [
                    Markup.element("h3", text: "A 1-in-200 year: economic loss"),
                    Markup.element("p", ["class": "value"],
                                   text: "\(RunReport.dollarsBn(loss.value("p995", year: 0))) → "
                                       + RunReport.dollarsBn(loss.value("p995", year: loss.years.count - 1))),
                    Markup.element("p", ["class": "change"], text: "\(first) → \(last), the 99.5th percentile (p995)"),
                    Markup.element("p", ["class": "note"],
                                   text: "The loss a year exceeds with probability 1/200, the return period insurers "
                                       + "and national risk registers quote."),
                ]))
            }
        }
        if !r.tolerances.isEmpty { cards.append(RunReport.toleranceCard(r)) }
        children.append(Markup("div", ["class": "cards"], children: cards))
        return Markup("header", children: children)
    }

    static func lossNotModelledCard() -> Markup {
        Markup("div", ["class": "card"], children: [
            Markup.element("h3", text: "Economic loss"),
            Markup.element("p", ["class": "value"], text: "not modelled"),
            Markup.element("p", ["class": "note"], text: "The scenario gives its sectors no economic output (output_usd_bn: 0)."),
        ])
    }

    /// The title, the run's facts and the warnings above the cards.
    static func heading(_ r: RunResults, meta: String, title: String = "Cyber-risk forecast") -> [Markup] {
        var children: [Markup] = [
            Markup.element("h1", text: "\(title): \(r.scenarioName)"),
            HTMLPage.paragraph(meta, class: "meta"),
        ]
        if let d = r.scenario?.description, !d.isEmpty { children.append(HTMLPage.paragraph(d, class: "meta")) }
        if let shard = r.manifest.dictionary("shard"), let count = ManifestInfo.integer(shard["count"]), count > 1 {
            let index = ManifestInfo.integer(shard["index"]) ?? 0
            children.append(HTMLPage.paragraph("This folder holds shard \(index) of \(count) only (\(r.trials) trials); "
                + "merge the shards with `cyberrisk merge` for the whole forecast.", class: "warning"))
        }
        return children
    }

    /// The seed and tool version, for the line under the title.
    static func provenance(_ r: RunResults) -> String {
        var meta = ""
        if let seed = r.manifest.string("seed") { meta += " · seed \(seed)" }
        if let version = r.manifest.string("tool_version") { meta += " · cyberrisk \(version)" }
        return meta
    }

    /// The headline card of the risk tolerances: the first year of breach of each.
    static func toleranceCard(_ r: RunResults) -> Markup {
        let first = r.years.first ?? 0, last = r.years.last ?? 0
        let breaches = r.tolerances.compactMap(\.firstBreach)
        let value = breaches.min().map { "breached from \($0)" } ?? "kept \(first)–\(last)"
        let lines = r.tolerances.map { t -> Markup in
            let format = MetricLabel(metric: t.metric).format
            return Markup.element("li", text: "\(t.name) (\(t.statistic) ≤ \(format.string(t.max))): "
                                  + (t.firstBreach.map { "first breached in \($0)" } ?? "kept in every year"))
        }
        return Markup("div", ["class": "card", "id": "tolerances"], children: [
            Markup.element("h3", text: "Risk tolerances"),
            Markup.element("p", ["class": "value"], text: value),
            Markup("ul", ["class": "note"], children: lines),
            Markup.element("p", ["class": "note"], text: "A tolerance is breached in a year when its statistic exceeds its maximum (tolerances.csv)."),
        ])
    }

    static func footer(_ r: RunResults) -> Markup {
        Markup("footer", children: [
            HTMLPage.paragraph("Made by `cyberrisk report` from \(r.folder): summary.csv, sectors.csv, exceedance.csv, "
                + "return_periods.csv, event_classes.csv and manifest.json (the full configuration). Statistics are estimates from the simulated futures; "
                + "quantiles are accurate to about 0.4%. Model equations: docs/model.md; sources of every default: "
                + "docs/parameters.md."),
        ])
    }

    /// What the loss measures, from the manifest's `economic_loss` (older manifests: the general rule).
    static func lossBasis(_ r: RunResults) -> String {
        if let basis = r.manifest.dictionary("economic_loss")?["basis"] as? String {
            return "US dollars: " + basis + "."
        }
        return "US dollars of sector value added in the year it was measured, held fixed (not inflated, not "
            + "discounted), covering only the modelled sectors."
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
