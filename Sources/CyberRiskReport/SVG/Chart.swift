import CyberRisk

/// A finished chart: an `<svg>` element with a title, drawn from building blocks (``Axis``,
/// ``Band``, ``Line``, ``Legend``, …). The same chart is inlined in the HTML report and, with
/// `--svg`, written as a standalone `ID.svg` file.
///
/// Text uses the report's sans-serif font at 12 px (title 15 px bold); the SVG keeps its pixel
/// size (`width`, `height`) and scales down with the page through `viewBox`.
///
/// ```swift
/// let chart = Chart(id: "fan-national_risk", title: "National risk", width: 560, height: 330,
///                   content: [axis.grid, band.markup(x: xs, y: ys), axis.markup])
/// try chart.standalone.write(toFile: "fan-national_risk.svg", atomically: true, encoding: .utf8)
/// ```
public struct Chart: Sendable {
    /// File stem and HTML id: `[a-z0-9_-]+`.
    public var id: String
    public var title: String
    /// What the chart shows and how to read it, in a sentence or two (the HTML figure caption and
    /// the SVG `<desc>`).
    public var caption: String
    var width: Double
    var height: Double
    /// Elements in drawing order (later ones on top).
    var content: [Markup]

    init(id: String, title: String, caption: String = "", width: Double, height: Double, content: [Markup]) {
        self.id = id
        self.title = title
        self.caption = caption
        self.width = width
        self.height = height
        self.content = content
    }

    /// The `<svg>` element.
    var svg: Markup {
        Markup("svg", ["xmlns": "http://www.w3.org/2000/svg", "id": id, "class": "chart",
                       "width": Markup.number(width), "height": Markup.number(height),
                       "viewBox": "0 0 \(Markup.number(width)) \(Markup.number(height))",
                       "role": "img", "font-family": Chart.fontFamily, "font-size": "12"],
               children: [Markup.element("title", text: title), Markup.element("desc", text: caption),
                          Markup("rect", ["class": "background", "x": "0", "y": "0", "width": Markup.number(width),
                                          "height": Markup.number(height), "fill": "#FFFFFF"]),
                          Markup.element("text", ["class": "chart-title", "x": "4", "y": "18", "font-size": "15",
                                                  "font-weight": "bold", "fill": Palette.axis], text: title)]
                   + content)
    }

    /// A standalone SVG file's text.
    public var standalone: String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg.rendered + "\n"
    }

    /// System sans-serif fonts available on every platform.
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif"

    /// A grey note inside the plot, e.g. "no data" (centred at `x`, `y`).
    static func note(_ text: String, x: Double, y: Double) -> Markup {
        Markup.element("text", ["class": "note", "x": Markup.number(x), "y": Markup.number(y), "text-anchor": "middle",
                                "fill": Palette.muted], text: text)
    }
}
