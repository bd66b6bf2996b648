/// A plain-text table with right-aligned numeric columns, for terminals (fits 80 columns when
/// the cells do).
///
/// ```swift
/// var t = TextTable(header: ["year", "mean"])
/// t.append(["2026", "0.0123"])
/// print(t.rendered)
/// ```
package struct TextTable: Sendable {
    let header: [String]
    private(set) var rows: [[String]] = []

    package init(header: [String]) {
        self.header = header
    }

    package mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "row width must match the header")
        rows.append(row)
    }

    /// The table with a rule under the header; the first column left-aligned, the rest right-aligned.
    package var rendered: String {
        var widths = header.map(\.count)
        for row in rows {
            for (k, cell) in row.enumerated() { widths[k] = Swift.max(widths[k], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { k, cell in
                let pad = String(repeating: " ", count: widths[k] - cell.count)
                return k == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        var out = line(header) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }

    /// A number with `digits` significant digits, in plain or scientific notation as fits.
    package static func format(_ x: Double, digits: Int = 4) -> String {
        if x.isNaN { return "nan" }
        if x == 0 { return "0" }
        let magnitude = Swift.abs(x)
        if magnitude >= 1e6 || magnitude < 1e-3 {
            return String(format: "%.\(Swift.max(digits - 1, 0))e", x)
        }
        return String(format: "%.\(digits)g", x)
    }
}

import Foundation
