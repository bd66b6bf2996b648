import CyberRisk

import Foundation

/// Loss-exceedance curves `P(metric > x)` of a few years in one chart.
///
/// The probability axis is logarithmic (100% down to the decade below `1/trials`, the smallest
/// probability a run can resolve) when the curves reach below 5%, so the tail is visible; zero
/// probabilities cannot be drawn on it and the curves stop there. The x axis starts at zero,
/// unless the curves' informative range — from the largest `x` every curve exceeds with
/// probability ≥ 99% to the largest `x` a curve exceeds with a positive probability — spans more than two decades; then it is
/// logarithmic too. Each axis title says "log scale" when it is.
///
/// ```swift
/// ExceedanceChart.chart(metric: "economic_loss_usd_bn",
///                       curves: [(2026, c0), (2030, c4), (2035, c9)], trials: 100_000)
/// ```
enum ExceedanceChart {
    static let width = 600.0, height = 360.0

    /// - Parameter tolerances: risk tolerances on this metric: a line at `max` and, for a quantile
    ///   `q`, the point `(max, 1 − q)` the curves must pass below.
    static func chart(metric: String, curves: [(year: Int, curve: RunResults.Curve)], trials: Int,
                      tolerances: [ToleranceMark] = []) -> Chart {
        let label = MetricLabel(metric: metric)
        let area = PlotArea(width: width, height: height, marginBottom: 70)
        let all = curves.map(\.curve)
        let positive = all.flatMap(\.probabilities).filter { $0 > 0 && $0.isFinite }
        let logY = (positive.min() ?? 1) < 0.05
        let floor = Swift.max(positive.min() ?? 1, trials > 0 ? 0.5 / Double(trials) : 1e-6)
        let y = logY ? Scale.decades(minimum: floor, maximum: 1, pixels: area.bottom, area.top)
                     : Scale(domain: 0, 1, pixels: area.bottom, area.top)
        let (x, logX) = xScale(all, area: area)
        var xy = XYChart(area: area, x: x, y: y, xTitle: label.axisTitle + (logX ? " (log scale)" : ""),
                         yTitle: "chance of exceeding, %" + (logY ? " (log scale)" : ""))
        xy.xFormat = label.format
        xy.yFormat = .percent
        let few = all.allSatisfy { $0.thresholds.count <= 25 }
        for (k, entry) in curves.enumerated() {
            let color = Palette.series[k % Palette.series.count], dash = Palette.dashes[k % Palette.dashes.count]
            xy.lines.append(Line(label: "\(entry.year)", x: entry.curve.thresholds, y: entry.curve.probabilities,
                                 color: color, width: 2.5, dash: dash, dots: few))
            if curves.count > 1 { xy.legend.append(.line("\(entry.year)", color, dash: dash, width: 2.5)) }
        }
        for t in tolerances { xy.marks += t.exceedanceMarks(x: x, y: y) }
        var caption = "How likely a year's \(label.title.lowercased()) is to exceed a value: read a value on the "
            + "horizontal axis, go up to a curve, read its chance on the vertical axis. "
            + (logY ? "Chances below 1 in \(RunReport.grouped(trials)) are not resolved by this run; "
                + "the curves stop there." : "")
        for t in tolerances {
            caption += " Tolerance \(t.name): the line marks \(label.format.string(t.max))"
                + (t.exceedanceLevel.map { "; a curve passing above the circle (a \(NumberFormat.percent.string($0)) chance of exceeding it) breaches it" } ?? "")
                + "."
        }
        return xy.chart(id: "exceedance-\(metric)", title: "\(label.title): chance of exceeding",
                        caption: caption)
    }

    /// The x scale and whether it is logarithmic (see the type's documentation).
    static func xScale(_ curves: [RunResults.Curve], area: PlotArea) -> (Scale, Bool) {
        var high = 0.0, shoulder = Double.infinity
        for c in curves {
            if let k = c.thresholds.indices.last(where: { c.probabilities[$0] > 0 }) {
                high = Swift.max(high, c.thresholds[k])
            }
            let sure = c.thresholds.indices.filter { c.probabilities[$0] >= 0.99 && c.thresholds[$0] > 0 }
            shoulder = Swift.min(shoulder, sure.last.map { c.thresholds[$0] } ?? 0)
        }
        if high <= 0 { high = curves.flatMap(\.thresholds).filter(\.isFinite).max() ?? 1 }
        if shoulder > 0 && shoulder.isFinite && high / shoulder > 100 {
            return (Scale.decades(minimum: shoulder, maximum: high, pixels: area.left, area.right), true)
        }
        return (Scale.zeroBased(maximum: high, pixels: area.horizontal), false)
    }
}
