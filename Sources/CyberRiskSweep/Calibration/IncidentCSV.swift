import CyberRisk
/// The incidents CSV reader: reported incident counts by sector and year.
///
/// ```
/// # comment lines start with '#'; blank lines are skipped
/// sector,year,count,exposure,reporting_rate,source
/// healthcare_public_health,2021,148,0.5863,,"FBI IC3, 2021 Internet Crime Report"
/// healthcare_public_health,2022,210,,,FBI IC3 2022
/// all,2023,1193,,,total over every sector: a check
/// energy+communications+transportation,2022,64,,,a combined count: a check
/// ```
///
/// Columns (by header name, any order): `sector`, `year`, `count` required; `reporting_rate`
/// (the share of successful incidents the source recorded, in `(0, 1]`; empty: the
/// configuration's uncertain rate), `exposure` (share of the year covered, in `(0, 1]`; empty:
/// 1), and free-text `source` and `note` optional. `sector` is a sector id, `all` (every sector)
/// or ids joined by `+`; the last two are aggregate rows, predicted but not fitted. `count` is a
/// whole number `≥ 0`; `year` an integer in 1900…3000. Fields may be quoted with `"` (`""` for a
/// quote) but not span lines; a UTF-8 byte-order mark and CRLF line ends are accepted.
///
/// Every problem is reported, each naming the line and column; a `(sector, year)` may appear once.
public enum IncidentCSV {
    /// Required columns.
    public static let requiredColumns = ["sector", "year", "count"]
    /// Optional columns.
    public static let optionalColumns = ["reporting_rate", "exposure", "source", "note"]
    /// Largest file, bytes.
    public static let maximumBytes = 16 << 20
    /// Most data rows.
    public static let maximumRows = 100_000
    /// Largest count.
    public static let maximumCount = 1e12

    /// Parses `bytes` (the file `file`, as shown in messages) against the scenario's sector ids.
    ///
    /// - Throws: ``IncidentDataError`` listing every problem.
    public static func parse(_ bytes: [UInt8], file: String, sectorIDs: [String]) throws -> IncidentData {
        var reader = Reader(file: file, sectorIDs: sectorIDs)
        return try reader.read(bytes)
    }

    private struct Reader {
        let file: String
        let sectorIDs: [String]
        let sectorIndex: [String: Int]
        var issues: [ConfigIssue] = []
        var columns: [String: Int] = [:]
        var width = 0
        var rows: [IncidentRow] = []
        var firstLine: [String: Int] = [:]

        init(file: String, sectorIDs: [String]) {
            self.file = file
            self.sectorIDs = sectorIDs
            var index: [String: Int] = [:]
            for (i, id) in sectorIDs.enumerated() where index[id] == nil { index[id] = i }
            sectorIndex = index
        }

        mutating func issue(_ line: Int?, _ column: String, _ message: String) {
            issues.append(ConfigIssue(file: file, line: line, path: column, message: message))
        }

        mutating func read(_ bytes: [UInt8]) throws -> IncidentData {
            guard bytes.count <= IncidentCSV.maximumBytes else {
                issue(nil, "", "file larger than \(IncidentCSV.maximumBytes) bytes")
                throw IncidentDataError(issues: issues)
            }
            var header = false
            for (lineNumber, line) in TextLines(bytes) {
                guard let cells = split(line, lineNumber) else { continue }
                if !header {
                    header = true
                    readHeader(cells, lineNumber)
                    if !issues.isEmpty { break }
                    continue
                }
                guard rows.count < IncidentCSV.maximumRows else {
                    issue(lineNumber, "", "more than \(IncidentCSV.maximumRows) data rows")
                    break
                }
                readRow(cells, lineNumber)
            }
            if !header {
                issue(nil, "", "empty file: expected the header 'sector,year,count' (optional columns: "
                      + IncidentCSV.optionalColumns.joined(separator: ", ") + ")")
            } else if issues.isEmpty && rows.isEmpty {
                issue(nil, "", "no data rows")
            } else if issues.isEmpty && !rows.contains(where: { $0.kind == .sector }) {
                issue(nil, "sector", "no sector rows to fit: every row is an aggregate ('all' or ids joined by '+')")
            }
            guard issues.isEmpty else { throw IncidentDataError(issues: issues) }
            return IncidentData(file: file, rows: rows)
        }

        /// The cells of a line: comma-separated, each trimmed of spaces; a cell may be quoted.
        mutating func split(_ line: ArraySlice<UInt8>, _ number: Int) -> [String]? {
            var cells: [String] = []
            var cell: [UInt8] = []
            var i = line.startIndex
            var quoted = false
            var closed = false
            while i < line.endIndex {
                let c = line[i]
                if quoted {
                    if c == 0x22 {
                        if i + 1 < line.endIndex, line[i + 1] == 0x22 {
                            cell.append(0x22)
                            i += 1
                        } else {
                            quoted = false
                            closed = true
                        }
                    } else {
                        cell.append(c)
                    }
                } else if c == 0x2C {
                    cells.append(trimmed(cell, wasQuoted: closed))
                    cell = []
                    closed = false
                } else if c == 0x22 && cell.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) && !closed {
                    quoted = true
                    cell = []
                } else if closed && c != 0x20 && c != 0x09 {
                    issue(number, "", "text after the closing quote of field \(cells.count + 1)")
                    return nil
                } else {
                    cell.append(c)
                }
                i += 1
            }
            if quoted {
                issue(number, "", "unterminated quoted field \(cells.count + 1) (a field may not span lines)")
                return nil
            }
            cells.append(trimmed(cell, wasQuoted: closed))
            return cells
        }

        func trimmed(_ bytes: [UInt8], wasQuoted: Bool) -> String {
            let text = String(decoding: bytes, as: UTF8.self)
            guard !wasQuoted else { return text }
            return String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        }

        mutating func readHeader(_ cells: [String], _ line: Int) {
            let known = IncidentCSV.requiredColumns + IncidentCSV.optionalColumns
            for (k, name) in cells.enumerated() {
                if !known.contains(name) {
                    let near = ConfigSuggestion.phrase(for: name, among: known)
                    issue(line, name, "unknown column '\(ConfigValue.abbreviated(name))'"
                          + (near.isEmpty ? " (columns: \(known.joined(separator: ", ")))" : near))
                } else if let earlier = columns[name] {
                    issue(line, name, "duplicate column (also column \(earlier + 1))")
                } else {
                    columns[name] = k
                }
            }
            for name in IncidentCSV.requiredColumns where columns[name] == nil && !cells.contains(name) {
                issue(line, name, "missing column (the header needs sector, year and count)")
            }
            width = cells.count
        }

        mutating func readRow(_ cells: [String], _ line: Int) {
            guard cells.count == width else {
                issue(line, "", "\(cells.count) field\(cells.count == 1 ? "" : "s"), the header has \(width)")
                return
            }
            let before = issues.count
            let label = cells[columns["sector"]!]
            let sectors = readSectors(label, line)
            let year = readYear(cells[columns["year"]!], line)
            let count = readCount(cells[columns["count"]!], line)
            var rate: Double?
            if let k = columns["reporting_rate"], !cells[k].isEmpty {
                rate = readShare(cells[k], "reporting_rate", line)
            }
            var exposure = 1.0
            if let k = columns["exposure"], !cells[k].isEmpty {
                exposure = readShare(cells[k], "exposure", line) ?? 1
            }
            guard issues.count == before, let (indices, kind) = sectors, let year, let count else { return }
            let key = (kind == .sector ? sectorIDs[indices[0]] : indices.map(String.init).joined(separator: "+"))
                + (label == "all" ? "*" : "") + "@\(year)"
            if let earlier = firstLine[key] {
                issue(line, "sector", "duplicate row for '\(ConfigValue.abbreviated(label))' in \(year) (also line \(earlier))")
                return
            }
            firstLine[key] = line
            rows.append(IncidentRow(line: line, label: label, sectors: indices, kind: kind, year: year,
                                    count: count, exposure: exposure, reportingRate: rate))
        }

        /// A sector id, `all`, or `id+id+…` (at least two distinct ids).
        mutating func readSectors(_ label: String, _ line: Int) -> ([Int], IncidentRow.Kind)? {
            if label.isEmpty {
                issue(line, "sector", "missing: expected a sector id, 'all', or ids joined by '+'")
                return nil
            }
            if label == "all" { return (Array(sectorIDs.indices), .aggregate) }
            let parts = label.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
            var indices: [Int] = []
            var ok = true
            for part in parts {
                guard let i = sectorIndex[part] else {
                    let near = suggestion(for: part)
                    issue(line, "sector", "unknown sector '\(ConfigValue.abbreviated(part))'"
                          + (near.isEmpty ? " (not one of the configuration's \(sectorIDs.count) sector ids)" : near))
                    ok = false
                    continue
                }
                if indices.contains(i) {
                    issue(line, "sector", "sector '\(part)' appears twice in '\(ConfigValue.abbreviated(label))'")
                    ok = false
                }
                indices.append(i)
            }
            guard ok else { return nil }
            return parts.count == 1 ? (indices, .sector) : (indices.sorted(), .aggregate)
        }

        /// ` (did you mean …?)` for a misspelt id, a sector name written as a label ("Healthcare and
        /// Public Health": lower-cased, other characters as `_`), or the start of an id; else empty.
        func suggestion(for word: String) -> String {
            let direct = ConfigSuggestion.phrase(for: word, among: sectorIDs)
            if !direct.isEmpty { return direct }
            let label = String(word.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
            let normalised = ConfigSuggestion.phrase(for: label, among: sectorIDs)
            if !normalised.isEmpty || label.count < 3 { return normalised }
            let prefixed = sectorIDs.filter { $0.hasPrefix(label) }.prefix(3)
            return prefixed.isEmpty ? "" : " (did you mean " + prefixed.map { "'\($0)'" }.joined(separator: " or ") + "?)"
        }

        mutating func readYear(_ text: String, _ line: Int) -> Int? {
            guard let year = Int(text), (1900...3000).contains(year) else {
                issue(line, "year", "expected a calendar year (an integer in 1900…3000), found '\(ConfigValue.abbreviated(text))'")
                return nil
            }
            return year
        }

        mutating func readCount(_ text: String, _ line: Int) -> Double? {
            guard let x = number(text) else {
                issue(line, "count", "expected a whole number ≥ 0, found '\(ConfigValue.abbreviated(text))'")
                return nil
            }
            guard x >= 0, x == x.rounded(.towardZero), x <= IncidentCSV.maximumCount else {
                issue(line, "count", "must be a whole number in 0…\(ScenarioEncoder.format(IncidentCSV.maximumCount)), found \(ConfigValue.abbreviated(text))")
                return nil
            }
            return x
        }

        /// A share in `(0, 1]` (reporting rate or exposure).
        mutating func readShare(_ text: String, _ column: String, _ line: Int) -> Double? {
            guard let x = number(text) else {
                issue(line, column, "expected a number in (0, 1], found '\(ConfigValue.abbreviated(text))'")
                return nil
            }
            guard x > 0 && x <= 1 else {
                issue(line, column, "must be in (0, 1], found \(ConfigValue.abbreviated(text))")
                return nil
            }
            return x
        }

        /// A finite decimal number (no `nan`, `inf` or hexadecimal forms).
        func number(_ text: String) -> Double? {
            guard !text.isEmpty, text.utf8.count <= 100,
                  text.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 == 0x65 || $0 == 0x45 }),
                  let x = Double(text), x.isFinite else { return nil }
            return x
        }
    }
}
