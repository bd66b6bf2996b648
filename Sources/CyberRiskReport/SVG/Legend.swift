import CyberRisk

/// A one-row key to the series of a chart: a swatch (band, line or dot) and a label per entry,
/// laid out left to right from a starting point.
///
/// ```swift
/// Legend(entries: [.band("p05–p95: 90% of futures", Palette.blue, 0.2),
///                  .line("median", Palette.blue, dash: "")]).markup(x: 64, y: 300)
/// ```
struct Legend: Sendable {
    enum Swatch: Sendable {
        case band(opacity: Double)
        case line(dash: String, width: Double)
        case dot
    }

    struct Entry: Sendable {
        var label: String
        var color: String
        var swatch: Swatch

        static func band(_ label: String, _ color: String, _ opacity: Double) -> Entry {
            Entry(label: label, color: color, swatch: .band(opacity: opacity))
        }

        static func line(_ label: String, _ color: String, dash: String = "", width: Double = 2) -> Entry {
            Entry(label: label, color: color, swatch: .line(dash: dash, width: width))
        }

        static func dot(_ label: String, _ color: String) -> Entry {
            Entry(label: label, color: color, swatch: .dot)
        }
    }

    var entries: [Entry]

    init(entries: [Entry]) {
        self.entries = entries
    }

    /// Approximate width of `text` at the report's 12 px sans-serif font.
    static func textWidth(_ text: String) -> Double { Double(text.count) * 6.6 }

    /// The legend with its first swatch's left edge at `x` and its text baseline near `y`.
    func markup(x: Double, y: Double) -> Markup {
        var children: [Markup] = []
        var cursor = x
        for e in entries {
            let swatch: Markup
            switch e.swatch {
            case .band(let opacity):
                swatch = Markup("rect", ["x": Markup.number(cursor), "y": Markup.number(y - 9), "width": "22", "height": "11",
                                         "fill": e.color, "fill-opacity": Markup.number(opacity)])
            case .line(let dash, let width):
                var line = Markup("line", ["x1": Markup.number(cursor), "x2": Markup.number(cursor + 22),
                                           "y1": Markup.number(y - 4), "y2": Markup.number(y - 4), "stroke": e.color,
                                           "stroke-width": Markup.number(width)])
                if !dash.isEmpty { line = line.with("stroke-dasharray", dash) }
                swatch = line
            case .dot:
                swatch = Markup("circle", ["cx": Markup.number(cursor + 11), "cy": Markup.number(y - 4), "r": "4",
                                           "fill": e.color])
            }
            children.append(swatch)
            children.append(Markup.element("text", ["x": Markup.number(cursor + 28), "y": Markup.number(y)], text: e.label))
            cursor += 28 + Legend.textWidth(e.label) + 18
        }
        return Markup("g", ["class": "legend", "fill": Palette.axis], children: children)
    }
}
