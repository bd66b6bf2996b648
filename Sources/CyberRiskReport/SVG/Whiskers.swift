import CyberRisk

/// Points with vertical interval bars: a dot at `y` and a whisker from `lower` to `upper` at each
/// `x` — a sweep point's mean with its p05–p95 range.
///
/// Points sharing an `x` are spread sideways by ``dodge`` pixels each (centred on the true
/// position, in input order) so their whiskers do not hide each other.
///
/// ```swift
/// Whiskers(label: "mean, p05–p95", x: [0.1, 0.2], y: [1, 2], lower: [0.5, 1], upper: [2, 3],
///          color: Palette.blue).markup(x: xScale, y: yScale)
/// ```
struct Whiskers: Sendable {
    var label: String
    var x: [Double]
    var y: [Double]
    var lower: [Double]
    var upper: [Double]
    var color: String
    /// Sideways spacing, in pixels, of points that share an `x`.
    var dodge: Double = 7

    init(label: String, x: [Double], y: [Double], lower: [Double], upper: [Double], color: String) {
        precondition(x.count == y.count && x.count == lower.count && x.count == upper.count,
                     "whiskers need y, lower and upper per x")
        self.label = label
        self.x = x
        self.y = y
        self.lower = lower
        self.upper = upper
        self.color = color
    }

    func markup(x xs: Scale, y ys: Scale) -> Markup {
        var children: [Markup] = []
        let offsets = self.offsets()
        for k in x.indices where xs.canShow(x[k]) {
            let px = Markup.number(xs(x[k]) + offsets[k])
            if ys.canShow(lower[k]) && ys.canShow(upper[k]) {
                children.append(Markup("line", ["class": "whisker", "x1": px, "x2": px, "y1": Markup.number(ys(lower[k])),
                                                "y2": Markup.number(ys(upper[k])), "stroke": color, "stroke-width": "1.5",
                                                "stroke-opacity": "0.6"]))
            }
            if ys.canShow(y[k]) {
                children.append(Markup("circle", ["class": "point", "cx": px, "cy": Markup.number(ys(y[k])), "r": "3.5",
                                                  "fill": color, "fill-opacity": "0.85"]))
            }
        }
        return Markup("g", ["class": "whiskers", "data-series": label], children: children)
    }

    /// The sideways offset of each point: `(i − (n − 1)/2)·dodge` for the `i`-th of `n` points at
    /// the same `x`.
    func offsets() -> [Double] {
        var groups: [Double: [Int]] = [:]
        for k in x.indices { groups[x[k], default: []].append(k) }
        var out = Array(repeating: 0.0, count: x.count)
        for members in groups.values {
            for (i, k) in members.enumerated() { out[k] = (Double(i) - Double(members.count - 1) / 2) * dodge }
        }
        return out
    }
}
