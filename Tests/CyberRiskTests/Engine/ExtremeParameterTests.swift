import Foundation
import Testing
@testable import CyberRisk

/// Extreme but valid parameters run to finite results in range: very high attack rates (the
/// large-mean Poisson path), Beta shapes near 0 and very large, digital dependence exactly 0
/// and 1, a population of 1, a dependency matrix of spectral radius 0.999, and 1,000 sectors.
@Suite struct ExtremeParameterTests {
    /// Runs `s` and checks every accumulated value: each metric's mean, min and max finite and
    /// ≥ 0; each sector's inoperability and direct shock in [0, 1]; every trial counted.
    static func expectFiniteAndInRange(_ s: Scenario, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let acc = try ScenarioFixtures.run(s, threads: 2)
        #expect(acc.trials == Int64(s.trials), sourceLocation: sourceLocation)
        let names = MetricSet(scenario: s).names
        for (k, m) in acc.metricMoments.enumerated() {
            let values = [m.mean, m.min, m.max, m.standardDeviation]
            #expect(values.allSatisfy(\.isFinite) && m.min >= 0,
                    "metric \(names[k % names.count]) year \(k / names.count): \(values)", sourceLocation: sourceLocation)
        }
        for (k, q) in (acc.inoperability + acc.directShock).enumerated() {
            let values = [q.mean, q.min, q.max]
            #expect(values.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 }, "sector series \(k): \(values)",
                    sourceLocation: sourceLocation)
        }
        let tables = ForecastTables(scenario: s, accumulator: acc)
        for text in [tables.summaryCSV, tables.sectorsCSV, tables.exceedanceCSV] {
            let fields = text.split(whereSeparator: { $0 == "," || $0 == "\n" })
            let nonFinite = fields.filter { Double($0).map { !$0.isFinite } ?? false }
            #expect(nonFinite.isEmpty, "non-finite CSV fields: \(nonFinite.prefix(5))", sourceLocation: sourceLocation)
        }
    }

    static func scenario(_ sectors: [Sector], matrix: [Double]? = nil, mode: CascadeMode = .linear,
                         trials: Int = 2048) -> Scenario {
        ScenarioFixtures.scenario(sectors: sectors, matrix: matrix, mode: mode, trials: trials, years: 3, botnetEvents: 0.05)
    }

    /// A million attempts a year, all succeeding: λ = 10⁶ per sector-year. Severities are drawn
    /// one by one until the shock saturates (thousands of draws per sector-year here), so few trials.
    @Test(arguments: [CascadeMode.linear, .saturating])
    func millionAttacksPerYear(mode: CascadeMode) throws {
        let sectors = [ScenarioFixtures.sector("a", attacks: 1e6, success: 1), ScenarioFixtures.sector("b", attacks: 1e6, success: 0.5),
                       ScenarioFixtures.sector("c", attacks: 2e5, success: 1, alpha: 0.5, beta: 1e3)]
        try Self.expectFiniteAndInRange(Self.scenario(sectors, matrix: [0, 0.2, 0.1, 0.1, 0, 0.2, 0.3, 0.1, 0], mode: mode,
                                                      trials: 128))
    }

    @Test(arguments: [(1e-6, 1e-6), (1e-4, 1.0), (1.0, 1e-4), (1e6, 1e9), (1e8, 1e8), (1e-3, 1e9)])
    func betaShapesNearZeroAndVeryLarge(alpha: Double, beta: Double) throws {
        let sectors = [ScenarioFixtures.sector("a", attacks: 50, success: 0.5, alpha: alpha, beta: beta),
                       ScenarioFixtures.sector("b", attacks: 5, success: 1, alpha: alpha, beta: beta)]
        try Self.expectFiniteAndInRange(Self.scenario(sectors, matrix: [0, 0.3, 0.3, 0]))
    }

    /// Digital dependence exactly 0 (an offline sector) and exactly 1 (fully digital), with
    /// coupling κ up to 1.
    @Test func digitalDependenceZeroAndOne() throws {
        let sectors = [ScenarioFixtures.sector("offline", digital: 0, attacks: 100, success: 1),
                       ScenarioFixtures.sector("digital", digital: 1, attacks: 100, success: 1)]
        var s = ScenarioFixtures.scenario(sectors: sectors, matrix: [0, 0.4, 0.4, 0], kappa: .fixed(1), trials: 2048)
        try Self.expectFiniteAndInRange(s)
        s.cascade.mode = .saturating
        try Self.expectFiniteAndInRange(s)
    }

    @Test func populationOfOne() throws {
        var s = Self.scenario([ScenarioFixtures.sector("a", attacks: 100, success: 1), ScenarioFixtures.sector("b")])
        s.population = 1
        try Self.expectFiniteAndInRange(s)
    }

    /// A 3-cycle with weights 0.999 (spectral radius 0.999): the Leontief multipliers are about
    /// 1,000, so the linear cascade clamps; the validator accepts it (κ = 0).
    @Test(arguments: [CascadeMode.linear, .saturating])
    func spectralRadiusNearOne(mode: CascadeMode) throws {
        let a = [0, 0.999, 0, 0, 0, 0.999, 0.999, 0, 0]
        let sectors = ["a", "b", "c"].map { ScenarioFixtures.sector($0, attacks: 20, success: 0.5) }
        let s = Self.scenario(sectors, matrix: a, mode: mode)
        let radius = try #require(SpectralRadius.of(a, n: 3))
        #expect(abs(radius - 0.999) < 1e-9)
        #expect(CascadeStability.check(sectors: s.sectors, dependencies: s.dependencies, horizonYears: s.horizonYears) == .stable)
        try Self.expectFiniteAndInRange(s)
    }
}
