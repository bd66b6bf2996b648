import CyberRisk
import Foundation

/// The report of a comparison folder: headline differences with their paired standard errors,
/// the scenarios' means and the alternatives' differences over the years, a table of the last
/// year and, when costs are given, the avoided loss per dollar.
///
/// ```swift
/// let report = ComparisonReport(results: try ComparisonResults(folder: "compare"))
/// report.charts.map(\.id)   // ["compare-difference-national_risk", …, "compare-means-national_risk", …]
/// ```
struct ComparisonReport: Sendable {
    static let headlineMetrics = ["national_risk", "human_risk", "economic_loss_usd_bn"]

    let results: ComparisonResults
    let charts: [Chart]
    let html: String

    init(results r: ComparisonResults) {
        self.results = r
        let metrics = ComparisonReport.headlineMetrics.filter(r.metrics.contains)
        let differences = metrics.map { ComparisonChart.difference(r, metric: $0) }
        let means = metrics.map { ComparisonChart.means(r, metric: $0) }
        charts = differences + means
        let alternatives = r.scenarios.dropFirst().joined(separator: ", ")
        var page = HTMLPage(title: "cyberrisk comparison: \(alternatives) vs \(r.base)")
        page.body.append(ComparisonReport.header(r))
        page.body.append(HTMLPage.section("What the alternative changes", id: "differences",
            intro: "Every scenario ran on the same \(RunReport.grouped(r.trials)) simulated futures (common random numbers), "
                + "so the difference of two scenarios is measured future by future: its uncertainty (the band) is far "
                + "narrower than that of two independent forecasts (dashed).",
            [HTMLPage.grid(differences.map { HTMLPage.figure($0) })]))
        page.body.append(HTMLPage.section("The scenarios side by side", id: "means",
            [HTMLPage.grid(means.map { HTMLPage.figure($0, caption: false) })]))
        page.body.append(HTMLPage.section("In \(r.years.last.map(String.init) ?? "the last year")", id: "table",
            intro: "Means and 1-in-20 (p95) and 1-in-100 (p99) years of each metric; errors of the quantiles come from batch "
                + "means over blocks of 1024 trials. P(worse) is the share of futures in which the alternative's value "
                + "exceeds the base's.",
            [ComparisonReport.lastYearTable(r, metrics: metrics)]))
        if let costs = ComparisonReport.costTable(r) {
            page.body.append(HTMLPage.section("What a dollar buys", id: "cost-benefit",
                intro: "Avoided expected annual loss (ΔAAL) per dollar of added annual cost of the measures "
                    + "(cost_usd_bn_per_year): the return on security investment in the sense of Gordon & Loeb (2002) "
                    + "and FAIR. Above 1, the measures avoid more loss than they cost.", [costs]))
        }
        page.body.append(Markup("footer", children: [HTMLPage.paragraph(
            "Made by `cyberrisk report` from \(r.folder): comparison.csv and manifest.json; each scenario's own forecast "
                + "is in its folder (`cyberrisk report \(r.folder)/<scenario>` draws it). Paired standard errors: docs/model.md.")]))
        html = page.rendered
    }

    static func header(_ r: ComparisonResults) -> Markup {
        let first = r.years.first ?? 0, last = r.years.last ?? 0
        var meta = "\(first)–\(last) · \(RunReport.grouped(r.trials)) simulated futures, the same for every scenario"
        if let seed = r.manifest.string("seed") { meta += " · seed \(seed)" }
        if let v = r.manifest.string("tool_version") { meta += " · cyberrisk \(v)" }
        var cards: [Markup] = []
        let t = r.years.count - 1
        for name in r.scenarios.dropFirst() {
            for metric in ["national_risk", "economic_loss_usd_bn"] {
                guard let s = r.series(scenario: name, metric: metric) else { continue }
                let label = MetricLabel(metric: metric)
                let d = s.value("difference", year: t), se = s.value("difference_se", year: t)
                let independent = s.value("independent_se", year: t)
                let relative = s.value("relative_change", year: t)
                let change = relative.isFinite ? " (\(relative >= 0 ? "+" : "−")\(NumberFormat.significant(Swift.abs(relative) * 100, digits: 2))%)" : ""
                cards.append(Markup("div", ["class": "card"], children: [
                    Markup.element("h3", text: "\(label.title), \(last): \(name) − \(r.base)"),
                    Markup.element("p", ["class": "value"], text: ComparisonReport.signed(d, label) + change),
                    Markup.element("p", ["class": "change"], text: "± \(ComparisonReport.magnitude(se, label)) paired standard error"),
                    Markup.element("p", ["class": "note"], text: "Two independent runs would give ± \(ComparisonReport.magnitude(independent, label))"
                        + (se > 0 ? ", \(NumberFormat.significant(independent / se, digits: 2))× wider." : ".")),
                ]))
            }
            if let loss = r.series(scenario: name, metric: "economic_loss_usd_bn") {
                let avoided = -loss["difference"].filter(\.isFinite).reduce(0, +)
                let cost = loss.value("delta_cost_usd_bn", year: t)
                var note = "Sum over \(first)–\(last) of the yearly mean loss avoided (undiscounted)."
                if cost.isFinite && cost != 0 {
                    note += " Added cost: \(RunReport.dollarsBn(cost * Double(r.years.count))) (\(RunReport.dollarsBn(cost)) a year), "
                        + "\(NumberFormat.significant(avoided / (cost * Double(r.years.count)), digits: 3)) avoided per dollar."
                }
                cards.append(Markup("div", ["class": "card"], children: [
                    Markup.element("h3", text: "Expected loss avoided, \(r.years.count) years: \(name)"),
                    Markup.element("p", ["class": "value"], text: RunReport.dollarsBn(avoided)),
                    Markup.element("p", ["class": "note"], text: note),
                ]))
            }
        }
        return Markup("header", children: [
            Markup.element("h1", text: "Scenario comparison: \(r.scenarios.dropFirst().joined(separator: ", ")) vs \(r.base)"),
            HTMLPage.paragraph(meta, class: "meta"),
            Markup("div", ["class": "cards"], children: cards),
        ])
    }

    /// `−0.331 pp`-style signed values: shares in percentage points, losses in US$ bn.
    static func signed(_ x: Double, _ label: MetricLabel) -> String {
        (x < 0 ? "−" : "+") + magnitude(Swift.abs(x), label)
    }

    static func magnitude(_ x: Double, _ label: MetricLabel) -> String {
        guard x.isFinite else { return "n/a" }
        if label.format == .percent { return NumberFormat.significant(x * 100, digits: 3) + " pp" }
        if label.metric == "economic_loss_usd_bn" { return RunReport.dollarsBn(x) }
        return NumberFormat.significant(x, digits: 3)
    }

    static func lastYearTable(_ r: ComparisonResults, metrics: [String]) -> Markup {
        let t = r.years.count - 1
        var rows: [[String]] = []
        for name in r.scenarios.dropFirst() {
            for metric in metrics {
                let label = MetricLabel(metric: metric)
                for statistic in ["mean", "p95", "p99"] {
                    guard let base = r.series(scenario: r.base, metric: metric, statistic: statistic),
                          let s = r.series(scenario: name, metric: metric, statistic: statistic) else { continue }
                    let worse = s.value("prob_worse", year: t)
                    rows.append([name, "\(label.title) \(statistic)", label.value(base.value("value", year: t)),
                                 label.value(s.value("value", year: t)), signed(s.value("difference", year: t), label),
                                 magnitude(s.value("difference_se", year: t), label),
                                 magnitude(s.value("independent_se", year: t), label),
                                 worse.isFinite ? NumberFormat.percent.string(worse) : "–"])
                }
            }
        }
        return HTMLPage.table(caption: "Scenario, statistic, base and alternative values, the difference with its paired "
                                  + "and independent-run standard errors",
                              header: ["scenario", "statistic", r.base, "alternative", "difference", "paired se",
                                       "independent se", "P(worse)"],
                              rows: rows)
    }

    /// The yearly avoided loss per dollar, when some alternative states a cost.
    static func costTable(_ r: ComparisonResults) -> Markup? {
        var rows: [[String]] = []
        for name in r.scenarios.dropFirst() {
            guard let mean = r.series(scenario: name, metric: "economic_loss_usd_bn"),
                  mean["delta_cost_usd_bn"].contains(where: { $0.isFinite && $0 != 0 }) else { continue }
            let tail = r.series(scenario: name, metric: "economic_loss_usd_bn", statistic: "p99")
            for (t, year) in r.years.enumerated() {
                let ratio = mean.value("avoided_per_usd_bn", year: t), se = mean.value("avoided_per_usd_bn_se", year: t)
                let avoidedTail = tail.map { -$0.value("difference", year: t) } ?? .nan
                rows.append([name, "\(year)", RunReport.dollarsBn(mean.value("delta_cost_usd_bn", year: t)),
                             RunReport.dollarsBn(-mean.value("difference", year: t)),
                             NumberFormat.significant(ratio, digits: 3) + " ± " + NumberFormat.significant(se, digits: 2),
                             RunReport.dollarsBn(avoidedTail)])
            }
        }
        guard !rows.isEmpty else { return nil }
        return HTMLPage.table(caption: "Per year: added cost, avoided expected loss, avoided loss per dollar (± its standard "
                                  + "error) and the avoided 1-in-100 loss (p99)",
                              header: ["scenario", "year", "added cost", "ΔAAL", "per dollar", "1-in-100 avoided"], rows: rows)
    }
}
