import CyberRisk

/// A data series drawn as a `<polyline>`, optionally dashed and with a dot at each point.
/// Points that cannot be shown on the scales (not finite, or ≤ 0 on a log scale) break nothing:
/// they are left out.
///
/// ```swift
/// Line(label: "median", x: years, y: p50, color: Palette.blue).markup(x: xScale, y: yScale)
/// ```
struct Line: Sendable {
    var label: String
    var x: [Double]
    var y: [Double]
    var color: String
    var width: Double
    /// `stroke-dasharray`; empty for a solid line.
    var dash: String
    var dots: Bool

    init(label: String, x: [Double], y: [Double], color: String, width: Double = 2, dash: String = "",
                dots: Bool = false) {
        precondition(x.count == y.count, "a line needs one y per x")
        self.label = label
        self.x = x
        self.y = y
        self.color = color
        self.width = width
        self.dash = dash
        self.dots = dots
    }

    /// The pixel positions of the drawable points.
    func pixels(x xs: Scale, y ys: Scale) -> [(x: Double, y: Double)] {
        x.indices.filter { xs.canShow(x[$0]) && ys.canShow(y[$0]) }.map { (xs(x[$0]), ys(y[$0])) }
    }

    func markup(x xs: Scale, y ys: Scale) -> Markup {
        let points = pixels(x: xs, y: ys)
        var line = Markup("polyline", ["class": "line", "data-series": label, "points": Markup.points(points),
                                       "fill": "none", "stroke": color, "stroke-width": Markup.number(width),
                                       "stroke-linejoin": "round", "stroke-linecap": "round"])
        if !dash.isEmpty { line = line.with("stroke-dasharray", dash) }
        guard dots else { return line }
        let circles = points.map {
            Markup("circle", ["cx": Markup.number($0.x), "cy": Markup.number($0.y), "r": "3", "fill": color])
        }
        return Markup("g", ["class": "series", "data-series": label], children: [line] + circles)
    }
}
