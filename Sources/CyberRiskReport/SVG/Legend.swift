import CyberRisk

/// A key to the series of a chart: a swatch (band, line or dot) and a label per entry, laid out
/// left to right from a starting point, wrapping to a new row (``rowHeight`` lower) before an
/// entry that would pass the right edge it is given.
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

    /// Vertical distance between rows.
    static let rowHeight = 18.0

    /// The width an entry takes: swatch, gap, label.
    static func width(_ e: Entry) -> Double { 28 + textWidth(e.label) }

    /// Where each entry goes when the legend starts at `x` and must end by `right`: its left
    /// edge and its row (0-based). An entry wider than the space still gets a row of its own.
    func layout(x: Double, right: Double = .infinity) -> [(x: Double, row: Int)] {
        var out: [(x: Double, row: Int)] = []
        var cursor = x, row = 0
        for e in entries {
            if cursor > x && cursor + Legend.width(e) > right {
                cursor = x
                row += 1
            }
            out.append((cursor, row))
            cursor += Legend.width(e) + 18
        }
        return out
    }

    /// The number of rows the legend needs between `x` and `right`.
    func rows(x: Double, right: Double = .infinity) -> Int {
        (layout(x: x, right: right).last?.row ?? 0) + 1
    }

    /// The legend with its first swatch's left edge at `x` and its first row's text baseline near
    /// `y`, wrapped to end by `right`.
    func markup(x: Double, y: Double, right: Double = .infinity) -> Markup {
        var children: [Markup] = []
        for (e, place) in zip(entries, layout(x: x, right: right)) {
            let cursor = place.x, y = y + Legend.rowHeight * Double(place.row)
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
        }
        return Markup("g", ["class": "legend", "fill": Palette.axis], children: children)
    }
}
