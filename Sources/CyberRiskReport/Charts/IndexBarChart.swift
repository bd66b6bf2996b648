import CyberRisk

/// Sobol' indices as horizontal bars: one row per parameter (most influential at the top), a
/// first-order bar `S1` and a total bar `ST` per row, each with its 95% interval as a whisker.
/// The axis always spans 0 to 1 (the range of a share of variance) and widens to show every
/// estimate and interval.
///
/// ```swift
/// let entries = results.entries(metric: "national_risk", year: 2035)
/// IndexBarChart(entries: entries).chart(id: "sensitivity-national_risk", title: "National risk")
/// ```
package struct IndexBarChart: Sendable {
    var entries: [SensitivityResults.Entry]
    var width: Double = 600
    /// Height of one parameter's row, in pixels.
    var rowHeight: Double = 34

    init(entries: [SensitivityResults.Entry]) {
        self.entries = entries
    }

    /// The label of a parameter path: the path without a leading `scenario.` or `sectors.`
    /// (`defense.vulnerability_decline`, `energy.threat.success_probability`); the full path is
    /// the label's tooltip.
    package static func label(_ path: String) -> String {
        for prefix in ["scenario.", "sectors."] where path.hasPrefix(prefix) && path.count > prefix.count {
            return String(path.dropFirst(prefix.count))
        }
        return path
    }

    func chart(id: String, title: String, caption: String = "") -> Chart {
        let labels = entries.map { IndexBarChart.label($0.parameter) }
        let labelWidth = (labels.map(Legend.textWidth).max() ?? 0) + 16
        let area = PlotArea(width: width, height: 48 + rowHeight * Double(Swift.max(entries.count, 1)) + 74,
                            marginBottom: 74, marginLeft: Swift.max(60, labelWidth))
        let values = entries.flatMap { [$0.s1, $0.s1Low, $0.s1High, $0.st, $0.stLow, $0.stHigh] }.filter(\.isFinite)
        let x = Scale(domain: Swift.min(0, values.min() ?? 0), Swift.max(1, values.max() ?? 1), pixels: area.left, area.right)
        let axis = Axis(.bottom, scale: x, area: area, title: "share of the variance of the mean (Sobol' index)")
        let zero = Markup.number(x(0))
        var marks: [Markup] = [Markup("line", ["class": "zero", "x1": zero, "x2": zero, "y1": Markup.number(area.top),
                                               "y2": Markup.number(area.bottom), "stroke": Palette.axis, "stroke-width": "1"])]
        var rows: [Markup] = []
        for (k, e) in entries.enumerated() {
            let top = area.top + rowHeight * Double(k)
            rows.append(Markup("text", ["class": "parameter", "x": Markup.number(area.left - 8),
                                        "y": Markup.number(top + rowHeight / 2 + 4), "text-anchor": "end", "fill": Palette.axis],
                               children: [Markup.element("title", text: e.parameter), Markup.text(labels[k])]))
            let bars: [(String, Double, Double, Double, String, Double)] = [
                ("S1", e.s1, e.s1Low, e.s1High, Palette.blue, top + 6),
                ("ST", e.st, e.stLow, e.stHigh, Palette.vermillion, top + rowHeight / 2),
            ]
            for (name, value, low, high, color, y) in bars {
                let h = rowHeight / 2 - 6
                if value.isFinite {
                    let (a, b) = (x(Swift.min(0, value)), x(Swift.max(0, value)))
                    marks.append(Markup("rect", ["class": "bar", "data-index": name, "data-parameter": e.parameter,
                                                 "data-value": Markup.number(value), "x": Markup.number(a),
                                                 "y": Markup.number(y), "width": Markup.number(b - a),
                                                 "height": Markup.number(h), "fill": color, "fill-opacity": "0.8"]))
                }
                if low.isFinite && high.isFinite {
                    let mid = Markup.number(y + h / 2)
                    marks.append(Markup("line", ["class": "interval", "data-index": name, "x1": Markup.number(x(low)),
                                                 "x2": Markup.number(x(high)), "y1": mid, "y2": mid,
                                                 "stroke": Palette.axis, "stroke-width": "1.5"]))
                }
            }
        }
        if entries.isEmpty { marks.append(Chart.note("no indices", x: (area.left + area.right) / 2, y: area.top + 20)) }
        let content: [Markup] = [axis.grid, Markup("g", ["class": "data"], children: marks + rows), axis.markup,
                                 Legend(entries: [.band("S1: first order (alone)", Palette.blue, 0.8),
                                                  .band("ST: total (with interactions)", Palette.vermillion, 0.8),
                                                  .line("95% interval", Palette.axis, width: 1.5)])
                                     .markup(x: 16, y: area.bottom + 56)]
        return Chart(id: id, title: title, caption: caption, width: area.width, height: area.height, content: content)
    }
}
