@testable import CyberRisk
@testable import CyberRiskSweep
import Testing

@Suite("Calibration: the incidents CSV reader")
struct IncidentCSVTests {
    static let ids = CalibrationFixtures.small.sectors.map(\.id)   // energy, healthcare_public_health, …

    static func parse(_ text: String) throws -> IncidentData {
        try IncidentCSV.parse(Array(text.utf8), file: "in.csv", sectorIDs: ids)
    }

    /// The issues of a refused file.
    static func issues(_ text: String) -> [ConfigIssue] {
        do {
            _ = try parse(text)
            Issue.record("accepted:\n\(text)")
        } catch let e as IncidentDataError {
            return e.issues
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return []
    }

    @Test func readsRowsAggregatesAndOptionalColumns() throws {
        let data = try Self.parse("\u{FEFF}# a comment\r\n"
            + "count, sector ,year,exposure,reporting_rate,source\r\n"
            + "\r\n"
            + "148,healthcare_public_health,2021,0.5863,,\"IC3, 2021 report (\"\"quoted\"\")\"\r\n"
            + "12,energy,2022,,0.25,x\r\n"
            + "40,all,2022,,,total\n"
            + "9,energy+dams,2022,,,combined\n")
        #expect(data.rows.count == 4)
        #expect(data.rows[0] == IncidentRow(line: 4, label: "healthcare_public_health", sectors: [1], kind: .sector, year: 2021,
                                           count: 148, exposure: 0.5863))
        #expect(data.rows[1].reportingRate == 0.25 && data.rows[1].exposure == 1 && data.rows[1].sectors == [0])
        #expect(data.rows[2].kind == .aggregate && data.rows[2].sectors == [0, 1, 2, 3, 4])
        #expect(data.rows[3].kind == .aggregate && data.rows[3].sectors == [0, 4])
        #expect(data.sectorRows.count == 2)
        #expect(data.years == [2021, 2022])
    }

    @Test func theShippedIC3FileReads() {
        let data = CalibrationFixtures.ic3
        #expect(data.rows.count == 19)
        #expect(data.sectorRows.count == 14)
        #expect(Set(data.sectorRows.map(\.label)) == ["healthcare_public_health", "financial_services", "information_technology",
                                                       "critical_manufacturing", "government_facilities", "commercial_facilities"])
        #expect(data.rows.filter { $0.year == 2021 }.allSatisfy { $0.exposure == 0.5863 })
        #expect(data.rows.filter { $0.label == "all" }.map(\.count) == [649, 870, 1193, 1300])
    }

    /// Bad input names the line and the column.
    static let bad: [(what: String, text: String, line: Int?, column: String, phrase: String)] = [
        ("negative count", "sector,year,count\nenergy,2021,-3\n", 2, "count", "whole number"),
        ("fractional count", "sector,year,count\nenergy,2021,3.5\n", 2, "count", "found 3.5"),
        ("text count", "sector,year,count\nenergy,2021,many\n", 2, "count", "found 'many'"),
        ("NaN count", "sector,year,count\nenergy,2021,nan\n", 2, "count", "whole number"),
        ("huge count", "sector,year,count\nenergy,2021,1e13\n", 2, "count", "0…1000000000000"),
        ("unknown sector", "sector,year,count\nenergi,2021,3\n", 2, "sector", "did you mean 'energy'?"),
        ("unknown far sector", "sector,year,count\nspace,2021,3\n", 2, "sector", "not one of the configuration's 5 sector ids"),
        ("a sector's label", "sector,year,count\nHealthcare and Public Health,2021,3\n", 2, "sector",
         "did you mean 'healthcare_public_health'?"),
        ("the start of an id", "sector,year,count\nfinancial,2021,3\n", 2, "sector", "did you mean 'financial_services'?"),
        ("unknown sector in a group", "sector,year,count\nenergy+dam,2021,3\n", 2, "sector", "did you mean 'dams'?"),
        ("repeated sector in a group", "sector,year,count\nenergy+energy,2021,3\n", 2, "sector", "appears twice"),
        ("missing sector", "sector,year,count\n,2021,3\n", 2, "sector", "missing"),
        ("duplicate row", "sector,year,count\nenergy,2021,3\ndams,2021,1\nenergy,2021,4\n", 4, "sector", "also line 2"),
        ("duplicate group", "sector,year,count\nenergy+dams,2021,3\ndams+energy,2021,4\n", 3, "sector", "duplicate row"),
        ("bad year", "sector,year,count\nenergy,20x1,3\n", 2, "year", "calendar year"),
        ("year out of range", "sector,year,count\nenergy,1800,3\n", 2, "year", "1900…3000"),
        ("reporting rate 0", "sector,year,count,reporting_rate\nenergy,2021,3,0\n", 2, "reporting_rate", "(0, 1]"),
        ("reporting rate above 1", "sector,year,count,reporting_rate\nenergy,2021,3,1.5\n", 2, "reporting_rate", "(0, 1]"),
        ("exposure 0", "sector,year,count,exposure\nenergy,2021,3,0\n", 2, "exposure", "(0, 1]"),
        ("empty file", "", nil, "", "empty file"),
        ("only comments", "# nothing\n\n", nil, "", "empty file"),
        ("header only", "sector,year,count\n", nil, "", "no data rows"),
        ("missing column", "sector,year\nenergy,2021\n", 1, "count", "missing column"),
        ("unknown column", "sector,year,count,reportng_rate\nenergy,2021,3,0.5\n", 1, "reportng_rate", "did you mean 'reporting_rate'?"),
        ("duplicate column", "sector,year,count,count\nenergy,2021,3,3\n", 1, "count", "duplicate column"),
        ("short row", "sector,year,count\nenergy,2021\n", 2, "", "2 fields, the header has 3"),
        ("unterminated quote", "sector,year,count,source\nenergy,2021,3,\"open\n", 2, "", "unterminated"),
        ("text after a quote", "sector,year,count,source\nenergy,2021,3,\"a\"b\n", 2, "", "after the closing quote"),
        ("only aggregates", "sector,year,count\nall,2021,3\n", nil, "sector", "no sector rows to fit"),
    ]

    @Test(arguments: 0..<Self.bad.count)
    func badInputNamesTheLineAndColumn(index: Int) {
        let (what, text, line, column, phrase) = Self.bad[index]
        let issues = Self.issues(text)
        #expect(issues.contains { $0.line == line && $0.path == column && $0.message.contains(phrase) && $0.file == "in.csv" },
                "\(what): \(issues.map(\.description))")
    }

    @Test func everyBadRowIsReported() {
        let issues = Self.issues("sector,year,count\nenergi,2021,3\nenergy,2021,-1\nenergy,x,2\n")
        #expect(issues.map(\.line) == [2, 3, 4])
        #expect(IncidentDataError(issues: issues).description.hasPrefix("in.csv:2: sector: unknown sector 'energi'"))
    }

    @Test func oversizedFileIsRefused() {
        let bytes = [UInt8](repeating: 0x23, count: IncidentCSV.maximumBytes + 1)
        #expect(throws: IncidentDataError.self) { try IncidentCSV.parse(bytes, file: "big.csv", sectorIDs: Self.ids) }
    }
}
