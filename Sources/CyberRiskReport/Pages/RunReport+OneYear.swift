import CyberRisk
import Foundation

/// The layout of a one-year run (the historical analogues, or any `horizon_years: 1`): with a
/// single year there is no trend to draw, so the page shows the year's distributions instead of
/// fan charts — a table of the headline metrics' mean and percentiles, each metric's exceedance
/// curve (the chance of each count for whole-number metrics), the sectors' mean inoperability as
/// bars, the return periods when the folder has them, and the sectors' digital dependence, the input that differs most between settings.
extension RunReport {
    static func oneYear(_ r: RunResults) -> (charts: [Chart], html: String) {
        let year = r.years[0]
        let metrics = shownMetrics(r)
        let distributions = metrics.compactMap { metric -> Chart? in
            guard let curve = r.exceedance[metric]?[year] else { return nil }
            if FanChart.wholeNumberMetrics.contains(metric),
               let chart = CountDistributionChart.chart(metric: metric, year: year, curve: curve) {
                return chart
            }
            return ExceedanceChart.chart(metric: metric, curves: [(year, curve)], trials: r.trials)
        }
        let ranking = SectorRanking(results: r)
        let sectorBars = HorizontalBarChart(rows: ranking.byInoperability.map { ($0.name, $0.meanInoperability) },
                                            format: .percent, axisTitle: "mean inoperability in \(year), %")
            .chart(id: "sector-bars", title: "Mean inoperability by sector, \(year)",
                   caption: "The average share of each sector's operation lost in \(year), directly or through the "
                       + "sectors it depends on (0% = fully working).")
        var assumptions: [Chart] = []
        if let s = r.scenario {
            let rows = s.sectors.map { ($0.name, AssumptionChart.curve($0.digital, years: 1).mean[0]) }
                .sorted { $0.1 > $1.1 }
            assumptions.append(HorizontalBarChart(rows: rows, format: .percent, axisTitle: "digital dependence of operations, %",
                                                  maximum: 1)
                .chart(id: "assumption-digital", title: "Digital dependence of sectors, \(year)",
                       caption: "Share of each sector's operations that depends on digital systems (d_i) at the "
                           + "parameters' expected values: the more digital, the larger the attack surface."))
        }
        let tail = r.tail.map { TailSection(results: r, tail: $0) }
        let charts = distributions + (tail?.charts ?? []) + [sectorBars] + assumptions

        var page = HTMLPage(title: "cyberrisk report: \(r.scenarioName)")
        page.body.append(oneYearHeader(r))
        page.body.append(HTMLPage.section("The year in numbers", id: "numbers",
            intro: "The model simulates \(grouped(r.trials)) possible versions of \(year). Half of them are below the "
                + "median; 90% lie between the 5th and the 95th percentile.",
            [numbersTable(r, metrics: metrics)]))
        if !distributions.isEmpty {
            page.body.append(HTMLPage.section("How bad can the year get?", id: "exceedance",
                intro: "Each curve is the chance that \(year) is worse than a given level: read a level on the "
                    + "horizontal axis, go up to the curve and read its chance on the left (a logarithmic axis when "
                    + "the tail matters; chances below 1 in \(grouped(r.trials)) are beyond this run's resolution). "
                    + "Whole-number metrics are shown as the chance of each count.",
                [HTMLPage.grid(distributions.map { HTMLPage.figure($0, caption: false) })]))
        }
        if let tail { page.body.append(tail.markup) }
        // The sectors hit, beside how digital they are (the input behind it, for the analogues the
        // only difference between settings).
        page.body.append(HTMLPage.section("Which sectors are hit, and how digital they are", id: "sectors",
            intro: "Inoperability is the share of a sector's normal operation lost in the year, directly or through "
                + "the sectors it depends on; digital dependence, an input of the scenario, is how much of its "
                + "operation depends on digital systems.",
            [HTMLPage.grid(([sectorBars] + assumptions).map { HTMLPage.figure($0) }),
             Markup("div", ["class": "tables"], children: ranking.tables)]))
        if let s = r.scenario {
            let iot = NumberFormat.compact(AssumptionChart.curve(s.iot.devices, years: 1).mean[0])
            let implants = NumberFormat.compact(AssumptionChart.curve(s.neural.users, years: 1).mean[0])
            page.body.append(HTMLPage.section("What drives the numbers: the scenario's assumptions", id: "assumptions",
                [HTMLPage.paragraph("In \(year) the scenario assumes \(iot) bn IoT devices worldwide and \(implants) "
                    + "neural-implant users, and the sectors' digital dependence shown above; more connected devices and "
                    + "implants mean more targets, more digital sectors mean attacks spread further. These are inputs, "
                    + "not results.", class: "intro")]))
        } else {
            page.body.append(assumptionsMissing(r))
        }
        page.body.append(footer(r))
        return (charts, page.rendered)
    }

    /// Title, facts and one card per headline metric: the mean with its 90% range.
    static func oneYearHeader(_ r: RunResults) -> Markup {
        let year = r.years[0]
        let meta = "\(year), one year · \(grouped(r.trials)) simulated versions of the year (trials)" + provenance(r)
        var children = heading(r, meta: meta, title: "Cyber risk in one year")
        var cards: [Markup] = []
        for (metric, what) in [("national_risk", "Share of critical-infrastructure operation lost in the year, weighted by how critical each sector is."),
                               ("human_risk", "Share of people's security lost in the year: services they rely on, their devices and implants.")] {
            guard let s = r.series[metric] else { continue }
            let label = MetricLabel(metric: metric)
            cards.append(Markup("div", ["class": "card"], children: [
                Markup.element("h3", text: "\(label.title) in \(year) (mean)"),
                Markup.element("p", ["class": "value"], text: label.value(s.value("mean", year: 0))),
                Markup.element("p", ["class": "change"],
                               text: "90% of futures: \(label.range(s.value("p05", year: 0), s.value("p95", year: 0)))"),
                Markup.element("p", ["class": "note"], text: what),
            ]))
        }
        if let loss = r.series["economic_loss_usd_bn"] {
            guard lossIsModelled(r) else {
                cards.append(lossNotModelledCard())
                children.append(Markup("div", ["class": "cards"], children: cards))
                return Markup("header", children: children)
            }
            let label = MetricLabel(metric: "economic_loss_usd_bn")
            cards.append(Markup("div", ["class": "card"], children: [
                Markup.element("h3", text: "Expected economic loss in \(year)"),
                Markup.element("p", ["class": "value"], text: dollarsBn(loss.value("mean", year: 0))),
                Markup.element("p", ["class": "change"],
                               text: "90% of futures: \(label.range(loss.value("p05", year: 0), loss.value("p95", year: 0)))"),
                Markup.element("p", ["class": "note"],
                               text: "Mean loss of sector output (value added, US dollars) in the year."),
            ]))
        }
        children.append(Markup("div", ["class": "cards"], children: cards))
        return Markup("header", children: children)
    }

    /// Mean and percentiles of each shown metric in the year.
    static func numbersTable(_ r: RunResults, metrics: [String]) -> Markup {
        let columns = [("mean", "mean"), ("p05", "5th pct."), ("p50", "median"), ("p95", "95th pct."), ("p99", "99th pct.")]
        let rows = metrics.compactMap { metric -> [String]? in
            guard let s = r.series[metric] else { return nil }
            let label = MetricLabel(metric: metric)
            return [label.title] + columns.map { label.value(s.value($0.0, year: 0)) }
        }
        return HTMLPage.table(caption: "Headline metrics in \(r.years[0])", header: ["metric"] + columns.map(\.1), rows: rows,
                              labelColumns: 1)
    }
}
