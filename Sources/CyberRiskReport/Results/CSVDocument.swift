import CyberRisk

import Foundation

/// A CSV file read back for the report: RFC 4180 (comma-separated, fields optionally quoted with
/// `"`, `""` for a quote inside quotes, `\n` or `\r\n` line ends), the first line the header.
/// Cells are looked up by column name, so extra or reordered columns do no harm.
///
/// ```swift
/// let csv = try CSVDocument(text: "name,x\n\"a, b\",1.5\n", path: "t.csv")
/// csv.rows[0][0]                          // "a, b"
/// try csv.number(row: 0, column: "x")     // 1.5
/// ```
struct CSVDocument: Sendable {
    /// Where the text came from, for error messages.
    let path: String
    let header: [String]
    let rows: [[String]]
    private let index: [String: Int]

    /// Parses `text`; throws ``OutputError`` for an empty file, an unterminated quote or a row
    /// whose field count differs from the header's.
    init(text: String, path: String) throws {
        self.path = path
        var records = try CSVDocument.parse(text, path: path)
        guard !records.isEmpty, records[0] != [""] else { throw OutputError(reading: path, reason: "empty file (no header)") }
        header = records.removeFirst()
        for (k, record) in records.enumerated() where record.count != header.count {
            throw OutputError(reading: path, reason: "line \(k + 2): \(record.count) fields, the header has \(header.count)")
        }
        rows = records
        var index: [String: Int] = [:]
        for (k, name) in header.enumerated() where index[name] == nil { index[name] = k }
        self.index = index
    }

    /// Reads and parses the file at `path`.
    init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OutputError(reading: path, reason: "cannot read (missing or unreadable)")
        }
        try self.init(text: String(decoding: data, as: UTF8.self), path: path)
    }

    /// The position of column `name`, if present.
    func column(_ name: String) -> Int? { index[name] }

    /// Throws unless every column in `names` is present.
    func require(_ names: [String]) throws {
        let missing = names.filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw OutputError(reading: path, reason: "missing column\(missing.count > 1 ? "s" : "") "
                              + missing.map { "'\($0)'" }.joined(separator: ", "))
        }
    }

    /// The text in column `name` of data row `row` (0-based, header excluded).
    func text(row: Int, column name: String) throws -> String {
        guard let k = index[name] else { throw OutputError(reading: path, reason: "missing column '\(name)'") }
        return rows[row][k]
    }

    /// The number in column `name` of data row `row`; `NaN`, `inf` and `-inf` are accepted, an
    /// empty cell reads as NaN.
    func number(row: Int, column name: String) throws -> Double {
        let cell = try text(row: row, column: name).trimmingCharacters(in: .whitespaces)
        if cell.isEmpty || cell == "NaN" || cell == "nan" { return .nan }
        if cell == "inf" { return .infinity }
        if cell == "-inf" { return -.infinity }
        guard let x = Double(cell) else {
            throw OutputError(reading: path, reason: "line \(row + 2): column '\(name)': expected a number, found '\(cell)'")
        }
        return x
    }

    /// The whole number ≥ 0 in column `name` of data row `row` (a count: trials, rows), at most
    /// 2⁵³ so it is exact; anything else (empty, NaN, infinite, negative, fractional) is refused.
    func count(row: Int, column name: String) throws -> Int {
        let x = try number(row: row, column: name)
        guard x.isFinite, x >= 0, x == x.rounded(), x <= 9_007_199_254_740_992 else {
            throw OutputError(reading: path, reason: "line \(row + 2): column '\(name)': expected a whole number ≥ 0, "
                              + "found \(x.isNaN ? "an empty cell" : CSVTable.format(x))")
        }
        return Int(x)
    }

    /// Splits `text` into records of fields.
    static func parse(_ text: String, path: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var line = 1
        var quoteLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; afterQuote = true; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !afterQuote:
                quoted = true
                quoteLine = line
            case ",":
                record.append(field)
                field = ""
                afterQuote = false
            case "\r":
                continue
            case "\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
                afterQuote = false
                line += 1
            default:
                field.unicodeScalars.append(c)
            }
        }
        if quoted { throw OutputError(reading: path, reason: "line \(quoteLine): unterminated quoted field") }
        if !field.isEmpty || !record.isEmpty || afterQuote {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
