import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses rendered SVG or HTML as XML and finds elements by name and attribute, so tests can
/// check what a chart actually draws — pixel coordinates included.
struct SVGProbe {
    let document: XMLDocument

    init(_ text: String) throws {
        document = try XMLDocument(xmlString: text, options: [])
    }

    /// Elements named `name` (any namespace), optionally with `attribute` equal to `value`.
    func elements(_ name: String, _ attribute: String? = nil, _ value: String? = nil) throws -> [XMLElement] {
        var path = "//*[local-name()='\(name)'"
        if let attribute, let value { path += " and @\(attribute)='\(value)'" }
        path += "]"
        return try document.nodes(forXPath: path).compactMap { $0 as? XMLElement }
    }

    /// The single element matching, or a test failure.
    func element(_ name: String, _ attribute: String, _ value: String) throws -> XMLElement {
        let found = try elements(name, attribute, value)
        guard found.count == 1 else { throw ProbeError("expected one <\(name) \(attribute)='\(value)'>, found \(found.count)") }
        return found[0]
    }

    /// The value of attribute `name` (found by name: `attribute(forName:)` misses unprefixed
    /// attributes of namespaced elements in swift-corelibs-foundation).
    static func attribute(_ e: XMLElement?, _ name: String) -> String? {
        e?.attributes?.first { $0.name == name || $0.localName == name }?.stringValue
    }

    /// Descendants of `e` named `name`, in document order.
    static func descendants(_ e: XMLElement, _ name: String) throws -> [XMLElement] {
        try e.nodes(forXPath: ".//*[local-name()='\(name)']").compactMap { $0 as? XMLElement }
    }

    /// The tick labels of the chart's `x` or `y` axis (the first chart in the document).
    func tickLabels(_ axis: String) throws -> [String] {
        guard let group = try elements("g", "class", "axis axis-\(axis)").first else { return [] }
        return try SVGProbe.descendants(group, "text").filter { SVGProbe.attribute($0, "class") == "tick-label" }
            .map { $0.stringValue ?? "" }
    }

    /// An attribute as a number.
    static func number(_ e: XMLElement, _ attribute: String) -> Double {
        Double(SVGProbe.attribute(e, attribute) ?? "") ?? .nan
    }

    /// An SVG `points` attribute as pixel pairs.
    static func points(_ e: XMLElement) -> [(x: Double, y: Double)] {
        (SVGProbe.attribute(e, "points") ?? "").split(separator: " ").map { pair in
            let xy = pair.split(separator: ",").map { Double($0) ?? .nan }
            return (xy[0], xy[1])
        }
    }

    struct ProbeError: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }
}
