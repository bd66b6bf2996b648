import CyberRisk

import Foundation

/// A node of an XML-compatible document tree — an SVG chart or the HTML report — rendered to text
/// with every attribute value and text escaped, so any string from a CSV or config is safe to show.
///
/// Attributes keep their insertion order, so the same tree always renders to the same bytes.
///
/// ```swift
/// let dot = Markup("circle", ["cx": Markup.number(10), "cy": "20", "r": "3"])
/// dot.rendered   // <circle cx="10" cy="20" r="3"/>
/// Markup("text", children: [.text("a < b")]).rendered   // <text>a &lt; b</text>
/// ```
struct Markup: Sendable, Equatable {
    /// Element name; empty for a text node.
    var name: String
    /// Attributes in rendering order.
    var attributes: [Attribute]
    /// Child nodes.
    var children: [Markup]
    /// The text of a text node (escaped when rendered) or raw markup (not escaped).
    var content: String
    /// Whether ``content`` is inserted verbatim (trusted, already well-formed markup such as CSS).
    var isRaw: Bool

    /// One `name="value"` pair.
    struct Attribute: Sendable, Equatable {
        var name: String
        var value: String
    }

    init(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], children: [Markup] = []) {
        self.name = name
        self.attributes = attributes.map { Attribute(name: $0.key, value: $0.value) }
        self.children = children
        content = ""
        isRaw = false
    }

    /// A text node.
    static func text(_ s: String) -> Markup {
        var node = Markup("")
        node.content = s
        return node
    }

    /// Trusted markup inserted as is (only for text this module wrote itself, e.g. the style sheet).
    static func raw(_ s: String) -> Markup {
        var node = Markup.text(s)
        node.isRaw = true
        return node
    }

    /// An element holding one text node.
    static func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:],
                               text: String) -> Markup {
        Markup(name, attributes, children: [.text(text)])
    }

    /// Adds or replaces an attribute.
    func with(_ name: String, _ value: String) -> Markup {
        var copy = self
        if let k = copy.attributes.firstIndex(where: { $0.name == name }) {
            copy.attributes[k].value = value
        } else {
            copy.attributes.append(Attribute(name: name, value: value))
        }
        return copy
    }

    /// The value of attribute `name`, if set.
    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The node as text: `<name a="v">children</name>`, or `<name a="v"/>` without children.
    var rendered: String {
        var out = ""
        render(into: &out)
        return out
    }

    private func render(into out: inout String) {
        if name.isEmpty {
            out += isRaw ? content : Markup.escape(content)
            return
        }
        out += "<" + name
        for a in attributes { out += " " + a.name + "=\"" + Markup.escape(a.value) + "\"" }
        if children.isEmpty {
            out += "/>"
            return
        }
        out += ">"
        for child in children { child.render(into: &out) }
        out += "</" + name + ">"
    }

    /// Escapes `&`, `<`, `>` and `"` for text and attribute values.
    static func escape(_ s: String) -> String {
        guard s.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" }) else { return s }
        var out = ""
        out.reserveCapacity(s.count + 8)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A pixel coordinate with at most two decimals and no trailing zeros (`12`, `12.5`, `12.25`).
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let rounded = (x * 100).rounded() / 100
        if rounded == rounded.rounded() { return Swift.abs(rounded) < 1e15 ? String(Int(rounded)) : String(format: "%.0f", rounded) }
        var s = String(format: "%.2f", rounded)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    /// An SVG `points` list: `x1,y1 x2,y2 …`.
    static func points(_ xy: [(x: Double, y: Double)]) -> String {
        xy.map { number($0.x) + "," + number($0.y) }.joined(separator: " ")
    }
}
