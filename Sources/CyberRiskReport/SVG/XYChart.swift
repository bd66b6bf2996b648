import CyberRisk

/// A chart on two numeric axes: grid, bands, lines and other marks, axes and a legend row under
/// the x-axis title. The fan, exceedance, assumption and sweep charts are all built from it.
///
/// ```swift
/// let area = PlotArea(width: 600, height: 340, marginBottom: 66)
/// var xy = XYChart(area: area, x: Scale(domain: 2026, 2035, pixels: area.left, area.right),
///                  y: .zeroBased(maximum: 0.02, pixels: area.vertical, reversed: true),
///                  xTitle: "year", yTitle: "national risk, %")
/// xy.lines = [Line(label: "mean", x: years, y: means, color: Palette.vermillion)]
/// let chart = xy.chart(id: "fan-national_risk", title: "National risk")
/// ```
public struct XYChart: Sendable {
    public var area: PlotArea
    public var x: Scale
    public var y: Scale
    public var xTitle: String
    public var yTitle: String
    public var xFormat: NumberFormat = .plain
    public var yFormat: NumberFormat = .plain
    /// Tick values; `nil` for the scale's own.
    public var xTicks: [Double]? = nil
    public var yTicks: [Double]? = nil
    public var bands: [Band] = []
    public var lines: [Line] = []
    /// Other marks drawn after the lines (e.g. ``Whiskers``).
    public var marks: [Markup] = []
    public var legend: [Legend.Entry] = []

    public init(area: PlotArea, x: Scale, y: Scale, xTitle: String, yTitle: String) {
        self.area = area
        self.x = x
        self.y = y
        self.xTitle = xTitle
        self.yTitle = yTitle
    }

    /// The finished chart. Data are clipped to the plot rectangle.
    public func chart(id: String, title: String, caption: String = "") -> Chart {
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
        if !legend.isEmpty {
            content.append(Legend(entries: legend).markup(x: area.left, y: area.bottom + 56))
        }
        return Chart(id: id, title: title, caption: caption, width: area.width, height: area.height, content: content)
    }
}
