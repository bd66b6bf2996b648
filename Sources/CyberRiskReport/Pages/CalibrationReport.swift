import CyberRisk
import Foundation

/// The report of a calibration folder (`cyberrisk calibrate`): the shared parameters, per data
/// row label a chart of the observed counts against their posterior predictive 90% intervals
/// (fitted years, and years only predicted: aggregates and the holdout year), the calibrated
/// attack rates, and the hindcast's scores when there is one.
///
/// ```swift
/// let report = CalibrationReport(results: try CalibrationResults(folder: "calibration"))
/// report.charts.map(\.id)   // ["ppc-healthcare_public_health", …, "ppc-all"]
/// ```
struct CalibrationReport: Sendable {
    let results: CalibrationResults
    let charts: [Chart]
    let html: String

    init(results r: CalibrationResults) {
        self.results = r
        let charts = r.labels.map { CalibrationReport.checkChart(r, label: $0) }
        self.charts = charts
        let scenario = r.manifest.string("scenario") ?? "scenario"
        var page = HTMLPage(title: "cyberrisk calibration report: \(scenario)")
        page.body.append(CalibrationReport.header(r, scenario: scenario))
        page.body.append(HTMLPage.section("Observed incidents against the model's predictions", id: "checks",
            intro: "Each chart is one row label of the data: the reported count of each year (vermillion) and the "
                + "model's posterior predictive median with its 90% interval (blue where the year was fitted, orange "
                + "where it was only predicted: totals over several sectors, and the holdout year). A calibrated model "
                + "puts about 9 in 10 observations inside their intervals; counts far outside show where the model "
                + "misses (for totals, year-to-year swings shared by all sectors, which the model treats as independent).",
            [HTMLPage.grid(charts.map { HTMLPage.figure($0) }, small: true)]))
        page.body.append(HTMLPage.section("Calibrated attack rates", id: "rates",
            intro: "Successful attacks per year in \(r.manifest.string("start_year") ?? "the start year"), in the "
                + "configuration's attack units, posterior mean with its 90% interval. Sectors without data take the "
                + "spread of the sectors with data (partial pooling). `calibrated.yaml` uses these.",
            [Markup("div", ["class": "tables"], children: CalibrationReport.tables(r))]))
        if let h = r.hindcast {
            page.body.append(CalibrationReport.hindcastSection(h))
        }
        page.body.append(Markup("footer", children: [HTMLPage.paragraph(
            "Made by `cyberrisk report` from \(r.folder): posterior.csv, ppc.csv, diagnostics.csv"
                + (r.hindcast == nil ? "" : ", hindcast.csv") + " and manifest.json. Reported incidents are a small, "
                + "biased share of successful attacks: the rates are as good as the reporting rate's prior.")]))
        html = page.rendered
    }

    static func header(_ r: CalibrationResults, scenario: String) -> Markup {
        let m = r.manifest
        var meta = "\(m.string("data_file") ?? "incident data"): \(m.integer("rows") ?? r.checks.count) rows, "
            + "\(m.integer("rows_fitted") ?? 0) fitted"
        if let years = m.object["years_fitted"] as? [Int], let a = years.first, let b = years.last {
            meta += " (\(a == b ? String(a) : "\(a)–\(b)"))"
        }
        meta += " · \(m.string("model") == "poisson" ? "Poisson" : "negative binomial") counts"
        meta += " · \(m.integer("chains") ?? 0) chains × \(m.integer("draws") ?? 0) draws · seed \(m.string("seed") ?? "?")"
        if let v = m.string("tool_version") { meta += " · cyberrisk \(v)" }
        var cards: [Markup] = []
        for (parameter, title, note) in [
            ("reporting_rate", "Reporting rate", "Share of successful incidents the source records (posterior mean, 90% interval)."),
            ("factor_mean", "Rate factor, mean", "Calibrated rate ÷ the configuration's, on average over sectors."),
            ("overdispersion", "Year-to-year variation", "CV of a sector's yearly rate beyond Poisson noise."),
        ] {
            guard let p = r.posterior.first(where: { $0.sector == "all" && $0.parameter == parameter }) else { continue }
            cards.append(card(title, NumberFormat.plain.string(p.mean),
                              "\(note) 90%: \(NumberFormat.plain.string(p.p05))–\(NumberFormat.plain.string(p.p95))."))
        }
        if let h = r.hindcast {
            cards.append(card("Hindcast of \(h.year)", "\(NumberFormat.percent.string(h.coverage90)) inside 90%",
                              "\(h.sectorRows) sector rows; 50% intervals: \(NumberFormat.percent.string(h.coverage50)). "
                                + "Mean CRPS \(NumberFormat.plain.string(h.meanCRPS)) vs \(NumberFormat.plain.string(h.meanNaiveCRPS)) for last year's count."))
        }
        return Markup("header", children: [
            Markup.element("h1", text: "Calibration: \(scenario)"),
            HTMLPage.paragraph(meta, class: "meta"),
            Markup("div", ["class": "cards"], children: cards),
        ])
    }

    static func card(_ title: String, _ value: String, _ note: String) -> Markup {
        Markup("div", ["class": "card"], children: [
            Markup.element("h3", text: title), Markup.element("p", ["class": "value"], text: value),
            Markup.element("p", ["class": "note"], text: note),
        ])
    }

    /// Observed counts and predictive intervals of one row label over the years.
    static func checkChart(_ r: CalibrationResults, label: String) -> Chart {
        let rows = r.checks(label: label)
        let area = PlotArea(width: 400, height: 290, marginBottom: 66)
        let years = rows.map { Double($0.year) }
        let lo = (years.min() ?? 0) - 0.6, hi = (years.max() ?? 1) + 0.6
        let x = Scale(domain: lo, hi, pixels: area.left, area.right)
        let top = (rows.map(\.p95) + rows.map(\.observed)).filter(\.isFinite).max() ?? 1
        var xy = XYChart(area: area, x: x, y: .zeroBased(maximum: top, pixels: area.vertical, reversed: true),
                         xTitle: "year", yTitle: "reported incidents per year")
        xy.xFormat = .year
        xy.xTicks = years
        func series(_ picked: [CalibrationResults.Check], _ name: String, _ color: String) -> Markup {
            var w = Whiskers(label: name, x: picked.map { Double($0.year) - 0.12 }, y: picked.map(\.p50),
                             lower: picked.map(\.p05), upper: picked.map(\.p95), color: color)
            w.dodge = 0
            return w.markup(x: x, y: xy.y)
        }
        let nan = Array(repeating: Double.nan, count: rows.count)
        var observed = Whiskers(label: "observed", x: rows.map { Double($0.year) + 0.12 }, y: rows.map(\.observed),
                                lower: nan, upper: nan, color: Palette.vermillion)
        observed.dodge = 0
        xy.marks = [series(rows.filter(\.fitted), "fitted: median, 90% interval", Palette.blue),
                    series(rows.filter { !$0.fitted }, "predicted: median, 90% interval", Palette.orange),
                    observed.markup(x: x, y: xy.y)]
        xy.legend = [.dot("fitted", Palette.blue), .dot("predicted only", Palette.orange), .dot("observed", Palette.vermillion)]
        let id = "ppc-" + label.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "-" }.map(String.init).joined()
        return xy.chart(id: id, title: label.replacingOccurrences(of: "+", with: " + "),
                        caption: "Reported \(label) incidents per year (vermillion) and the model's posterior predictive "
                            + "median and 90% interval.")
    }

    static func tables(_ r: CalibrationResults) -> [Markup] {
        let f = NumberFormat.plain
        let rates = r.posterior.filter { $0.parameter == "successful_attacks_per_year" }
        let rows = rates.enumerated().map { k, p in
            [String(k + 1), p.sector, f.string(p.mean), "\(f.string(p.p05))–\(f.string(p.p95))"]
        }
        let shared = r.posterior.filter { $0.sector == "all" }.enumerated().map { k, p in
            [String(k + 1), p.parameter, f.string(p.mean), "\(f.string(p.p05))–\(f.string(p.p95))"]
        }
        var rhat = 0.0, ess = Double.infinity
        for k in r.diagnostics.rows.indices {
            if let x = try? r.diagnostics.number(row: k, column: "rhat"), x.isFinite { rhat = Swift.max(rhat, x) }
            for c in ["ess_bulk", "ess_tail"] {
                if let x = try? r.diagnostics.number(row: k, column: c), x.isFinite { ess = Swift.min(ess, x) }
            }
        }
        // Each table in its own box, so the shorter one keeps its rows' height in the grid.
        return [
            Markup("div", children: [HTMLPage.table(caption: "Successful attacks per year by sector",
                                                    header: ["#", "sector", "mean", "90% interval"], rows: rows)]),
            Markup("div", children: [HTMLPage.table(caption: "Shared parameters (largest R-hat \(NumberFormat.significant(rhat, digits: 4)), "
                                                        + "smallest ESS \(f.string(ess)))",
                                                    header: ["#", "parameter", "mean", "90% interval"], rows: shared)]),
        ]
    }

    static func hindcastSection(_ h: CalibrationResults.HindcastTable) -> Markup {
        let f = NumberFormat.plain
        let rows = h.rows.enumerated().map { k, s in
            [String(k + 1), s.check.label, f.string(s.check.observed), "\(f.string(s.check.p05))–\(f.string(s.check.p95))",
             s.inside90 ? "yes" : "no", NumberFormat.significant(s.check.pit, digits: 2), f.string(s.crps),
             s.naive.isFinite ? f.string(s.naive) : "–", s.naiveCRPS.isFinite ? f.string(s.naiveCRPS) : "–"]
        }
        return HTMLPage.section("Hindcast: would the model have predicted \(h.year)?", id: "hindcast",
            intro: "Fitted on the years before \(h.year) only, the model's forecast of each \(h.year) row against what was "
                + "reported. Of \(h.sectorRows) sector rows, \(NumberFormat.percent.string(h.coverage90)) fell inside their 90% "
                + "interval and \(NumberFormat.percent.string(h.coverage50)) inside their 50% interval. The CRPS measures a "
                + "forecast's error in incidents (smaller is better); the naive forecast is last year's count.",
            [HTMLPage.table(caption: "Hindcast of \(h.year)", header: ["#", "row", "observed", "90% interval", "inside",
                                                                        "PIT", "CRPS", "naive", "naive CRPS"], rows: rows)])
    }
}
