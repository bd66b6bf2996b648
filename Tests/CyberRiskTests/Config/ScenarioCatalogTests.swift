import Testing
@testable import CyberRisk

/// Every shipped scenario resolves, validates and runs.
@Suite struct ScenarioCatalogTests {
    @Test func catalogListsTheShippedScenarios() {
        #expect(ScenarioCatalog.names == ["baseline", "cautious", "hyperconnected", "iot-fast", "neural-fast",
                                          "secure-by-design", "estonia-2007", "georgia-2008"])
    }

    @Test(arguments: ScenarioCatalog.names)
    func shippedScenarioValidatesAndRuns(name: String) throws {
        let resolved = try ScenarioCatalog.resolve(scenario: name, overrides: ["trials=300"])
        #expect(!resolved.scenario.description.isEmpty)
        let acc = try Forecast(plan: SimulationPlan(scenario: resolved.scenario)).run(threads: 2)
        #expect(acc.trials == 300)
        let tables = ForecastTables(scenario: resolved.scenario, accumulator: acc)
        let last = tables.summary(year: resolved.scenario.horizonYears - 1, metric: MetricSet.Core.nationalRisk.rawValue)
        #expect(last.mean > 0 && last.mean < 1)
        // The resolved dump reloads to the same scenario.
        #expect(try ScenarioCatalog.scenario(fromResolved: resolved.yaml, source: name) == resolved.scenario)
    }

    @Test func unknownNameIsRefusedWithTheList() {
        #expect(throws: ScenarioCatalogError.unknown("nope")) {
            try ScenarioCatalog.resolve(scenario: "nope", overrides: [])
        }
    }
}
