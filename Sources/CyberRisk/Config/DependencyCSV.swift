/// A dependency matrix in CSV form, matched to the sectors by id.
///
/// ```
/// # comment lines start with '#'; blank lines are skipped
/// sector,energy,water_wastewater,transportation
/// energy,0,0.02,0.03
/// water_wastewater,0.05,0,0.01
/// transportation,0.06,0.01,0
/// ```
///
/// The first header cell is free text; the other header cells are the column ids. Each further
/// line is a row: its id, then one entry per column. Rows and columns may come in any order:
/// ``matrix(for:)`` reorders them to the sectors' order. Entries must be finite and `≥ 0`.
/// Cells are trimmed of spaces, and of one pair of surrounding double quotes.
struct DependencyCSV {
    /// Column ids in file order.
    var columns: [String]
    /// Row ids in file order, with their 1-based line.
    var rows: [(id: String, line: Int)]
    /// Entries, row-major in file order (`rows.count × columns.count`).
    var values: [Double]
    /// The file, for issues.
    var origin: ConfigOrigin

    /// Parses the file, recording every problem in `issues` under `path`; `nil` if there was any.
    static func parse(_ bytes: [UInt8], origin: ConfigOrigin, path: ConfigPath,
                      issues: inout ConfigIssueList) -> DependencyCSV? {
        let before = issues.count
        var columns: [String]?
        var rows: [(id: String, line: Int)] = []
        var values: [Double] = []
        var rowIDs: Set<String> = []
        for (lineNumber, line) in TextLines(bytes) {
            let here = origin.at(line: lineNumber)
            let cells = line.split(separator: 0x2C, omittingEmptySubsequences: false).map(cell)
            guard let header = columns else {
                let ids = Array(cells.dropFirst())
                if ids.isEmpty {
                    issues.add(here, path, "header must be 'sector,<id1>,<id2>,…', found no column ids")
                }
                var seen: Set<String> = []
                for id in ids where !seen.insert(id).inserted {
                    issues.add(here, path, "duplicate column id '\(ConfigValue.abbreviated(id))' in the header")
                }
                for id in ids where id.isEmpty {
                    issues.add(here, path, "empty column id in the header")
                }
                columns = ids
                continue
            }
            let id = cells[0]
            guard cells.count == header.count + 1 else {
                issues.add(here, path, "row '\(ConfigValue.abbreviated(id))' has \(cells.count - 1) entries, expected \(header.count) (one per header column)")
                continue
            }
            if !rowIDs.insert(id).inserted {
                issues.add(here, path, "duplicate row id '\(ConfigValue.abbreviated(id))'")
            }
            rows.append((id, lineNumber))
            for (j, cell) in cells.dropFirst().enumerated() {
                let column = header[j]
                guard let x = ConfigValue.parseNumber(cell) else {
                    issues.add(here, path, "row '\(ConfigValue.abbreviated(id))', column '\(column)': expected a number, found '\(ConfigValue.abbreviated(cell))'")
                    values.append(0)
                    continue
                }
                if !x.isFinite {
                    issues.add(here, path, "row '\(ConfigValue.abbreviated(id))', column '\(column)': must be a finite number, found '\(ConfigValue.abbreviated(cell))'")
                } else if x < 0 {
                    issues.add(here, path, "row '\(ConfigValue.abbreviated(id))', column '\(column)': must be ≥ 0, found \(cell)")
                }
                values.append(x)
            }
        }
        guard let columns else {
            issues.add(origin, path, "no header line (expected 'sector,<id1>,<id2>,…')")
            return nil
        }
        guard issues.count == before else { return nil }
        return DependencyCSV(columns: columns, rows: rows, values: values, origin: origin)
    }

    /// The matrix in the order of `sectorIDs`, or `nil` (with issues) if the file's row or column
    /// ids are not exactly those sectors.
    func matrix(for sectorIDs: [String], path: ConfigPath, issues: inout ConfigIssueList) -> DependencyMatrix? {
        let before = issues.count
        func compare(_ found: [String], _ what: String) {
            let foundSet = Set(found), wanted = Set(sectorIDs)
            let unknown = found.filter { !wanted.contains($0) }
            let missing = sectorIDs.filter { !foundSet.contains($0) }
            guard !unknown.isEmpty || !missing.isEmpty else { return }
            var parts: [String] = []
            if !unknown.isEmpty {
                parts.append("unknown " + DependencyCSV.list(unknown))
            }
            if !missing.isEmpty {
                parts.append("missing " + DependencyCSV.list(missing))
            }
            issues.add(origin.at(line: nil), path, "\(what) ids do not match the sectors: " + parts.joined(separator: "; "))
        }
        compare(columns, "header")
        compare(rows.map(\.id), "first-column")
        guard issues.count == before else { return nil }
        let n = sectorIDs.count
        var columnIndex: [String: Int] = [:]
        for (j, id) in columns.enumerated() { columnIndex[id] = j }
        var rowIndex: [String: Int] = [:]
        for (i, row) in rows.enumerated() { rowIndex[row.id] = i }
        let rowOf = sectorIDs.compactMap { rowIndex[$0] }
        let columnOf = sectorIDs.compactMap { columnIndex[$0] }
        guard rowOf.count == n, columnOf.count == n, values.count == rows.count * columns.count else { return nil }
        var out = [Double](repeating: 0, count: n * n)
        let width = columns.count
        for i in 0..<n {
            let base = rowOf[i] * width
            for j in 0..<n {
                out[i * n + j] = values[base + columnOf[j]]
            }
        }
        return DependencyMatrix(count: n, values: out)
    }

    /// Line of the row with `id` (for issues).
    func line(ofRow id: String) -> Int? {
        rows.first { $0.id == id }?.line
    }

    /// `'a', 'b', 'c'` (at most 10, then a count).
    private static func list(_ ids: [String]) -> String {
        let shown = ids.prefix(10).map { "'\(ConfigValue.abbreviated($0))'" }.joined(separator: ", ")
        return ids.count > 10 ? shown + " and \(ids.count - 10) more" : shown
    }

    /// A cell trimmed of blanks and of one pair of double quotes.
    private static func cell(_ raw: ArraySlice<UInt8>) -> String {
        var s = raw
        while let first = s.first, first == 0x20 || first == 0x09 { s = s.dropFirst() }
        while let last = s.last, last == 0x20 || last == 0x09 { s = s.dropLast() }
        if s.count >= 2, s.first == 0x22, s.last == 0x22 { s = s.dropFirst().dropLast() }
        return String(decoding: s, as: UTF8.self)
    }
}
