import Foundation
import Testing
import CyberRisk

// BEGIN the example of CyberRisk.docc/RunningAForecast.md (kept verbatim: the test compares them)
/// Runs the embedded `hyperconnected` scenario, writes its output folder to `out` and returns
/// the summary of its national risk in 2035.
func forecastHyperconnected(into out: String) throws -> SeriesSummary {
    LinearAlgebra.useSingleThreadedBLAS()   // the parallelism comes from the blocks of trials
    let resolved = try ScenarioCatalog.resolve(scenario: "hyperconnected", overrides: ["trials=5000"])
    let start = Date()
    let accumulator = try Forecast(plan: SimulationPlan(scenario: resolved.scenario)).run(threads: 2)
    let folder = ForecastFolder(scenario: resolved.scenario, accumulator: accumulator, threads: 2,
                                startTime: start, endTime: Date())
    try folder.write(to: OutputDirectory(path: out))
    return folder.tables.summary(year: 9, metric: MetricSet.Core.nationalRisk.rawValue)
}
// END the example

/// The DocC catalog's Swift example is a test: it is this file's code, with only the public API
/// (a plain `import CyberRisk`), and what it returns is what its output folder says.
@Suite struct DocumentationExampleTests {
    static let thisFile = URL(fileURLWithPath: #filePath)
    static let article = thisFile.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/CyberRisk/CyberRisk.docc/RunningAForecast.md")

    @Test func theArticlesCodeIsThisFilesCode() throws {
        let text = try String(contentsOf: Self.article, encoding: .utf8)
        let block = try #require(text.components(separatedBy: "```swift\n").dropFirst().first?.components(separatedBy: "```").first)
        let documented = block.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("import ") }.drop { $0.isEmpty }.joined(separator: "\n")
        let source = try String(contentsOf: Self.thisFile, encoding: .utf8)
        let tested = try #require(source.components(separatedBy: "(kept verbatim: the test compares them)\n").dropFirst().first?
            .components(separatedBy: "// END the example").first)
        #expect(documented == tested)
    }

    @Test func theExampleReturnsWhatItsSummaryCSVSays() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cyberrisk-doc-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let risk = try forecastHyperconnected(into: out)
        #expect(risk.count == 5000)
        let csv = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8).split(separator: "\n")
        let header = csv[0].split(separator: ",")
        let row = try #require(csv.first { $0.hasPrefix("hyperconnected,2035,national_risk,") }).split(separator: ",")
        #expect(Double(row[header.firstIndex(of: "mean")!]) == risk.mean)
        #expect(Double(row[header.firstIndex(of: "p95")!]) == risk.quantile(named: "p95"))
    }
}
