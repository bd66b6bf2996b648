import CyberRisk

/// The report's HTML document: one self-contained file with its style sheet inline and the
/// charts as inline SVG — no scripts, fonts or images to fetch, so it opens from disk anywhere.
///
/// The markup is well-formed XML (XHTML syntax served as HTML5), so tests can parse it with an
/// XML parser. Sections are added in reading order.
///
/// ```swift
/// var page = HTMLPage(title: "cyberrisk report: baseline")
/// page.body.append(HTMLPage.section("Forecast", intro: "…", [HTMLPage.figure(chart)]))
/// let html = page.rendered
/// ```
struct HTMLPage: Sendable {
    var title: String
    var body: [Markup] = []

    init(title: String) {
        self.title = title
    }

    /// The whole document, starting with `<!DOCTYPE html>`.
    var rendered: String {
        let head = Markup("head", children: [
            Markup("meta", ["charset": "utf-8"]),
            Markup("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
            Markup.element("title", text: title),
            Markup("style", children: [.raw(HTMLPage.styleSheet)]),
        ])
        let html = Markup("html", ["xmlns": "http://www.w3.org/1999/xhtml", "lang": "en"], children: [
            head, Markup("body", children: [Markup("main", children: body)]),
        ])
        return "<!DOCTYPE html>\n" + html.rendered + "\n"
    }

    /// `<section>` with a heading, an optional introductory paragraph and content.
    static func section(_ heading: String, id: String, intro: String = "", _ content: [Markup]) -> Markup {
        var children = [Markup.element("h2", text: heading)]
        if !intro.isEmpty { children.append(Markup.element("p", ["class": "intro"], text: intro)) }
        return Markup("section", ["id": id], children: children + content)
    }

    /// A chart with its caption (left out when the section's introduction already says it).
    static func figure(_ chart: Chart, caption: Bool = true) -> Markup {
        var children = [chart.svg]
        if caption && !chart.caption.isEmpty { children.append(Markup.element("figcaption", text: chart.caption)) }
        return Markup("figure", children: children)
    }

    /// Figures side by side, wrapping to the page width (`small` packs three per row at 1280 px).
    static func grid(_ items: [Markup], small: Bool = false) -> Markup {
        Markup("div", ["class": small ? "grid small" : "grid"], children: items)
    }

    /// A table with a caption, a header row and right-aligned numeric cells (all but the first
    /// `labelColumns` columns, by default two: the rank and the name).
    static func table(caption: String, header: [String], rows: [[String]], labelColumns: Int = 2) -> Markup {
        let head = Markup("thead", children: [Markup("tr", children: header.map { Markup.element("th", text: $0) })])
        let body = Markup("tbody", children: rows.map { row in
            Markup("tr", children: row.enumerated().map { k, cell in
                Markup.element("td", k >= labelColumns ? ["class": "number"] : [:], text: cell)
            })
        })
        return Markup("table", children: [Markup.element("caption", text: caption), head, body])
    }

    /// A paragraph; text between backticks is set as `<code>`.
    static func paragraph(_ text: String, class name: String = "") -> Markup {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        let children = parts.enumerated().compactMap { k, part -> Markup? in
            guard !part.isEmpty else { return nil }
            return k % 2 == 1 ? Markup.element("code", text: String(part)) : Markup.text(String(part))
        }
        return Markup("p", name.isEmpty ? [:] : ["class": name], children: children)
    }

    /// The style sheet: system fonts, readable measure, charts scaling down with the window.
    static let styleSheet = """
        body{margin:0;background:#F6F6F4;color:#222;font:15px/1.5 \(Chart.fontFamily)}
        main{max-width:1240px;margin:0 auto;padding:24px 20px 48px}
        h1{font-size:28px;margin:0 0 4px}
        h2{font-size:21px;margin:36px 0 6px;border-bottom:2px solid #DDD;padding-bottom:4px}
        .meta{color:#555;margin:0 0 4px}
        .intro{max-width:900px;margin:4px 0 14px;color:#333}
        .warning{background:#FFF3D6;border-left:4px solid #E69F00;padding:8px 12px}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:16px;margin-top:18px}
        .card{background:#FFF;border:1px solid #DDD;border-radius:6px;padding:14px 16px}
        .card h3{font-size:15px;margin:0;color:#444;font-weight:600}
        .card .value{font-size:30px;font-weight:700;margin:4px 0 0;color:#0072B2}
        .card .change{font-size:15px;font-weight:600;margin:0}
        .card .note{font-size:13px;color:#555;margin:6px 0 0}
        .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:16px}
        .grid.small{grid-template-columns:repeat(auto-fit,minmax(380px,1fr))}
        figure{margin:0;background:#FFF;border:1px solid #DDD;border-radius:6px;padding:10px}
        figure svg{display:block;max-width:100%;height:auto}
        figcaption{font-size:13px;color:#444;margin-top:6px;max-width:820px}
        .tables{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:16px;margin-top:16px}
        table{border-collapse:collapse;background:#FFF;border:1px solid #DDD;font-size:14px;width:100%}
        caption{text-align:left;font-weight:600;padding:0 0 6px}
        th,td{padding:4px 10px;border-bottom:1px solid #EEE;text-align:left}
        th{background:#F0F0EE}
        td.number{text-align:right;font-variant-numeric:tabular-nums}
        footer{margin-top:36px;font-size:13px;color:#555}
        code{font-size:13px}
        """
}
