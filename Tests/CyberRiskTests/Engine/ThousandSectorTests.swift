import Testing
@testable import CyberRisk

/// The cascade at scale: a 1,000-sector config (the 16 default sectors plus 984 more, a sparse
/// dependency CSV) validates — including the worst-case spectral-radius check — and runs; more
/// than ``ScenarioDecoder/maximumSectors`` (2,000) sectors is refused naming the field.
@Suite struct ThousandSectorTests {
    static let defaultIDs = ["chemical", "commercial_facilities", "communications", "critical_manufacturing", "dams",
                             "defense_industrial_base", "emergency_services", "energy", "financial_services",
                             "food_agriculture", "government_facilities", "healthcare_public_health",
                             "information_technology", "nuclear", "transportation", "water_wastewater"]

    /// Config text with `n` sectors and its dependency CSV (row i depends 0.05 on sectors
    /// i+1, i+7 and i+31, cyclically).
    static func config(sectors n: Int) -> (yaml: String, csv: String) {
        let ids = defaultIDs + (defaultIDs.count..<max(n, defaultIDs.count)).map { "s\($0)" }
        var yaml = "trials: 64\nhorizon_years: 2\nsectors:\n"
        for id in ids { yaml += "  - {id: \(id)}\n" }
        yaml += "dependencies: {csv: deps.csv}\n"
        var csv = "sector," + ids.joined(separator: ",") + "\n"
        for (i, id) in ids.enumerated() {
            var row = [String](repeating: "0", count: ids.count)
            for step in [1, 7, 31] { row[(i + step) % ids.count] = "0.05" }
            csv += id + "," + row.joined(separator: ",") + "\n"
        }
        return (yaml, csv)
    }

    @Test func thousandSectorsValidateAndRun() throws {
        let (yaml, csv) = Self.config(sectors: 1000)
        let s = try ConfigFixtures.loader(files: ["big/deps.csv": csv]).load(text: yaml, name: "big/n1000.yaml")
        #expect(s.sectors.count == 1000)
        #expect(s.dependencies.matrix[999, 30] == 0.05 && s.dependencies.matrix[0, 1] == 0.05)
        #expect(CascadeStability.check(sectors: s.sectors, dependencies: s.dependencies, horizonYears: s.horizonYears) == .stable)
        try ExtremeParameterTests.expectFiniteAndInRange(s)
    }

    @Test func moreThanTwoThousandSectorsAreRefused() {
        let yaml = "sectors:\n" + (0...ScenarioDecoder.maximumSectors).map { "  - {id: s\($0)}\n" }.joined()
        let error = configError { try ConfigFixtures.loader().load(text: yaml, name: "huge.yaml") }
        expectIssue(error, path: "sectors", "expected 1…2000 sectors, found 2001")
        #expect(error?.issues.first?.file == "huge.yaml")
    }
}
