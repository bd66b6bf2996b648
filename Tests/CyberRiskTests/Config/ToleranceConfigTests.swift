@testable import CyberRisk
import Testing

/// The `tolerances:` block and `scenario.defense.cost_usd_bn_per_year`.
@Suite struct ToleranceConfigTests {
    static func load(_ yaml: String, overrides: [String] = []) throws -> Scenario {
        try ConfigFixtures.loader().load(text: yaml, name: "test.yaml", overrides: overrides)
    }

    @Test func tolerancesDecodeWithDefaultNames() throws {
        let s = try Self.load("""
            tolerances:
              - {metric: national_risk, statistic: p95, max: 0.01}
              - {metric: economic_loss_usd_bn, return_period: 100, max: 500}
              - {name: implants, metric: neural_implants_compromised, statistic: mean, max: 1000}
              - {metric: human_health, statistic: es95, max: 0.2}
            """)
        #expect(s.tolerances.map(\.name) == ["national_risk:p95", "economic_loss_usd_bn:1-in-100", "implants", "human_health:es95"])
        #expect(s.tolerances[1].statistic == .quantile(0.99) && s.tolerances[1].returnPeriod == 100)
        #expect(s.tolerances[3].statistic == .tailMean(0.05))
        #expect(s.toleranceRequests.count == 3)   // the mean needs no batches
    }

    /// The dump writes them (and the cost) back so that loading it gives the same scenario;
    /// a configuration without them dumps no such keys, so its hash is what it was.
    @Test func theResolvedDumpRoundTrips() throws {
        let s = try Self.load("""
            tolerances: [{metric: economic_loss_usd_bn, return_period: 200, max: 400}, {name: 'a, b', metric: national_risk, statistic: mean, max: 0.01}]
            scenario: {defense: {cost_usd_bn_per_year: 12.5}}
            """)
        let yaml = ScenarioEncoder.yaml(s)
        #expect(yaml.contains("cost_usd_bn_per_year: 12.5"))
        let again = try ConfigFixtures.loader().load(text: yaml, name: "dump.yaml")
        #expect(again == s)
        let plain = ScenarioEncoder.yaml(try Self.load("name: plain\n"))
        #expect(!plain.contains("tolerances") && !plain.contains("cost_usd_bn_per_year"))
    }

    @Test func overridesMayAddThem() throws {
        let s = try Self.load("name: x\n", overrides: ["tolerances=[{metric: national_risk, statistic: p99, max: 0.02}]",
                                                        "scenario.defense.cost_usd_bn_per_year=3"])
        #expect(s.tolerances.count == 1 && s.defense.costUSDbnPerYear == 3)
    }

    static let broken: [BrokenConfig] = [
        .init("tolerances: {metric: national_risk}\n", "tolerances", "expected a list of tolerances"),
        .init("tolerances: [{metric: nationl_risk, statistic: p95, max: 1}]\n", "tolerances[0].metric",
              "unknown metric 'nationl_risk' (did you mean 'national_risk'?)"),
        .init("tolerances: [{metric: national_risk, statistic: p97, max: 1}]\n", "tolerances[0].statistic", "unknown statistic 'p97'"),
        .init("tolerances: [{metric: national_risk, max: 1}]\n", "tolerances[0].statistic", "give statistic"),
        .init("tolerances: [{metric: national_risk, statistic: p95, return_period: 10, max: 1}]\n",
              "tolerances[0].return_period", "either statistic or return_period"),
        .init("tolerances: [{metric: national_risk, return_period: 1, max: 1}]\n", "tolerances[0].return_period", "(1, 1e9]"),
        .init("tolerances: [{metric: national_risk, statistic: p95}]\n", "tolerances[0].max", "missing field"),
        .init("tolerances: [{metric: national_risk, statistic: p95, max: .inf}]\n", "tolerances[0].max", "finite"),
        .init("tolerances: [{metric: national_risk, statistic: p95, maximum: 1}]\n", "tolerances[0].maximum", "unknown field"),
        .init("tolerances: [{metric: national_risk, statistic: p95, max: 1}, {metric: national_risk, statistic: p95, max: 2}]\n",
              "tolerances[1].name", "duplicate tolerance name 'national_risk:p95'"),
        .init("scenario: {defense: {cost_usd_bn_per_year: -1}}\n", "scenario.defense.cost_usd_bn_per_year", "must be ≥ 0"),
        .init("scenario: {defense: {cost_usd_bn_per_year: {pert: [1, 2, 3]}}}\n", "scenario.defense.cost_usd_bn_per_year",
              "cannot be uncertain"),
    ]

    @Test(arguments: broken)
    func brokenTolerancesAreRefusedNamingTheField(_ b: BrokenConfig) {
        expectIssue(configError { try Self.load(b.yaml) }, path: b.path, b.phrase)
    }
}
