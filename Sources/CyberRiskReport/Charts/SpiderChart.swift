import CyberRisk
import Foundation

/// A spider chart of a tornado: one line per parameter through the metric's mean at the low end
/// of the parameter's range, in the base, and at the high end, against the parameter's position
/// in its range (0% = low end, 100% = high end; the base at the base value's position, on a log
/// scale for parameters swept with `log_range`). Steep lines are the parameters that matter.
///
/// ```swift
/// SpiderChart(bars: bars, logScale: ["scenario.neural.users.ceiling"]).chart(id: "spider-national_risk",
///                                                                            metric: "national_risk", year: 2035)
/// ```
struct SpiderChart: Sendable {
    var bars: [TornadoResults.Bar]
    /// Parameters whose position is measured on a log scale.
    var logScale: Set<String>

    init(bars: [TornadoResults.Bar], logScale: Set<String> = []) {
        self.bars = bars
        self.logScale = logScale
    }

    /// The base value's position in `[low, high]` (0…1), or NaN when it is outside or unknown.
    func position(_ b: TornadoResults.Bar) -> Double {
        let log = logScale.contains(b.parameter) && b.low > 0 && b.base > 0
        let f: (Double) -> Double = log ? { Foundation.log($0) } : { $0 }
        let u = (f(b.base) - f(b.low)) / (f(b.high) - f(b.low))
        return u.isFinite && u >= 0 && u <= 1 ? u : .nan
    }

    func chart(id: String, metric: String, year: Int) -> Chart {
        let label = MetricLabel(metric: metric)
        let area = PlotArea(width: 600, height: 360, marginBottom: 70 + 18 * Double((bars.count + 1) / 2))
        let values = bars.flatMap { [$0.valueLow, $0.valueBase, $0.valueHigh] }
        let (y, zero) = TornadoChart.valueScale(values, pixels: area.bottom, area.top)
        var xy = XYChart(area: area, x: Scale(domain: 0, 1, pixels: area.left, area.right), y: y,
                         xTitle: "position of the parameter in its range (low end → high end)",
                         yTitle: "\(label.title), mean in \(year)" + (zero ? "" : " (axis not from zero)"))
        xy.xFormat = .percent
        xy.xTicks = [0, 0.25, 0.5, 0.75, 1]
        xy.yFormat = label.format
        for (k, b) in bars.enumerated() {
            let color = Palette.series[k % Palette.series.count], dash = Palette.dashes[(k / Palette.series.count) % Palette.dashes.count]
            let u = position(b)
            let (x, v) = u.isNaN ? ([0.0, 1], [b.valueLow, b.valueHigh]) : ([0, u, 1], [b.valueLow, b.valueBase, b.valueHigh])
            xy.lines.append(Line(label: b.parameter, x: x, y: v, color: color, width: 2, dash: dash, dots: true))
        }
        // One legend row per two parameters, under the axis title.
        var legendRows: [Markup] = []
        for start in stride(from: 0, to: bars.count, by: 2) {
            let entries = bars[start..<Swift.min(start + 2, bars.count)].enumerated().map { j, b -> Legend.Entry in
                let k = start + j
                return .line(IndexBarChart.label(b.parameter), Palette.series[k % Palette.series.count],
                             dash: Palette.dashes[(k / Palette.series.count) % Palette.dashes.count])
            }
            legendRows.append(Legend(entries: entries).markup(x: area.left - 40, y: area.bottom + 56 + 18 * Double(start / 2)))
        }
        var chart = xy.chart(id: id, title: "\(label.title) in \(year): spider",
                             caption: "The mean \(label.title.lowercased()) in \(year) as each parameter alone moves from the "
                                + "low end of its range (0%) through its base value to the high end (100%), the others as in "
                                + "the base; the steeper the line, the more the forecast depends on the parameter.")
        chart.content += legendRows
        return chart
    }
}
