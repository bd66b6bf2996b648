import CyberRisk

/// The fan chart of one metric over the years: the p05–p95 and p25–p75 bands of the simulated
/// futures, the median (solid) and the mean (dashed), on a y axis from zero.
///
/// Whole-number metrics (`sectors_disrupted`, `neural_implants_compromised`) have whole-number
/// quantiles, so their bands and median are drawn as yearly steps instead of interpolated
/// between years; their mean stays a line through the yearly points.
///
/// ```swift
/// let chart = FanChart.chart(series: results.series["national_risk"]!)
/// ```
enum FanChart {
    /// Pixel size of a fan chart.
    static let width = 600.0, height = 360.0

    /// Metrics whose values are whole numbers.
    static let wholeNumberMetrics: Set<String> = ["sectors_disrupted", "neural_implants_compromised"]

    /// How to read a fan chart, in one sentence.
    static func reading() -> String {
        "Each year, 90% of the simulated futures fall in the light band and half in the "
            + "dark band; the solid line is the median, the dashed line the mean. Axes start at zero."
    }

    /// - Parameter tolerances: risk tolerances on this metric, drawn as lines at their `max`.
    static func chart(series: MetricSeries, id: String? = nil, tolerances: [ToleranceMark] = []) -> Chart {
        let label = MetricLabel(metric: series.metric)
        let area = PlotArea(width: width, height: height, marginBottom: 70)
        let whole = FanChart.wholeNumberMetrics.contains(series.metric)
        let x = YearAxis.scale(series.years, area: area, steps: whole)
        var top = ["p95", "p75", "p50", "mean"].flatMap { series[$0] }.filter(\.isFinite).max() ?? 0
        // A tolerance far above the data would squash it: shown only within twice the data's top.
        let shown = tolerances.filter { $0.max > 0 && $0.max <= 2 * Swift.max(top, 1e-300) }
        top = Swift.max(top, shown.map(\.max).max() ?? 0)
        let y = Scale.zeroBased(maximum: whole ? Swift.max(top, 1) : top, pixels: area.vertical, reversed: true)
        var xy = XYChart(area: area, x: x, y: y, xTitle: "year", yTitle: label.axisTitle)
        xy.xFormat = .year
        xy.xTicks = YearAxis.ticks(series.years)
        xy.yFormat = label.format
        func shape(_ name: String) -> (x: [Double], y: [Double]) {
            whole ? YearAxis.steps(x: series.x, y: series[name]) : (series.x, series[name])
        }
        let (bx, p05) = shape("p05"), p95 = shape("p95").y, p25 = shape("p25").y, p75 = shape("p75").y
        let median = shape("p50")
        xy.bands = [
            Band(label: "p05-p95", x: bx, lower: p05, upper: p95, color: Palette.blue, opacity: 0.16),
            Band(label: "p25-p75", x: bx, lower: p25, upper: p75, color: Palette.blue, opacity: 0.32),
        ]
        xy.lines = [
            Line(label: "median", x: median.x, y: median.y, color: Palette.blue, width: 2.5),
            Line(label: "mean", x: series.x, y: series["mean"], color: Palette.vermillion, width: 2, dash: "7 4",
                 dots: whole),
        ]
        xy.legend = [
            .band("90% of futures (p05–p95)", Palette.blue, 0.16),
            .band("middle 50% (p25–p75)", Palette.blue, 0.32),
            .line("median", Palette.blue, width: 2.5),
            .line("mean", Palette.vermillion, dash: "7 4"),
        ]
        for t in shown {
            xy.lines.append(t.fanLine(x: series.x))
            xy.marks.append(t.text(label.format.string, x: area.left + 6, y: y(t.max) - 5))
        }
        var caption = FanChart.reading()
            + (whole ? " Counts are whole numbers, so each year is drawn as a step." : "")
        for t in tolerances {
            caption += " Tolerance \(t.name): \(t.statistic) ≤ \(label.format.string(t.max)), "
                + (t.firstBreach.map { "first breached in \($0)" } ?? "not breached")
                + (shown.contains(t) ? "." : " (above the chart).")
        }
        return xy.chart(id: id ?? "fan-\(series.metric)", title: "\(label.title): forecast range by year",
                        caption: caption)
    }
}
