import CyberRisk
/// One value per named row as horizontal bars from zero, each labelled with its value — for
/// one-year reports, where a chart over the years would be a single column: the sectors' mean
/// inoperability, or their digital dependence.
///
/// ```swift
/// HorizontalBarChart(rows: [("Energy", 0.012), ("Dams", 0.005)], format: .percent,
///                    axisTitle: "mean inoperability, %").chart(id: "sector-bars", title: "Sectors hit in 2007")
/// ```
struct HorizontalBarChart: Sendable {
    var rows: [(label: String, value: Double)]
    var format: NumberFormat
    var axisTitle: String
    /// A fixed upper end of the axis (e.g. 1 for shares that can reach 100%); by default the
    /// largest value rounded up to a nice tick.
    var maximum: Double?
    var width: Double = 600
    /// Height of one row, in pixels.
    var rowHeight: Double = 26
    var color: String = Palette.blue

    init(rows: [(label: String, value: Double)], format: NumberFormat, axisTitle: String, maximum: Double? = nil) {
        self.rows = rows
        self.format = format
        self.axisTitle = axisTitle
        self.maximum = maximum
    }

    func chart(id: String, title: String, caption: String = "") -> Chart {
        let labelWidth = (rows.map { Legend.textWidth($0.label) }.max() ?? 0) + 16
        let area = PlotArea(width: width, height: 48 + rowHeight * Double(Swift.max(rows.count, 1)) + 50,
                            marginRight: 56, marginBottom: 50, marginLeft: Swift.max(60, labelWidth))
        let top = maximum ?? (rows.map(\.value).filter(\.isFinite).max() ?? 0)
        let x = Scale.zeroBased(maximum: top, pixels: area.horizontal)
        let axis = Axis(.bottom, scale: x, area: area, title: axisTitle, format: format)
        var marks: [Markup] = []
        for (k, row) in rows.enumerated() {
            let y = area.top + rowHeight * Double(k)
            marks.append(Markup.element("text", ["class": "row-label", "x": Markup.number(area.left - 8),
                                                 "y": Markup.number(y + rowHeight / 2 + 4), "text-anchor": "end",
                                                 "fill": Palette.axis], text: row.label))
            guard row.value.isFinite else { continue }
            let end = x(Swift.max(0, row.value))
            marks.append(Markup("rect", ["class": "bar", "data-row": row.label, "data-value": CSVTable.format(row.value),
                                         "x": Markup.number(area.left), "y": Markup.number(y + 4),
                                         "width": Markup.number(end - area.left), "height": Markup.number(rowHeight - 8),
                                         "fill": color, "fill-opacity": "0.8"]))
            marks.append(Markup.element("text", ["class": "bar-label", "x": Markup.number(end + 4),
                                                 "y": Markup.number(y + rowHeight / 2 + 4), "font-size": "11",
                                                 "fill": Palette.axis], text: format.string(row.value)))
        }
        let content: [Markup] = [axis.grid, Markup("g", ["class": "data"], children: marks), axis.markup]
        return Chart(id: id, title: title, caption: caption, width: area.width, height: area.height, content: content)
    }
}
