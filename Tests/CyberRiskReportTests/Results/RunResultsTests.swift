import Foundation
import Testing
@testable import CyberRisk
@testable import CyberRiskReport

@Suite struct RunResultsTests {
    /// The report's limits are the config's: no forecast has more years or sectors.
    @Test func limitsAreTheConfigs() throws {
        #expect(RunResults.maximumSectors == ScenarioDecoder.maximumSectors)
        let loader = ConfigLoader(embedded: EmbeddedConfigs.fileSystem)
        #expect(throws: ConfigError.self) { try loader.load(text: "extends: baseline\nhorizon_years: 101\n", name: "t.yaml") }
        #expect(try loader.load(text: "extends: baseline\nhorizon_years: 100\n", name: "t.yaml").horizonYears
                == RunResults.maximumYears)
    }

    /// More years in `summary.csv` or sectors in `sectors.csv` than a forecast has are refused
    /// naming the file (they would make the sectors × years heatmap huge).
    @Test func tooManyYearsOrSectorsAreRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runresults-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func write(_ name: String, _ text: String) throws { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        try write("manifest.json", "{}")
        try write("exceedance.csv", "year,metric,threshold,probability\n")
        try write("summary.csv", "year,metric,mean\n" + (0..<101).map { "\(2026 + $0),national_risk,0\n" }.joined())
        try write("sectors.csv", "year,sector,mean_inoperability\n2026,energy,0\n")
        #expect(throws: OutputError(reading: folder + "/summary.csv", reason: "101 years: a forecast covers at most 100 (horizon_years)")) {
            try RunResults(folder: folder)
        }
        try write("summary.csv", "year,metric,mean\n2026,national_risk,0\n")
        try write("sectors.csv", "year,sector,mean_inoperability\n" + (0...2000).map { "2026,s\($0),0\n" }.joined())
        #expect(throws: OutputError(reading: folder + "/sectors.csv", reason: "2001 sectors: a forecast has at most 2000")) {
            try RunResults(folder: folder)
        }
    }
}
