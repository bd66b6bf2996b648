import Testing
@testable import CyberRisk
@testable import CyberRiskReport

@Suite struct CSVDocumentTests {
    @Test func readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws {
        let text = "scenario,year,mean\r\n\"my, \"\"best\"\" case\",2026,0.5\r\n\"two\nlines\",2027,NaN\n"
        let csv = try CSVDocument(text: text, path: "t.csv")
        #expect(csv.header == ["scenario", "year", "mean"])
        #expect(csv.rows.count == 2)
        #expect(try csv.text(row: 0, column: "scenario") == "my, \"best\" case")
        #expect(try csv.text(row: 1, column: "scenario") == "two\nlines")
        #expect(try csv.number(row: 0, column: "mean") == 0.5)
        #expect(try csv.number(row: 1, column: "mean").isNaN)
        #expect(try csv.number(row: 1, column: "year") == 2027)
    }

    @Test func roundTripsWhatCSVTableWrites() throws {
        var table = CSVTable(header: ["name", "x"])
        table.append([.text("a, \"b\""), .number(0.1)])
        table.append([.text("plain"), .number(.infinity)])
        let csv = try CSVDocument(text: table.text, path: "t.csv")
        #expect(try csv.text(row: 0, column: "name") == "a, \"b\"")
        #expect(try csv.number(row: 0, column: "x") == 0.1)
        #expect(try csv.number(row: 1, column: "x") == .infinity)
    }

    @Test func badInputNamesFileLineAndReason() {
        #expect(throws: OutputError(reading: "t.csv", reason: "line 3: 2 fields, the header has 3")) {
            try CSVDocument(text: "a,b,c\n1,2,3\n4,5\n", path: "t.csv")
        }
        #expect(throws: OutputError(reading: "t.csv", reason: "line 2: unterminated quoted field")) {
            try CSVDocument(text: "a\n\"open\n", path: "t.csv")
        }
        #expect(throws: OutputError(reading: "t.csv", reason: "empty file (no header)")) {
            try CSVDocument(text: "", path: "t.csv")
        }
        #expect(throws: OutputError(reading: "t.csv", reason: "line 2: column 'x': expected a number, found 'abc'")) {
            let csv = try CSVDocument(text: "x\nabc\n", path: "t.csv")
            _ = try csv.number(row: 0, column: "x")
        }
        #expect(throws: OutputError(reading: "t.csv", reason: "missing columns 'mean', 'p95'")) {
            try CSVDocument(text: "x\n1\n", path: "t.csv").require(["x", "mean", "p95"])
        }
    }
}

extension CSVDocumentTests {
    /// A count (trials, rows) is a whole number ≥ 0; anything else is refused naming the line and column.
    @Test func countsAreWholeNumbers() throws {
        let csv = try CSVDocument(text: "trials\n256\ninf\n\n2.5\n-1\n1e300\n", path: "t.csv")
        #expect(try csv.count(row: 0, column: "trials") == 256)
        for (row, found) in [(1, "inf"), (2, "an empty cell"), (3, "2.5"), (4, "-1.0"), (5, "1e+300")] {
            #expect(throws: OutputError(reading: "t.csv", reason: "line \(row + 2): column 'trials': expected a whole number ≥ 0, found \(found)")) {
                try csv.count(row: row, column: "trials")
            }
        }
    }
}
