import Foundation
import Testing
@testable import CyberRisk

/// The security paradox as properties of the whole model on the baseline: more digital dependence,
/// faster IoT growth and more dependencies never lower mean risk; stronger defence never raises it.
///
/// Each comparison runs the baseline and a variant with the same seed and compares the means of
/// `national_risk` (the criticality-weighted mean inoperability) in every simulated year.
///
/// Tolerance. Attack counts are Poisson draws (PTRS), which are not monotone in their mean draw by
/// draw, so a variant may lose in some trials; we compare means. Only the per-run standard errors are
/// available, not the per-trial differences, so we bound the standard error of the difference of
/// the two means by the triangle inequality:
///     Var(Ā − B̄) = se_A² + se_B² − 2ρ·se_A·se_B ≤ (se_A + se_B)²   for any correlation ρ ≥ −1,
/// and allow the variant to fall below the baseline by at most 3·(se_A + se_B) — under a normal
/// approximation a true non-negative difference fails this with probability ≤ 0.13%. (With the fixed
/// seed the outcome is deterministic.) The increments are large, so for IoT growth and defence the
/// effect in the last year must also exceed the same margin: a model with the sign reversed fails.
/// 1024 trials (one block) over 3 years keep the suite at a few seconds in a debug build.
///
/// Digital dependence and dependencies do not enter the attack counts, so for them common random
/// numbers give draw-by-draw monotonicity (docs/model.md, "Randomness": a larger `d_i` or `a_ij` can
/// only raise `c` and `A(t)`, hence `q`); their mean differences must then be ≥ 0 up to rounding
/// (`exactTolerance`), which those tests also check — a much stronger test than the 3-SE margin.
@Suite struct ParadoxPropertyTests {
    static let trials = 1024   // one block: the whole suite must stay fast in debug builds
    static let years = 3
    static let base = ["trials=\(trials)", "horizon_years=\(years)"]
    static let margin = 3.0
    static let nationalRisk = MetricSet.Core.nationalRisk.rawValue
    /// Rounding allowance for draw-by-draw monotone comparisons (means are exact sums of values
    /// computed in double precision).
    static let exactTolerance = 1e-12

    static let baselineScenario: Scenario = try! ScenarioCatalog.loader.load(embedded: "baseline.yaml", overrides: base)
    static let baseline: [SeriesSummary] = try! means(baselineScenario)

    /// The national_risk summary of each year of `scenario`.
    static func means(_ scenario: Scenario) throws -> [SeriesSummary] {
        let acc = try Forecast(plan: SimulationPlan(scenario: scenario)).run(threads: 2)
        let tables = ForecastTables(scenario: scenario, accumulator: acc)
        return (0..<scenario.horizonYears).map { tables.summary(year: $0, metric: nationalRisk) }
    }

    static func variant(_ overrides: [String]) throws -> [SeriesSummary] {
        try means(ScenarioCatalog.loader.load(embedded: "baseline.yaml", overrides: base + overrides))
    }

    /// `variant − baseline` in each year, with the tolerance `margin·(se_A + se_B)`.
    static func differences(_ v: [SeriesSummary], _ b: [SeriesSummary]) -> [(diff: Double, tol: Double)] {
        zip(v, b).map { ($0.mean - $1.mean, margin * ($0.standardError + $1.standardError)) }
    }

    /// Raising one sector's digital dependence (initial value up to its ceiling) never lowers
    /// mean national risk.
    @Test(arguments: baselineSectorIDs())
    func moreDigitalDependenceNeverLowersRisk(sector id: String) throws {
        let s = try #require(Self.baselineScenario.sectors.first { $0.id == id })
        let raised = s.digital.ceiling.lowerBound
        try #require(raised > s.digital.initial.upperBound)
        let v = try Self.variant(["sectors.\(id).digital.initial=\(raised)"])
        for (t, d) in Self.differences(v, Self.baseline).enumerated() {
            #expect(d.diff >= -d.tol, "\(id), year \(t): Δ = \(d.diff), tolerance \(d.tol)")
            #expect(d.diff >= -Self.exactTolerance, "\(id), year \(t): Δ = \(d.diff) < 0")
        }
    }

    /// Faster IoT growth (rate 0.205 → 0.4) never lowers mean national risk, and raises it beyond
    /// the tolerance in the last year (iot_elasticity > 0 and more botnet events); the start year
    /// is identical.
    @Test func fasterIoTGrowthRaisesRisk() throws {
        let v = try Self.variant(["scenario.iot.devices_bn.rate=0.4"])
        for (t, d) in Self.differences(v, Self.baseline).enumerated() {
            #expect(d.diff >= -d.tol, "year \(t): Δ = \(d.diff), tolerance \(d.tol)")
            if t == Self.years - 1 { #expect(d.diff > d.tol, "year \(t): Δ = \(d.diff) not above tolerance \(d.tol)") }
        }
    }

    /// Adding a dependency (effective a_ij + 0.05) never lowers mean inoperability.
    @Test(arguments: [("water_wastewater", "energy"), ("financial_services", "information_technology"),
                      ("healthcare_public_health", "communications")])
    func moreDependenceNeverLowersRisk(pair: (String, String)) throws {
        let s = Self.baselineScenario
        let i = try #require(s.sectors.firstIndex { $0.id == pair.0 })
        let j = try #require(s.sectors.firstIndex { $0.id == pair.1 })
        let raised = s.dependencies.effectiveMatrix[i, j] + 0.05
        let v = try Self.variant(["dependencies.matrix[\(i)][\(j)]=\(raised)"])
        for (t, d) in Self.differences(v, Self.baseline).enumerated() {
            #expect(d.diff >= -d.tol, "a[\(pair.0)][\(pair.1)], year \(t): Δ = \(d.diff), tolerance \(d.tol)")
            #expect(d.diff >= -Self.exactTolerance, "a[\(pair.0)][\(pair.1)], year \(t): Δ = \(d.diff) < 0")
        }
    }

    /// Stronger defence (vulnerability_decline 0.03 → 0.08) never raises mean risk, and lowers it
    /// beyond the tolerance in the last year (δ ratio (0.92/0.97)² ≈ 0.90; δ(0) = 1, so the start
    /// year is unchanged).
    @Test func strongerDefenceLowersRisk() throws {
        let v = try Self.variant(["scenario.defense.vulnerability_decline=0.08"])
        for (t, d) in Self.differences(v, Self.baseline).enumerated() {
            #expect(d.diff <= d.tol, "year \(t): Δ = \(d.diff), tolerance \(d.tol)")
            if t == Self.years - 1 { #expect(-d.diff > d.tol, "year \(t): Δ = \(d.diff) not below −tolerance \(d.tol)") }
        }
    }
}

/// The baseline's sector ids (test arguments).
private func baselineSectorIDs() -> [String] {
    try! ScenarioCatalog.loader.load(embedded: "baseline.yaml").sectors.map(\.id)
}
