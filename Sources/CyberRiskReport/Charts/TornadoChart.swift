import CyberRisk
/// A tornado chart: one horizontal bar per parameter, largest swing at the top, from the metric's
/// mean with the parameter at its low end to the mean at its high end (the part towards the low
/// end blue, towards the high end vermillion), across a vertical line at the base value.
///
/// The value axis starts at zero unless the bars would then fill less than a fifth of it (a
/// tornado is read around its base); its title then says so.
///
/// ```swift
/// TornadoChart(bars: results.bars(metric: "national_risk", year: 2035))
///     .chart(id: "tornado-national_risk", metric: "national_risk", year: 2035)
/// ```
struct TornadoChart: Sendable {
    var bars: [TornadoResults.Bar]
    var width: Double = 600
    /// Height of one parameter's row, in pixels.
    var rowHeight: Double = 30

    init(bars: [TornadoResults.Bar]) {
        self.bars = bars
    }

    /// A value axis over `values` and the base (see the type's documentation), and whether it starts at zero.
    static func valueScale(_ values: [Double], pixels start: Double, _ end: Double) -> (Scale, Bool) {
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max(), hi > lo else {
            let top = finite.max() ?? 1
            return (Scale.zeroBased(maximum: top, pixels: Swift.min(start, end)...Swift.max(start, end), reversed: start > end), true)
        }
        if lo >= 0 && (hi - lo) / hi >= 0.2 {
            return (Scale.zeroBased(maximum: hi, pixels: Swift.min(start, end)...Swift.max(start, end), reversed: start > end), true)
        }
        let step = Scale.niceStep((hi - lo) / 4)
        let a = (lo / step).rounded(.down) * step, b = Swift.max((hi / step).rounded(.up) * step, a + step)
        return (Scale(domain: a, b, pixels: start, end), false)
    }

    func chart(id: String, metric: String, year: Int) -> Chart {
        let label = MetricLabel(metric: metric)
        // A group's members each have their own range (its ends are NaN in tornado.csv).
        let labels = bars.map { b in
            b.low.isFinite && b.high.isFinite
                ? "\(IndexBarChart.label(b.parameter)) [\(NumberFormat.plain.string(b.low))–\(NumberFormat.plain.string(b.high))]"
                : "\(IndexBarChart.label(b.parameter)) (group)"
        }
        let labelWidth = (labels.map(Legend.textWidth).max() ?? 0) + 16
        let area = PlotArea(width: width, height: 48 + rowHeight * Double(Swift.max(bars.count, 1)) + 74,
                            marginBottom: 74, marginLeft: Swift.max(60, labelWidth))
        let values = bars.flatMap { [$0.valueLow, $0.valueHigh, $0.valueBase] }
        let (x, zero) = TornadoChart.valueScale(values, pixels: area.left, area.right)
        let axis = Axis(.bottom, scale: x, area: area, title: "\(label.title), mean in \(year)" + (zero ? "" : " (axis not from zero)"),
                        format: label.format)
        var marks: [Markup] = []
        var rows: [Markup] = []
        for (k, b) in bars.enumerated() {
            let top = area.top + rowHeight * Double(k) + 5, h = rowHeight - 10
            rows.append(Markup("text", ["class": "parameter", "x": Markup.number(area.left - 8), "y": Markup.number(top + h / 2 + 4),
                                        "text-anchor": "end", "fill": Palette.axis],
                               children: [Markup.element("title", text: b.parameter), Markup.text(labels[k])]))
            for (end, value, color) in [("low", b.valueLow, Palette.blue), ("high", b.valueHigh, Palette.vermillion)]
                where value.isFinite && b.valueBase.isFinite {
                let (p, q) = (x(Swift.min(value, b.valueBase)), x(Swift.max(value, b.valueBase)))
                marks.append(Markup("rect", ["class": "bar", "data-end": end, "data-parameter": b.parameter,
                                             "data-value": Markup.number(value), "x": Markup.number(p), "y": Markup.number(top),
                                             "width": Markup.number(Swift.max(q - p, 0)), "height": Markup.number(h),
                                             "fill": color, "fill-opacity": "0.8"]))
            }
        }
        if let base = bars.first?.valueBase, x.canShow(base) {
            let px = Markup.number(x(base))
            marks.append(Markup("line", ["class": "base", "x1": px, "x2": px, "y1": Markup.number(area.top - 4),
                                         "y2": Markup.number(area.bottom), "stroke": Palette.axis, "stroke-width": "1.5"]))
        }
        if bars.isEmpty { marks.append(Chart.note("no parameters", x: (area.left + area.right) / 2, y: area.top + 20)) }
        let content: [Markup] = [axis.grid, Markup("g", ["class": "data"], children: marks + rows), axis.markup,
                                 Legend(entries: [.band("parameter at its low end", Palette.blue, 0.8),
                                                  .band("at its high end", Palette.vermillion, 0.8),
                                                  .line("base", Palette.axis, width: 1.5)])
                                     .markup(x: 16, y: area.bottom + 56)]
        let base = bars.first.map { label.value($0.valueBase) } ?? "n/a"
        let caption = "The mean \(label.title.lowercased()) in \(year) with one parameter at a time at the low (blue) "
            + "or high (vermillion) end of its range, the others as in the base (\(base), the vertical line); all on the "
            + "same simulated futures. Parameters sorted by the size of their swing."
        return Chart(id: id, title: "\(label.title) in \(year): tornado", caption: caption, width: area.width,
                     height: area.height, content: content)
    }
}
