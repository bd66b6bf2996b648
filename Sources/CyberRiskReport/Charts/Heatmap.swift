import CyberRisk

/// A grid of coloured cells — rows × columns, colour = value on ``ColorMap/viridis(_:)`` from 0
/// (dark) to the largest value (yellow) — with row and column labels, the value written in each
/// cell, and a colour key on the right.
///
/// The colour scale starts at zero, like every risk axis in the report, so a pale row is a high
/// row in absolute terms, not just relative to its neighbours.
///
/// ```swift
/// let map = Heatmap(rows: ["Energy", "Water"], columns: ["2026", "2027"],
///                   values: [[0.004, 0.005], [0.002, 0.003]], format: .percent,
///                   columnTitle: "year", valueTitle: "mean inoperability, %")
/// let chart = map.chart(id: "sector-heatmap", title: "Sector inoperability by year")
/// ```
struct Heatmap: Sendable {
    var rows: [String]
    var columns: [String]
    /// `values[row][column]`; NaN cells are drawn grey and labelled "n/a".
    var values: [[Double]]
    var format: NumberFormat
    var rowTitle: String
    var columnTitle: String
    var valueTitle: String
    var cellHeight: Double = 24
    var width: Double = 1180

    init(rows: [String], columns: [String], values: [[Double]], format: NumberFormat,
                rowTitle: String = "", columnTitle: String, valueTitle: String) {
        precondition(values.count == rows.count && values.allSatisfy { $0.count == columns.count },
                     "a heatmap needs one value per row and column")
        self.rows = rows
        self.columns = columns
        self.values = values
        self.format = format
        self.rowTitle = rowTitle
        self.columnTitle = columnTitle
        self.valueTitle = valueTitle
    }

    /// The colour scale's top: the largest finite value rounded up to a nice number (1 if none).
    var maximum: Double {
        let top = values.joined().filter(\.isFinite).max() ?? 0
        return top > 0 ? Scale.niceCeiling(top) : 1
    }

    /// The plot geometry: labels on the left, key on the right.
    var area: PlotArea {
        let labelWidth = (rows.map(Legend.textWidth).max() ?? 0) + 16
        return PlotArea(width: width, height: 48 + Double(rows.count) * cellHeight + 50, marginTop: 48,
                        marginRight: 110, marginBottom: 50, marginLeft: Swift.max(labelWidth, 60))
    }

    func chart(id: String, title: String, caption: String = "") -> Chart {
        let area = self.area
        let top = maximum
        let cellWidth = (area.right - area.left) / Double(Swift.max(columns.count, 1))
        var cells: [Markup] = []
        for (r, row) in values.enumerated() {
            let y = area.top + Double(r) * cellHeight
            for (c, v) in row.enumerated() {
                let x = area.left + Double(c) * cellWidth
                let t = v / top
                cells.append(Markup("rect", ["class": "cell", "data-row": rows[r], "data-column": columns[c],
                                             "data-value": "\(v)", "x": Markup.number(x), "y": Markup.number(y),
                                             "width": Markup.number(cellWidth), "height": Markup.number(cellHeight),
                                             "fill": ColorMap.viridis(t), "stroke": "#FFFFFF", "stroke-width": "1"]))
                if cellWidth >= 34 {
                    cells.append(Markup.element("text", ["class": "cell-label", "x": Markup.number(x + cellWidth / 2),
                                                         "y": Markup.number(y + cellHeight / 2), "dy": "0.35em",
                                                         "text-anchor": "middle", "font-size": "11",
                                                         "fill": ColorMap.isDark(t) || !t.isFinite ? "#FFFFFF" : "#000000"],
                                                text: format.string(v)))
                }
            }
        }
        var labels: [Markup] = rows.enumerated().map { r, name in
            Markup.element("text", ["class": "row-label", "x": Markup.number(area.left - 8),
                                    "y": Markup.number(area.top + (Double(r) + 0.5) * cellHeight), "dy": "0.35em",
                                    "text-anchor": "end"], text: name)
        }
        let bottom = area.top + Double(rows.count) * cellHeight
        labels += columns.enumerated().map { c, name in
            Markup.element("text", ["class": "column-label", "x": Markup.number(area.left + (Double(c) + 0.5) * cellWidth),
                                    "y": Markup.number(bottom + 16), "text-anchor": "middle"], text: name)
        }
        labels.append(Markup.element("text", ["class": "axis-title", "x": Markup.number((area.left + area.right) / 2),
                                              "y": Markup.number(bottom + 38), "text-anchor": "middle"], text: columnTitle))
        if !rowTitle.isEmpty {
            labels.append(Markup.element("text", ["class": "axis-title", "x": "4", "y": Markup.number(area.top - 12)],
                                         text: rowTitle))
        }
        let content = [Markup("g", ["class": "cells"], children: cells),
                       Markup("g", ["class": "labels", "fill": Palette.axis], children: labels),
                       key(x: area.right + 24, top: area.top, bottom: bottom, maximum: top, titleEnd: area.width - 4)]
        return Chart(id: id, title: title, caption: caption, width: area.width, height: area.height, content: content)
    }

    /// The colour key: a vertical bar from 0 (bottom) to `maximum` (top) in 40 steps, with ticks.
    func key(x: Double, top: Double, bottom: Double, maximum: Double, titleEnd: Double) -> Markup {
        let height = Swift.max(bottom - top, 80)
        let scale = Scale(domain: 0, maximum, pixels: top + height, top)
        let steps = 40
        var children: [Markup] = (0..<steps).map { k in
            let lo = Double(k) / Double(steps), hi = Double(k + 1) / Double(steps)
            return Markup("rect", ["x": Markup.number(x), "y": Markup.number(scale(hi * maximum)), "width": "14",
                                   "height": Markup.number(scale(lo * maximum) - scale(hi * maximum) + 0.5),
                                   "fill": ColorMap.viridis((lo + hi) / 2)])
        }
        for t in scale.ticks(count: 4) {
            let y = Markup.number(scale(t))
            children.append(Markup("line", ["x1": Markup.number(x + 14), "x2": Markup.number(x + 18), "y1": y, "y2": y,
                                            "stroke": Palette.axis]))
            children.append(Markup.element("text", ["x": Markup.number(x + 21), "y": y, "dy": "0.32em"],
                                           text: format.string(t)))
        }
        children.append(Markup.element("text", ["class": "key-title", "x": Markup.number(titleEnd),
                                                "y": Markup.number(top - 12), "text-anchor": "end"], text: valueTitle))
        return Markup("g", ["class": "color-key", "fill": Palette.axis], children: children)
    }
}
