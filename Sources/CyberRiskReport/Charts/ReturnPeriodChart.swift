/// AEP and OEP curves of a metric on a return-period axis: for a few years, the 1-in-`T` level of
/// the year's aggregate (solid) and of its largest event (dashed) against `T` on a logarithmic
/// axis, with the aggregate's ±2 standard-error band. Points beyond the run's resolution (the
/// `resolved` column) are left out, so the curves stop where the run stops knowing.
///
/// ```swift
/// ReturnPeriodChart.chart(metric: "economic_loss_usd_bn", years: [(2026, rows0), (2035, rows9)])
/// ```
enum ReturnPeriodChart {
    static let width = 600.0, height = 360.0

    static func chart(metric: String, years: [(year: Int, rows: [TailResults.Row])]) -> Chart {
        let label = MetricLabel(metric: metric)
        let area = PlotArea(width: width, height: height, marginBottom: 70)
        let shown = years.map { ($0.year, $0.rows.filter { $0.resolved && $0.aep.isFinite && $0.oep.isFinite }) }
        let periods = shown.flatMap { $0.1.map(\.returnPeriod) }
        let high = shown.flatMap { $0.1.map { Swift.max($0.aep + 2 * ($0.aepSE.isFinite ? $0.aepSE : 0), $0.oep) } }.max() ?? 1
        let x = Scale.decades(minimum: Swift.max(1, periods.min() ?? 1), maximum: Swift.max(10, periods.max() ?? 1000),
                              pixels: area.left, area.right)
        let y = Scale.zeroBased(maximum: high > 0 ? high : 1, pixels: area.vertical, reversed: true)
        var xy = XYChart(area: area, x: x, y: y, xTitle: "return period, years (log scale)", yTitle: label.axisTitle)
        xy.yFormat = label.format
        for (k, (year, rows)) in shown.enumerated() where !rows.isEmpty {
            let color = Palette.series[k % Palette.series.count]
            let t = rows.map(\.returnPeriod)
            xy.bands.append(Band(label: "\(year) AEP ±2 SE", x: t,
                                 lower: rows.map { Swift.max(0, $0.aep - 2 * $0.aepSE) }, upper: rows.map { $0.aep + 2 * $0.aepSE },
                                 color: color, opacity: 0.15))
            xy.lines.append(Line(label: "\(year) AEP", x: t, y: rows.map(\.aep), color: color, width: 2.5, dots: true))
            xy.lines.append(Line(label: "\(year) OEP", x: t, y: rows.map(\.oep), color: color, width: 2, dash: "6 4", dots: true))
            xy.legend.append(.line("\(year) AEP", color, width: 2.5))
            xy.legend.append(.line("\(year) OEP", color, dash: "6 4"))
        }
        let caption = "The loss a year exceeds once in T years on average: the year's total (AEP, solid, "
            + "with ±2 standard errors shaded) and its largest single event, cascaded alone (OEP, dashed). "
            + "Return periods the run does not resolve are left out."
        return xy.chart(id: "return-periods-\(metric)", title: "\(label.title): return periods", caption: caption)
    }
}
