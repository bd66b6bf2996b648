import Testing
@_spi(Engine) @testable import CyberRisk

/// A forecast without trials (a shard that got no blocks) has keys and empty statistics, never
/// NaN or inf.
@Suite struct ForecastTablesTests {
    @Test func aForecastWithoutTrialsHasEmptyStatistics() throws {
        let s = try ScenarioCatalog.resolve(path: nil, overrides: ["horizon_years=2", "trials=10"]).scenario
        let empty = ForecastAccumulator(years: 2, metricCount: MetricSet(scenario: s).count, sectorCount: s.sectors.count)
        let tables = ForecastTables(scenario: s, accumulator: empty)
        let summary = tables.summaryCSV.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().filter { !$0.isEmpty }
        #expect(summary.count == 2 * MetricSet(scenario: s).count)
        for row in summary {
            let fields = row.split(separator: ",", omittingEmptySubsequences: false)
            #expect(fields[0] == "baseline" && fields[3] == "0" && fields.dropFirst(4).allSatisfy(\.isEmpty), "\(row)")
        }
        let sectors = tables.sectorsCSV.split(separator: "\n").dropFirst()
        #expect(sectors.count == 2 * s.sectors.count && sectors.allSatisfy { $0.hasSuffix(",,,,") })
        #expect(tables.exceedanceCSV == "scenario,year,metric,threshold,probability\n")
        for text in [tables.summaryCSV, tables.sectorsCSV] {
            let fields = text.split(separator: "\n").flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            #expect(!fields.contains { Double($0).map { !$0.isFinite } ?? false })
        }
    }
}
