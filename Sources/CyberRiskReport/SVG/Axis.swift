import CyberRisk

/// An axis along the bottom or left edge of a ``PlotArea``: the axis line, ticks with labels and a
/// title naming the quantity and its unit; plus light grid lines at the ticks, drawn separately so
/// they can go behind the data.
///
/// ```swift
/// let y = Scale.zeroBased(maximum: 210, pixels: area.vertical, reversed: true)
/// let axis = Axis(.left, scale: y, area: area, title: "US$ bn per year")
/// chart.children += [axis.grid, /* data */ axis.markup]
/// ```
struct Axis: Sendable {
    enum Edge: String, Sendable {
        case bottom, left
    }

    var edge: Edge
    var scale: Scale
    var area: PlotArea
    var title: String
    var format: NumberFormat
    /// The tick values; by default ``Scale/ticks(count:)``.
    var ticks: [Double]

    init(_ edge: Edge, scale: Scale, area: PlotArea, title: String, format: NumberFormat = .plain,
                ticks: [Double]? = nil) {
        self.edge = edge
        self.scale = scale
        self.area = area
        self.title = title
        self.format = format
        self.ticks = ticks ?? scale.ticks()
    }

    /// Grid lines across the plot at each tick.
    var grid: Markup {
        let lines = ticks.map { t -> Markup in
            let p = Markup.number(scale(t))
            switch edge {
            case .bottom:
                return Markup("line", ["x1": p, "x2": p, "y1": Markup.number(area.top), "y2": Markup.number(area.bottom)])
            case .left:
                return Markup("line", ["x1": Markup.number(area.left), "x2": Markup.number(area.right), "y1": p, "y2": p])
            }
        }
        return Markup("g", ["class": "grid grid-\(edge == .bottom ? "x" : "y")", "stroke": Palette.grid,
                            "stroke-width": "1"], children: lines)
    }

    /// The axis line, ticks, tick labels and title.
    var markup: Markup {
        var children: [Markup] = []
        switch edge {
        case .bottom:
            let y = area.bottom
            children.append(Markup("line", ["class": "domain", "x1": Markup.number(area.left), "x2": Markup.number(area.right),
                                            "y1": Markup.number(y), "y2": Markup.number(y)]))
            for t in ticks {
                let x = Markup.number(scale(t))
                children.append(Markup("line", ["class": "tick", "x1": x, "x2": x, "y1": Markup.number(y),
                                                "y2": Markup.number(y + 5)]))
                children.append(Markup.element("text", ["class": "tick-label", "x": x, "y": Markup.number(y + 18),
                                                        "text-anchor": "middle", "data-value": "\(t)"],
                                               text: format.string(t)))
            }
            children.append(Markup.element("text", ["class": "axis-title", "x": Markup.number((area.left + area.right) / 2),
                                                     "y": Markup.number(area.bottom + 34), "text-anchor": "middle"],
                                           text: title))
        case .left:
            let x = area.left
            children.append(Markup("line", ["class": "domain", "x1": Markup.number(x), "x2": Markup.number(x),
                                            "y1": Markup.number(area.top), "y2": Markup.number(area.bottom)]))
            for t in ticks {
                let y = Markup.number(scale(t))
                children.append(Markup("line", ["class": "tick", "x1": Markup.number(x - 5), "x2": Markup.number(x),
                                                "y1": y, "y2": y]))
                children.append(Markup.element("text", ["class": "tick-label", "x": Markup.number(x - 8), "y": y,
                                                        "dy": "0.32em", "text-anchor": "end", "data-value": "\(t)"],
                                               text: format.string(t)))
            }
            // The title sits above the axis, left-aligned, where it reads horizontally.
            children.append(Markup.element("text", ["class": "axis-title", "x": Markup.number(4),
                                                     "y": Markup.number(area.top - 12), "text-anchor": "start"],
                                           text: title))
        }
        return Markup("g", ["class": "axis axis-\(edge == .bottom ? "x" : "y")", "stroke": "none",
                            "fill": Palette.axis], children: children.map(Axis.strokeLines))
    }

    /// Lines need a stroke; the group's `stroke: none` only keeps text crisp.
    private static func strokeLines(_ m: Markup) -> Markup {
        m.name == "line" ? m.with("stroke", Palette.axis) : m
    }
}
