import CyberRisk

/// A chart on two numeric axes: grid, bands, lines and other marks, axes and a legend under the
/// x-axis title (wrapped to the chart's width; the chart grows by a row's height per extra row). The fan, exceedance, assumption and sweep charts are all built from it.
///
/// ```swift
/// let area = PlotArea(width: 600, height: 340, marginBottom: 66)
/// var xy = XYChart(area: area, x: Scale(domain: 2026, 2035, pixels: area.left, area.right),
///                  y: .zeroBased(maximum: 0.02, pixels: area.vertical, reversed: true),
///                  xTitle: "year", yTitle: "national risk, %")
/// xy.lines = [Line(label: "mean", x: years, y: means, color: Palette.vermillion)]
/// let chart = xy.chart(id: "fan-national_risk", title: "National risk")
/// ```
struct XYChart: Sendable {
    var area: PlotArea
    var x: Scale
    var y: Scale
    var xTitle: String
    var yTitle: String
    var xFormat: NumberFormat = .plain
    var yFormat: NumberFormat = .plain
    /// Tick values; `nil` for the scale's own.
    var xTicks: [Double]? = nil
    var yTicks: [Double]? = nil
    var bands: [Band] = []
    var lines: [Line] = []
    /// Other marks drawn after the lines (e.g. ``Whiskers``).
    var marks: [Markup] = []
    var legend: [Legend.Entry] = []

    init(area: PlotArea, x: Scale, y: Scale, xTitle: String, yTitle: String) {
        self.area = area
        self.x = x
        self.y = y
        self.xTitle = xTitle
        self.yTitle = yTitle
    }

    /// The finished chart. Data are clipped to the plot rectangle.
    func chart(id: String, title: String, caption: String = "") -> Chart {
        let xAxis = Axis(.bottom, scale: x, area: area, title: xTitle, format: xFormat, ticks: xTicks)
        let yAxis = Axis(.left, scale: y, area: area, title: yTitle, format: yFormat, ticks: yTicks)
        let clip = "clip-" + id
        var data: [Markup] = bands.map { $0.markup(x: x, y: y) }
        data += lines.map { $0.markup(x: x, y: y) }
        data += marks
        var content: [Markup] = [
            Markup("clipPath", ["id": clip], children: [
                Markup("rect", ["x": Markup.number(area.left - 4), "y": Markup.number(area.top - 4),
                                "width": Markup.number(area.right - area.left + 8),
                                "height": Markup.number(area.bottom - area.top + 8)]),
            ]),
            xAxis.grid, yAxis.grid,
            Markup("g", ["class": "data", "clip-path": "url(#\(clip))"], children: data),
            xAxis.markup, yAxis.markup,
        ]
        // The legend wraps within the chart's width; each extra row makes the chart taller.
        var height = area.height
        if !legend.isEmpty {
            let key = Legend(entries: legend), right = area.width - 4
            height += Legend.rowHeight * Double(key.rows(x: area.left, right: right) - 1)
            content.append(key.markup(x: area.left, y: area.bottom + 56, right: right))
        }
        return Chart(id: id, title: title, caption: caption, width: area.width, height: height, content: content)
    }
}
