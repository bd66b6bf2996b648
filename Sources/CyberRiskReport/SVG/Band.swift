import CyberRisk

/// A filled band between a lower and an upper series over the same x values — a quantile range
/// in a fan chart. Rendered as one `<polygon>`: the upper edge left to right, then the lower edge
/// right to left. Points where either bound is missing (not finite) are skipped.
///
/// ```swift
/// Band(label: "p05–p95", x: years, lower: p05, upper: p95, color: Palette.blue, opacity: 0.2)
///     .markup(x: xScale, y: yScale)
/// ```
struct Band: Sendable {
    var label: String
    var x: [Double]
    var lower: [Double]
    var upper: [Double]
    var color: String
    var opacity: Double

    init(label: String, x: [Double], lower: [Double], upper: [Double], color: String, opacity: Double) {
        precondition(x.count == lower.count && x.count == upper.count, "a band needs one bound pair per x")
        self.label = label
        self.x = x
        self.lower = lower
        self.upper = upper
        self.color = color
        self.opacity = opacity
    }

    /// The pixel outline: upper edge left to right, then lower edge right to left.
    func outline(x xs: Scale, y ys: Scale) -> [(x: Double, y: Double)] {
        let keep = x.indices.filter { xs.canShow(x[$0]) && ys.canShow(lower[$0]) && ys.canShow(upper[$0]) }
        return keep.map { (xs(x[$0]), ys(upper[$0])) } + keep.reversed().map { (xs(x[$0]), ys(lower[$0])) }
    }

    func markup(x xs: Scale, y ys: Scale) -> Markup {
        Markup("polygon", ["class": "band", "data-series": label, "points": Markup.points(outline(x: xs, y: ys)),
                           "fill": color, "fill-opacity": Markup.number(opacity), "stroke": "none"])
    }
}
