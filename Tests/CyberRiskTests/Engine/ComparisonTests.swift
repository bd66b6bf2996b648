import Foundation
import Testing
@_spi(Engine) @testable import CyberRisk

@Suite struct ComparisonTests {
    static func scenario(decline: Double, name: String = "fixture", trials: Int = 3000, years: Int = 4) -> Scenario {
        var s = ScenarioFixtures.scenario(sectors: ForecastTests.threeSectors, matrix: ForecastTests.matrix,
                                          kappa: .uniform(lower: 0, upper: 0.5), trials: trials, years: years,
                                          botnetEvents: 0.05, decline: decline)
        s.name = name
        s.tolerances = [Tolerance(name: "t", metric: "national_risk", statistic: .quantile(0.9), max: 1)]
        return s
    }

    /// Each scenario's accumulator and tolerance batches are exactly what its own run computes,
    /// whatever the thread count.
    @Test func eachScenarioEqualsItsOwnRun() throws {
        let base = Self.scenario(decline: 0.03), alternative = Self.scenario(decline: 0.1, name: "alt")
        let comparison = try Comparison(scenarios: [base, alternative])
        let blocks = 0..<comparison.totalBlocks
        let one = try comparison.run(blocks: blocks, threads: 1)
        let two = try comparison.run(blocks: blocks, threads: 2)
        let sameForThreads = one == two
        #expect(sameForThreads)
        for (k, s) in [base, alternative].enumerated() {
            let own = try Forecast(plan: SimulationPlan(scenario: s)).run(blocks: blocks, threads: 2, requests: s.toleranceRequests)
            let same = own == one.runs[k]
            #expect(same, "scenario \(k)")
        }
    }

    /// Against itself a scenario differs by exactly 0 in every trial; against a small change the
    /// paired error is far below the independent runs' (common random numbers).
    @Test func pairedDifferences() throws {
        let base = Self.scenario(decline: 0.03)
        let comparison = try Comparison(scenarios: [base, Self.scenario(decline: 0.03, name: "same"),
                                                    Self.scenario(decline: 0.04, name: "small change")])
        let result = try comparison.run(blocks: 0..<comparison.totalBlocks, threads: 2)
        let tables = ComparisonTables(scenarios: [base, Self.scenario(decline: 0.03, name: "same"),
                                                  Self.scenario(decline: 0.04, name: "small change")], result: result)
        let m = tables.metrics.count
        for t in 0..<base.horizonYears {
            for k in 0..<m {
                #expect(result.pairs[0].moments[t * m + k].mean == 0)
                #expect(result.pairs[0].moments[t * m + k].standardError == 0)
                #expect(result.pairs[0].probabilityWorse(year: t, metric: k) == 0)
                for statistic in ComparisonTables.statistics {
                    let r = tables.row(scenario: 1, year: t, metric: k, statistic: statistic)
                    #expect(r.difference == 0)
                }
            }
        }
        let last = base.horizonYears - 1
        let r = tables.row(scenario: 2, year: last, metric: MetricSet.Core.nationalRisk.rawValue, statistic: .mean)
        #expect(r.difference < 0)
        #expect(r.differenceSE < r.independentSE / 3, "paired \(r.differenceSE), independent \(r.independentSE)")
        let p95 = tables.row(scenario: 2, year: last, metric: MetricSet.Core.nationalRisk.rawValue, statistic: .quantile(0.95))
        #expect(p95.differenceSE.isFinite && p95.differenceSE > 0)
        #expect(p95.probabilityWorse.isNaN && p95.differenceP05.isNaN)
    }

    /// Shards of a comparison merge to the whole run exactly.
    @Test func blockRangesMergeToTheWhole() throws {
        let comparison = try Comparison(scenarios: [Self.scenario(decline: 0.03), Self.scenario(decline: 0.05, name: "b")])
        let whole = try comparison.run(blocks: 0..<comparison.totalBlocks, threads: 1)
        var parts = try comparison.run(blocks: 2..<comparison.totalBlocks, threads: 2)
        parts.merge(try comparison.run(blocks: 0..<2, threads: 1))
        let same = parts == whole
        #expect(same)
    }

    @Test func incompatibleScenariosAreRefusedNamingTheField() throws {
        let base = Self.scenario(decline: 0.03)
        var horizon = Self.scenario(decline: 0.03, name: "h", years: 3)
        horizon.name = "h"
        #expect(throws: ComparisonError.incompatible(scenario: "h", base: "fixture", field: "horizon_years", value: "3", baseValue: "4")) {
            try Comparison(scenarios: [base, horizon])
        }
        var sectors = Self.scenario(decline: 0.03, name: "s")
        sectors.sectors[2].id = "rail"
        do {
            _ = try Comparison(scenarios: [base, sectors])
            Issue.record("different sectors accepted")
        } catch let e as ComparisonError {
            #expect(e.description.contains("sectors is 3 sectors (extra rail; missing banks)"), "\(e)")
        }
        var dimensions = Self.scenario(decline: 0.03, name: "d")
        dimensions.humanSecurity.dimensions = []
        do {
            _ = try Comparison(scenarios: [base, dimensions])
            Issue.record("different dimensions accepted")
        } catch let e as ComparisonError {
            #expect(e.description.contains("human_security.dimensions"))
        }
        #expect(throws: ComparisonError.duplicateName("fixture")) { try Comparison(scenarios: [base, base]) }
        #expect(throws: ComparisonError.tooFew(1)) { try Comparison(scenarios: [base]) }
        #expect(throws: ComparisonError.self) { try ComparisonOutput.checkFolders(["a b", "a_b"]) }
    }
}
