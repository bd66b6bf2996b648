import CyberRisk
/// The charts of a comparison report: each scenario's mean over the years with its 95% interval,
/// and each alternative's difference from the base with its paired 95% interval beside the
/// interval independent runs would have given.
///
/// ```swift
/// ComparisonChart.means(results, metric: "national_risk")
/// ComparisonChart.difference(results, metric: "national_risk")
/// ```
enum ComparisonChart {
    static let width = 600.0, height = 360.0
    /// The normal 97.5% point: intervals are `± z·se`.
    static let z = 1.959963984540054

    /// Every scenario's yearly mean, with a band of `mean ± 1.96·se`, on an axis from zero.
    static func means(_ r: ComparisonResults, metric: String) -> Chart {
        let label = MetricLabel(metric: metric)
        let area = PlotArea(width: width, height: height, marginBottom: 70)
        let series = r.scenarios.compactMap { r.series(scenario: $0, metric: metric) }
        let years = r.years.map(Double.init)
        let top = series.flatMap { $0["value"] }.filter(\.isFinite).max() ?? 0
        let x = YearAxis.scale(r.years, area: area, steps: false)
        var xy = XYChart(area: area, x: x, y: .zeroBased(maximum: top, pixels: area.vertical, reversed: true),
                         xTitle: "year", yTitle: label.axisTitle)
        xy.xFormat = .year
        xy.xTicks = YearAxis.ticks(r.years)
        xy.yFormat = label.format
        for (k, s) in series.enumerated() {
            let color = Palette.series[k % Palette.series.count], dash = Palette.dashes[k % Palette.dashes.count]
            let v = s["value"], se = s["se"]
            xy.bands.append(Band(label: r.scenarios[k], x: years, lower: zip(v, se).map { $0 - z * $1 },
                                 upper: zip(v, se).map { $0 + z * $1 }, color: color, opacity: 0.18))
            xy.lines.append(Line(label: r.scenarios[k], x: years, y: v, color: color, width: 2.5, dash: dash))
            xy.legend.append(.line(r.scenarios[k] + (k == 0 ? " (base)" : ""), color, dash: dash, width: 2.5))
        }
        return xy.chart(id: "compare-means-\(metric)", title: "\(label.title): mean by scenario",
                        caption: "The mean over the simulated futures of each scenario, with its 95% interval (mean ± 1.96 se). "
                            + "All scenarios ran on the same futures.")
    }

    /// Each alternative's `difference` from the base with its paired 95% interval (band) and the
    /// 95% interval of independent runs (thin dashed lines), around a zero line.
    static func difference(_ r: ComparisonResults, metric: String) -> Chart {
        let label = MetricLabel(metric: metric)
        let area = PlotArea(width: width, height: height, marginBottom: 70)
        let years = r.years.map(Double.init)
        let alternatives = r.scenarios.dropFirst().compactMap { name in r.series(scenario: name, metric: metric).map { (name, $0) } }
        var extent = [0.0]
        for (_, s) in alternatives {
            for (d, se) in zip(s["difference"], s["independent_se"]) where d.isFinite && se.isFinite {
                extent += [d - z * se, d + z * se]
            }
        }
        let y = symmetricScale(lower: extent.min()!, upper: extent.max()!, pixels: area.vertical)
        let x = YearAxis.scale(r.years, area: area, steps: false)
        var xy = XYChart(area: area, x: x, y: y, xTitle: "year", yTitle: "difference from \(r.base), " + label.axisTitle)
        xy.xFormat = .year
        xy.xTicks = YearAxis.ticks(r.years)
        xy.yFormat = label.format
        xy.lines.append(Line(label: "zero", x: years, y: years.map { _ in 0 }, color: Palette.axis, width: 1))
        for (k, (name, s)) in alternatives.enumerated() {
            let color = Palette.series[(k + 1) % Palette.series.count]
            let d = s["difference"], paired = s["difference_se"], independent = s["independent_se"]
            xy.bands.append(Band(label: name + " paired", x: years, lower: zip(d, paired).map { $0 - z * $1 },
                                 upper: zip(d, paired).map { $0 + z * $1 }, color: color, opacity: 0.35))
            for sign in [-1.0, 1.0] {
                xy.lines.append(Line(label: name + " independent", x: years, y: zip(d, independent).map { $0 + sign * z * $1 },
                                     color: color, width: 1, dash: "3 3"))
            }
            xy.lines.append(Line(label: name, x: years, y: d, color: color, width: 2.5, dots: true))
            xy.legend.append(.line(name, color, width: 2.5))
        }
        xy.legend += [.band("paired 95%", Palette.muted, 0.6), .line("independent 95%", Palette.muted, dash: "3 3", width: 1)]
        return xy.chart(id: "compare-difference-\(metric)", title: "\(label.title): difference from \(r.base)",
                        caption: "The difference of the means (alternative − base) with its 95% interval from the paired "
                            + "per-trial differences (band), and the wider interval two independent runs of the same size "
                            + "would give (dashed): common random numbers remove the noise the scenarios share.")
    }

    /// A linear scale over `lower…upper` (containing 0), padded to nice ticks; `−1…1` (scaled to
    /// the data's magnitude) when both are 0.
    static func symmetricScale(lower: Double, upper: Double, pixels: ClosedRange<Double>) -> Scale {
        var lo = Swift.min(0, lower), hi = Swift.max(0, upper)
        if hi - lo <= 0 || !(hi - lo).isFinite { (lo, hi) = (-1e-9, 1e-9) }
        let step = Scale.niceStep((hi - lo) / 5)
        lo = (lo / step).rounded(.down) * step
        hi = (hi / step).rounded(.up) * step
        if hi <= lo { hi = lo + step }
        return Scale(domain: lo, hi, pixels: pixels.upperBound, pixels.lowerBound)
    }
}
