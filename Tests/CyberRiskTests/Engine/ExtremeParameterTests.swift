import Foundation
import Testing
@_spi(Engine) @testable import CyberRisk

/// Extreme but valid parameters run to finite results in range — very high attack rates (the
/// large-mean Poisson path), Beta shapes near 0 and very large, digital dependence exactly 0
/// and 1, a population of 1, a dependency matrix of spectral radius 0.999 — and to the values
/// the extremes imply: saturation `q = 1`, the direct shock each degenerate severity implies,
/// zero shock at `d = 0`, personal compromise 1 for a population of one.
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
                         trials: Int = 2048, botnetEvents: Double = 0.05) -> Scenario {
        ScenarioFixtures.scenario(sectors: sectors, matrix: matrix, mode: mode, trials: trials, years: 3, botnetEvents: botnetEvents)
    }

    /// Every sector's inoperability is exactly 1 in every trial-year, and so national risk, and
    /// every sector is disrupted.
    static func expectSaturated(_ s: Scenario, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let acc = try ScenarioFixtures.run(s, threads: 2)
        let n = s.sectors.count
        for series in acc.inoperability.indices {
            #expect(acc.inoperability[series].min == 1, "sector \(series % n), year \(series / n)", sourceLocation: sourceLocation)
        }
        let tables = ForecastTables(scenario: s, accumulator: acc)
        for t in 0..<s.horizonYears {
            #expect(tables.summary(year: t, metric: MetricSet.Core.nationalRisk.rawValue).min == 1, sourceLocation: sourceLocation)
            #expect(tables.summary(year: t, metric: MetricSet.Core.sectorsDisrupted.rawValue).min == Double(n),
                    sourceLocation: sourceLocation)
        }
    }

    /// A million attempts a year, all succeeding: λ = 10⁶ per sector-year. Severities are drawn
    /// one by one until the shock saturates (thousands of draws per sector-year here), so few trials.
    @Test(arguments: [CascadeMode.linear, .saturating])
    func millionAttacksPerYear(mode: CascadeMode) throws {
        let sectors = [ScenarioFixtures.sector("a", attacks: 1e6, success: 1), ScenarioFixtures.sector("b", attacks: 1e6, success: 0.5),
                       ScenarioFixtures.sector("c", attacks: 2e5, success: 1, alpha: 0.5, beta: 1e3)]
        let s = Self.scenario(sectors, matrix: [0, 0.2, 0.1, 0.1, 0, 0.2, 0.3, 0.1, 0], mode: mode, trials: 128)
        try Self.expectFiniteAndInRange(s)
        // d·ΣS ≈ 0.5·10⁶·10⁻³ = 500 ≫ 1: every direct shock, hence every q, is exactly 1.
        try Self.expectSaturated(s)
    }

    /// The mean and variance of the direct shock `c = min(1, d·ΣS)` a degenerate severity implies
    /// (`K ~ Poisson(λ)` attacks, `d = 0.5`, no botnet): `Beta(ε, ε)` is 0 or 1 with probability ½
    /// each, `Beta(1, ε)` is 1, `Beta(10⁸, 10⁸)` is ½; otherwise the clamp (almost) never binds and
    /// `c` is compound Poisson, `E[c] = dλE[S]`, `Var c = d²λE[S²]`. The exact variance, not the
    /// sample's, sets the tolerance: for `Beta(10⁻³, 10⁹)` the mean is carried by rare draws that
    /// a sample often lacks, so its own standard error is far too small.
    static func impliedShock(alpha: Double, beta: Double, lambda: Double) -> (mean: Double, variance: Double) {
        func moments(_ mu: Double, _ c: (Int) -> Double) -> (mean: Double, variance: Double) {
            var m1 = 0.0, m2 = 0.0
            for k in 0..<400 {
                let p = exp(-mu + Double(k) * log(mu) - lgamma(Double(k) + 1))
                m1 += p * c(k)
                m2 += p * c(k) * c(k)
            }
            return (m1, m2 - m1 * m1)
        }
        switch (alpha, beta) {
        case (1e-6, 1e-6): return moments(lambda / 2) { min(1, 0.5 * Double($0)) }
        case (1.0, 1e-4): return moments(lambda) { min(1, 0.5 * Double($0)) }
        case (1e8, 1e8): return moments(lambda) { min(1, 0.25 * Double($0)) }
        default:
            let secondMoment = alpha * (alpha + 1) / ((alpha + beta) * (alpha + beta + 1))
            return (0.5 * lambda * alpha / (alpha + beta), 0.25 * lambda * secondMoment)
        }
    }

    @Test(arguments: [(1e-6, 1e-6), (1e-4, 1.0), (1.0, 1e-4), (1e6, 1e9), (1e8, 1e8), (1e-3, 1e9)])
    func betaShapesNearZeroAndVeryLarge(alpha: Double, beta: Double) throws {
        let sectors = [ScenarioFixtures.sector("a", attacks: 50, success: 0.5, alpha: alpha, beta: beta),
                       ScenarioFixtures.sector("b", attacks: 5, success: 1, alpha: alpha, beta: beta)]
        try Self.expectFiniteAndInRange(Self.scenario(sectors, matrix: [0, 0.3, 0.3, 0]))
        let quiet = Self.scenario(sectors, matrix: [0, 0.3, 0.3, 0], botnetEvents: 0)
        let acc = try ScenarioFixtures.run(quiet, threads: 2)
        for t in 0..<3 {
            for (i, lambda) in [25.0, 5].enumerated() {
                let c = acc.directShock[t * 2 + i]
                let implied = Self.impliedShock(alpha: alpha, beta: beta, lambda: lambda)
                let tolerance = 4 * (implied.variance / Double(quiet.trials)).squareRoot()
                #expect(abs(c.mean - implied.mean) <= tolerance,
                        "sector \(i), year \(t): E[c] = \(c.mean), implied \(implied.mean) ± \(tolerance)")
            }
        }
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
        let acc = try ScenarioFixtures.run(s, threads: 2)
        for t in 0..<s.horizonYears {
            // d = 0: no direct shock at all; d = 1: c = ΣS with λ = 100, E[S] = 1/1001.
            #expect(acc.directShock[t * 2].max == 0)
            let c = acc.directShock[t * 2 + 1]
            #expect(abs(c.mean - 100.0 / 1001) <= 4 * c.standardError, "E[c] = \(c.mean) ± \(c.standardError)")
            // The offline sector is disrupted only through its dependence on the digital one.
            #expect(acc.inoperability[t * 2].max > 0)
        }
    }

    @Test func populationOfOne() throws {
        var s = Self.scenario([ScenarioFixtures.sector("a", attacks: 100, success: 1), ScenarioFixtures.sector("b")])
        s.population = 1
        try Self.expectFiniteAndInRange(s)
        // 1e10 personal devices for one person at γ = 0.002: 1 − e^{−2·10⁷} is 1 in every trial.
        let tables = ForecastTables(scenario: s, accumulator: try ScenarioFixtures.run(s, threads: 2))
        for t in 0..<s.horizonYears {
            #expect(tables.summary(year: t, metric: MetricSet.Core.personalCompromise.rawValue).min == 1)
        }
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
        // Multipliers ≈ 333 on total shocks ≈ 0.015: every sector saturates in (almost) every trial.
        let tables = ForecastTables(scenario: s, accumulator: try ScenarioFixtures.run(s, threads: 2))
        for t in 0..<s.horizonYears {
            let national = tables.summary(year: t, metric: MetricSet.Core.nationalRisk.rawValue)
            #expect(national.max == 1 && national.mean > 0.99, "year \(t): mean \(national.mean)")
        }
    }
}
