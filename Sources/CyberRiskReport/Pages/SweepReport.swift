import CyberRisk

import Foundation

/// The report of a parameter sweep: per headline metric, its last-year mean with the p05–p95
/// range against each varied parameter (one small chart per parameter, a log x axis where the
/// parameter was swept on a log scale), and for a two-parameter grid a heatmap of the mean over
/// the grid. For a sensitivity analysis (`cyberrisk sensitivity`), first the Sobol' indices of
/// each headline metric's last-year mean as bars (``IndexBarChart``).
///
/// ```swift
/// let report = SweepReport(results: try SweepResults(folder: "sweep-out"))
/// report.charts.map(\.id)   // ["sweep-national_risk-1", …, "sweep-grid-national_risk", …]
/// ```
struct SweepReport: Sendable {
    static let headlineMetrics = ["national_risk", "human_risk", "economic_loss_usd_bn"]
    /// Most points whose effect charts still draw each point's p05–p95 bar.
    static let whiskerLimit = 200

    let results: SweepResults
    let sensitivity: SensitivityResults?
    /// The folder's own tornado (a `cyberrisk tornado` folder), or the one shown beside a
    /// sensitivity analysis's indices.
    let tornado: TornadoResults?
    let charts: [Chart]
    let html: String

    init(results r: SweepResults, sensitivity: SensitivityResults? = nil, tornado: TornadoResults? = nil) {
        self.results = r
        self.sensitivity = sensitivity
        self.tornado = tornado
        let metrics = SweepReport.headlineMetrics.filter(r.metrics.contains)
        let shown = metrics.isEmpty ? Array(r.metrics.prefix(3)) : metrics
        let isTornado = r.design == "tornado"
        let kind = sensitivity != nil ? "sensitivity" : isTornado ? "tornado" : "sweep"
        var page = HTMLPage(title: "cyberrisk \(kind) report: \(r.manifest.string("base_scenario") ?? kind)")
        page.body.append(SweepReport.header(r, metrics: shown, kind: kind, inputs: sensitivity?.parameters.count))
        var charts: [Chart] = []
        if let sensitivity {
            let bars = shown.map { SweepReport.indexChart(sensitivity, metric: $0) }
            charts += bars
            var content: [Markup] = [HTMLPage.grid(bars.map { HTMLPage.figure($0) })]
            var intro = "Sobol' indices of each metric's mean in \(sensitivity.year): S1 is the share of its variance across "
                + "the assumptions' ranges that one assumption causes alone, ST the share it causes alone or together "
                + "with others (ST − S1 is its interactions). Indices near 0 mean the forecast does not depend on "
                + "that assumption within its range. Bars are estimates, whiskers 95% bootstrap intervals; "
                + "parameters are sorted by ST."
            if let tornado {
                // Each metric's indices beside the tornado of the same parameters.
                let tornadoes = shown.map { tornado.charts(metric: $0).tornado }
                charts += tornadoes
                content = zip(bars, tornadoes).map { HTMLPage.grid([HTMLPage.figure($0), HTMLPage.figure($1)]) }
                intro += " Beside each, the tornado of \(tornado.folder): the same parameters swung one at a time from the "
                    + "low to the high end of their ranges, the others at base — what moves the forecast locally, where "
                    + "the indices average over every combination."
                // Both name their inputs alike when the tornado swings the same groups (a tornado of the
                // same spec); a tornado of the ungrouped parameters swings them one by one.
                let missing = Set(sensitivity.parameters).symmetricDifference(tornado.parameters)
                let groups = Set(r.manifest.objects("parameters").compactMap { $0["group"] as? String })
                if !groups.isEmpty && !missing.isEmpty {
                    content.insert(HTMLPage.paragraph("The sensitivity analysis moves its parameters in \(groups.count) groups "
                        + "(section Groups below); the tornado swings each of its \(tornado.parameters.count) inputs alone "
                        + "(a tornado of the same spec swings the groups)."), at: 0)
                } else if !missing.isEmpty {
                    content.insert(HTMLPage.paragraph("The tornado's parameters differ from the sensitivity analysis's: "
                        + missing.sorted().joined(separator: ", ") + ".", class: "warning"), at: 0)
                }
            }
            page.body.append(HTMLPage.section("Which assumptions drive the \(sensitivity.year) forecast", id: "sensitivity",
                intro: intro, content))
            charts += SweepReport.appendTailAndGroups(sensitivity, results: r, to: &page)
        } else if let tornado, isTornado {
            let pairs = shown.map { tornado.charts(metric: $0) }
            charts += pairs.flatMap { [$0.tornado, $0.spider] }
            page.body.append(HTMLPage.section("What moves the \(tornado.year) forecast", id: "tornado",
                intro: "Each parameter alone swung from the low to the high end of its range, the others as in the base, "
                    + "every point on the same simulated futures (one seed), so the swings differ by the parameter alone. "
                    + "Left the tornado (largest swing at the top), right the spider: the same three points per parameter "
                    + "against its position in its range.",
                pairs.map { HTMLPage.grid([HTMLPage.figure($0.tornado), HTMLPage.figure($0.spider)]) }))
        }
        if isTornado {
            self.charts = charts
            page.body.append(Markup("footer", children: [HTMLPage.paragraph(
                "Made by `cyberrisk report` from \(r.folder): tornado.csv, sweep.csv and manifest.json.")]))
            html = page.rendered
            return
        }
        var effects: [Markup] = []
        for (k, p) in r.parameters.enumerated() {
            let row = shown.map { SweepReport.effectChart(r, metric: $0, parameter: k) }
            charts += row
            effects.append(Markup.element("h3", text: p.path + (p.scale == .log ? " (swept on a log scale)" : "")))
            effects.append(HTMLPage.grid(row.map { HTMLPage.figure($0, caption: false) }, small: true))
        }
        page.body.append(HTMLPage.section("How each parameter moves the \(r.year) forecast", id: "effects",
            intro: "Each dot is one sweep point: the mean of its simulated futures in \(r.year)"
                + (r.points.count > SweepReport.whiskerLimit ? " (with \(r.points.count) points the p05–p95 bars are left out). "
                   : "; its bar spans the middle 90% of them (p05–p95). ")
                + (r.parameters.count > 1 && r.design == "grid" ? "Points with the same value of the parameter on the horizontal axis "
                    + "differ in the other parameters; they are drawn side by side. " : "")
                + "Vertical axes start at zero.",
            effects))
        // A grid has one point per cell; a folder whose "grid" has more cells than points (edited or
        // foreign rows) is not drawn as one: 800 points of distinct values would make 640,000 cells.
        if r.design == "grid" && r.parameters.count == 2 && r.levels(of: 0).count * r.levels(of: 1).count <= r.points.count {
            let grids = shown.map { SweepReport.gridChart(r, metric: $0) }
            charts += grids
            page.body.append(HTMLPage.section("The grid at a glance", id: "grid",
                intro: "Mean in \(r.year) for every combination of the two parameters. Brighter = higher; the "
                    + "colour scale starts at zero.",
                [HTMLPage.grid(grids.map { HTMLPage.figure($0) })]))
        }
        page.body.append(Markup("footer", children: [HTMLPage.paragraph(
            "Made by `cyberrisk report` from \(r.folder): sweep.csv and manifest.json. Each point is a full "
                + "forecast with its own inputs; compare points, not single futures.")]))
        self.charts = charts
        html = page.rendered
    }

    /// The indices of `metric` in the last year as bars, with the inner-noise share in the caption.
    /// `tail`: `metric` is a 1-in-200 tail output (`METRIC_aep200`).
    static func indexChart(_ s: SensitivityResults, metric: String, tail: Bool = false) -> Chart {
        let label = MetricLabel(metric: tail ? String(metric.dropLast("_aep200".count)) : metric)
        let what = tail ? "1-in-200 annual \(label.title.lowercased())" : "mean \(label.title.lowercased())"
        var caption = "S1 (blue) and ST (vermillion) of the \(what) in \(s.year), with 95% intervals."
        if let share = s.noiseShare(metric: metric, year: s.year), share.isFinite {
            caption += " Inner Monte-Carlo noise is \(NumberFormat.percent.string(share)) of the variance: an assumption "
                + "without effect would show ST ≈ that share."
        }
        return IndexBarChart(entries: s.entries(metric: metric, year: s.year))
            .chart(id: "sensitivity-\(metric)", title: tail ? "\(label.title), 1-in-200" : label.title, caption: caption)
    }

    /// `inputs`: a sensitivity analysis's inputs (groups and ungrouped parameters), when known.
    static func header(_ r: SweepResults, metrics: [String], kind: String = "sweep", inputs: Int? = nil) -> Markup {
        let points = RunReport.grouped(r.points.count)
        var meta = "\(points) points"
        let g = inputs ?? r.parameters.count
        if kind == "sensitivity", g > 0, r.points.count % (g + 2) == 0 {
            meta = "Saltelli design: \(points) points (N = \(r.points.count / (g + 2)) base rows × "
                + (g == r.parameters.count ? "(\(g) parameters + 2))" : "(\(g) inputs + 2), \(r.parameters.count) parameters in groups)")
        } else if let d = r.design {
            meta += " (\(d) design)"
        }
        meta += " · \(RunReport.grouped(r.trials)) trials each · compared in \(r.year)"
        if let seed = r.manifest.string("seed") { meta += " · seed \(seed)" }
        if let v = r.manifest.string("tool_version") { meta += " · cyberrisk \(v)" }
        let parameters = r.parameters.enumerated().map { k, p -> String in
            let f = NumberFormat.plain.string
            if let (kind, numbers) = p.declared {
                if kind == "values" { return "\(p.path) over the values " + numbers.map(f).joined(separator: ", ") }
                if numbers.count == 2 {
                    return "\(p.path) from \(f(numbers[0])) to \(f(numbers[1]))" + (kind == "log_range" ? " (log scale)" : "")
                }
            }
            let levels = r.levels(of: k)
            let range = levels.isEmpty ? "no values" : "\(f(levels.first!)) to \(f(levels.last!))"
            return "\(p.path) from \(range)" + (p.scale == .log ? " (log scale)" : "") + " (the values sampled)"
        }
        var cards: [Markup] = []
        for metric in metrics {
            let label = MetricLabel(metric: metric)
            let means = r.points.map { $0.statistic(metric, "mean") }.filter(\.isFinite)
            guard let lo = means.min(), let hi = means.max() else { continue }
            cards.append(Markup("div", ["class": "card"], children: [
                Markup.element("h3", text: "\(label.title), mean in \(r.year)"),
                Markup.element("p", ["class": "value"], text: label.range(lo, hi)),
                Markup.element("p", ["class": "note"], text: "Lowest and highest across the \(RunReport.grouped(r.points.count)) points."),
            ]))
        }
        return Markup("header", children: [
            Markup.element("h1", text: (kind == "sensitivity" ? "Sensitivity analysis: " : kind == "tornado" ? "Tornado analysis: "
                                        : "Parameter sweep: ") + (r.manifest.string("base_scenario") ?? "scenario")),
            HTMLPage.paragraph(meta, class: "meta"),
            HTMLPage.paragraph("Varied: " + parameters.joined(separator: "; ") + ".", class: "meta"),
            Markup("div", ["class": "cards"], children: cards),
        ])
    }

    /// The metric's last-year mean and p05–p95 range against parameter `k`.
    static func effectChart(_ r: SweepResults, metric: String, parameter k: Int) -> Chart {
        let label = MetricLabel(metric: metric)
        let p = r.parameters[k]
        let area = PlotArea(width: 400, height: 290, marginBottom: 50)
        let xs = r.points.map { $0.values[k] }
        let x = parameterScale(xs, kind: p.scale, area: area)
        let levels = r.levels(of: k)
        let mean = r.points.map { $0.statistic(metric, "mean") }
        let lower = r.points.map { $0.statistic(metric, "p05") }
        let upper = r.points.map { $0.statistic(metric, "p95") }
        let top = (upper + mean).filter(\.isFinite).max() ?? 0
        var xy = XYChart(area: area, x: x, y: .zeroBased(maximum: top, pixels: area.vertical, reversed: true),
                         xTitle: p.path + (x.kind == .log ? " (log scale)" : ""), yTitle: label.axisTitle)
        xy.yFormat = label.format
        if levels.count <= 8 { xy.xTicks = levels }
        // Many points: dots only (whiskers would hide each other); only a grid's repeated values
        // are spread sideways — elsewhere a shared x is a true position (a Saltelli design's
        // A_B columns repeat A's and B's values).
        let dense = r.points.count > SweepReport.whiskerLimit
        let none = Array(repeating: Double.nan, count: xs.count)
        var marks = Whiskers(label: dense ? "mean" : "mean, p05-p95", x: xs, y: mean, lower: dense ? none : lower,
                             upper: dense ? none : upper, color: Palette.blue)
        if r.design != "grid" { marks.dodge = 0 }
        xy.marks = [marks.markup(x: x, y: xy.y)]
        return xy.chart(id: "sweep-\(metric)-\(k + 1)", title: label.title,
                        caption: dense ? "Mean in \(r.year) of each point against \(p.path)."
                                       : "Mean in \(r.year) (dot) and p05–p95 (bar) of each point against \(p.path).")
    }

    /// A heatmap of the metric's last-year mean over a two-parameter grid: columns the first
    /// parameter's levels, rows the second's (largest at the top).
    static func gridChart(_ r: SweepResults, metric: String) -> Chart {
        let label = MetricLabel(metric: metric)
        let columns = r.levels(of: 0), rows = Array(r.levels(of: 1).reversed())
        var values = Array(repeating: Array(repeating: Double.nan, count: columns.count), count: rows.count)
        for point in r.points {
            guard let c = columns.firstIndex(of: point.values[0]), let row = rows.firstIndex(of: point.values[1]) else { continue }
            values[row][c] = point.statistic(metric, "mean")
        }
        var map = Heatmap(rows: rows.map(NumberFormat.plain.string), columns: columns.map(NumberFormat.plain.string),
                          values: values, format: label.format, rowTitle: r.parameters[1].path,
                          columnTitle: r.parameters[0].path, valueTitle: "mean in \(r.year)")
        map.width = 600
        map.cellHeight = 30
        return map.chart(id: "sweep-grid-\(metric)", title: "\(label.title): mean in \(r.year) over the grid",
                         caption: "Colour: \(label.axisTitle). Grey cells: no point at that combination.")
    }

    /// The x scale for parameter values: logarithmic for a log-scaled positive parameter, else
    /// linear; the values' range padded by about 8% of its width on each side (room for a grid's
    /// dodged points at the ends).
    static func parameterScale(_ xs: [Double], kind: Scale.Kind, area: PlotArea) -> Scale {
        let finite = xs.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { return Scale(domain: 0, 1, pixels: area.left, area.right) }
        if kind == .log && lo > 0 {
            let pad = hi > lo ? Foundation.pow(hi / lo, 0.08) : 2
            return Scale(kind: .log, domain: lo / pad, hi * pad, pixels: area.left, area.right)
        }
        let pad = hi > lo ? (hi - lo) * 0.08 : Swift.max(Swift.abs(lo) * 0.1, 1)
        return Scale(domain: lo - pad, hi + pad, pixels: area.left, area.right)
    }
}
