/// A CSV document built row by row (RFC 4180: comma-separated, `\n` line ends, fields quoted only
/// when they contain a comma, quote or line break). Numbers are written in Swift's shortest
/// round-trip form, so the same values always give the same bytes and parse back exactly.
///
/// ```swift
/// var t = CSVTable(header: ["year", "mean"])
/// t.append([.text("2026"), .number(0.25)])
/// t.text   // "year,mean\n2026,0.25\n"
/// ```
package struct CSVTable: Sendable {
    /// One cell.
    package enum Field: Sendable {
        case text(String)
        case number(Double)
        case integer(Int64)
        /// An empty field: a statistic of no values (the output of a shard without trials).
        case empty
    }

    package private(set) var text: String

    package init(header: [String]) {
        text = ""
        appendRaw(header.map(CSVTable.escape))
    }

    /// Appends one row.
    package mutating func append(_ fields: [Field]) {
        appendRaw(fields.map { field in
            switch field {
            case .text(let s): CSVTable.escape(s)
            case .number(let x): CSVTable.format(x)
            case .integer(let i): String(i)
            case .empty: ""
            }
        })
    }

    private mutating func appendRaw(_ cells: [String]) {
        text += cells.joined(separator: ",")
        text += "\n"
    }

    /// Shortest round-trip decimal form; `NaN`, `inf`, `-inf` for non-finite values
    /// (pandas and R read all three).
    package static func format(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        return x.description
    }

    /// Quotes a field if it needs it.
    static func escape(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation
