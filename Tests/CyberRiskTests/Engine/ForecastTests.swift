import Foundation
import Testing
@_spi(Engine) @testable import CyberRisk

@Suite struct ForecastTests {
    static let threeSectors = [
        ScenarioFixtures.sector("power", digital: 0.6, attacks: 20, success: 0.1),
        ScenarioFixtures.sector("water", digital: 0.3, attacks: 5, success: 0.2),
        ScenarioFixtures.sector("banks", digital: 0.9, attacks: 40, success: 0.05),
    ]
    static let matrix: [Double] = [0.05, 0.1, 0, 0.3, 0, 0.05, 0.2, 0.1, 0.1]

    @Test func resultDoesNotDependOnThreadsOrShards() throws {
        let s = ScenarioFixtures.scenario(sectors: Self.threeSectors, matrix: Self.matrix, kappa: .uniform(lower: 0, upper: 0.5),
                                          trials: 5000, botnetEvents: 0.05)
        let one = try ScenarioFixtures.run(s, threads: 1)
        let two = try ScenarioFixtures.run(s, threads: 2)
        let three = try ScenarioFixtures.run(s, threads: 3)
        // Compared as Bools: a failing comparison of whole accumulators would print megabytes.
        let sameForTwo = one == two, sameForThree = one == three
        #expect(sameForTwo)
        #expect(sameForThree)
        var merged = try ScenarioFixtures.run(s, threads: 2, shard: Shard(index: 0, count: 3)!)
        merged.merge(try ScenarioFixtures.run(s, threads: 1, shard: Shard(index: 2, count: 3)!))
        merged.merge(try ScenarioFixtures.run(s, threads: 2, shard: Shard(index: 1, count: 3)!))
        let sameMerged = merged == one
        #expect(sameMerged)
        #expect(merged.trials == 5000)
        let a = ForecastTables(scenario: s, accumulator: one)
        let b = ForecastTables(scenario: s, accumulator: merged)
        #expect(a.summaryCSV == b.summaryCSV && a.sectorsCSV == b.sectorsCSV && a.exceedanceCSV == b.exceedanceCSV)
    }

    /// With tiny severities the clamps never bind, so E[c_i] = d_i·λ_i·E[S] with λ_i = attacks·success
    /// and E[S] = α/(α+β), and E[q] = (I − A)⁻¹E[c] exactly. The sample mean must lie within 4
    /// standard errors (two-sided p ≈ 6e−5 under the model).
    @Test func meanNationalRiskMatchesLeontiefOfExpectedShocks() throws {
        let s = ScenarioFixtures.scenario(sectors: Self.threeSectors, matrix: Self.matrix, trials: 20_000, years: 2)
        let acc = try ScenarioFixtures.run(s, threads: 2)
        let l = try #require(LinearAlgebra.leontiefInverse(Self.matrix, n: 3))
        let severity = 1.0 / 1001
        let expectedShock = Self.threeSectors.map { sec -> Double in
            sec.digital.initial.mean * sec.threat.attacksPerYear.mean * sec.threat.successProbability.mean * severity
        }
        var expectedQ = [0.0, 0.0, 0.0]
        for i in 0..<3 { for j in 0..<3 { expectedQ[i] += l[i * 3 + j] * expectedShock[j] } }
        let tables = ForecastTables(scenario: s, accumulator: acc)
        let national = tables.summary(year: 1, metric: MetricSet.Core.nationalRisk.rawValue)
        #expect(abs(national.mean - expectedQ.reduce(0, +) / 3) <= 4 * national.standardError)
        let loss = tables.summary(year: 0, metric: MetricSet.Core.economicLoss.rawValue)
        #expect(abs(loss.mean - 100 * expectedQ.reduce(0, +)) <= 4 * loss.standardError)
        for i in 0..<3 {
            let shock = acc.directShock[i]
            #expect(abs(shock.mean - expectedShock[i]) <= 4 * shock.standardError)
        }
    }

    /// A sector that runs without cyberspace (d = 0) and depends on nothing takes no inoperability,
    /// however hard it is attacked.
    @Test func offlineIndependentSectorIsNeverDisrupted() throws {
        var sectors = Self.threeSectors
        sectors.append(ScenarioFixtures.sector("paper", digital: 0, attacks: 1e6, success: 1, alpha: 5, beta: 1))
        var m = [Double](repeating: 0, count: 16)
        for i in 0..<3 { for j in 0..<3 { m[i * 4 + j] = Self.matrix[i * 3 + j] } }
        m[0 * 4 + 3] = 0.2   // others may depend on it; it depends on nobody
        let s = ScenarioFixtures.scenario(sectors: sectors, matrix: m, kappa: .fixed(0.5), trials: 2000, botnetEvents: 1)
        let acc = try ScenarioFixtures.run(s)
        for t in 0..<s.horizonYears {
            #expect(acc.inoperability[t * 4 + 3].max == 0)
            #expect(acc.directShock[t * 4 + 3].max == 0)
        }
    }

    /// The security paradox, draw by draw: raising every sector's digital dependence never lowers
    /// mean national risk for a fixed seed (common random numbers make it hold per trial).
    @Test(arguments: [CascadeMode.linear, .saturating])
    func moreDigitalNeverLowersNationalRisk(mode: CascadeMode) throws {
        var previous = -1.0
        for level in [0.0, 0.2, 0.4, 0.6, 0.8, 1.0] {
            let sectors = Self.threeSectors.map { sec -> Sector in
                var s = sec
                s.digital = GrowthCurve(initial: .fixed(level), ceiling: .fixed(level), rate: .fixed(0))
                s.severity = .beta(BetaShape(alpha: .fixed(0.5), beta: .fixed(5)))
                return s
            }
            let s = ScenarioFixtures.scenario(sectors: sectors, matrix: Self.matrix, kappa: .fixed(0.5), mode: mode,
                                              trials: 3000, botnetEvents: 0.05)
            let tables = ForecastTables(scenario: s, accumulator: try ScenarioFixtures.run(s, threads: 2))
            let mean = tables.summary(year: 2, metric: MetricSet.Core.nationalRisk.rawValue).mean
            #expect(mean >= previous, "level \(level): \(mean) < \(previous)")
            if level > 0 { #expect(mean > 0) }
            previous = mean
        }
    }

    /// Personal compromise has no randomness when its inputs are fixed: every trial gives
    /// 1 − exp(−π γ) with π = D·1e9·share/population, γ = rate·δ.
    @Test func personalCompromiseFollowsItsFormula() throws {
        let s = ScenarioFixtures.scenario(sectors: Self.threeSectors, trials: 1500, years: 4, decline: 0.1)
        let tables = ForecastTables(scenario: s, accumulator: try ScenarioFixtures.run(s))
        for t in 0..<4 {
            let devices = GrowthCurve.value(at: Double(t), initial: 20, ceiling: 80, rate: 0.2)
            let gamma = 0.002 * pow(0.9, Double(t))
            let expected = 1 - exp(-devices * 1e9 * 0.5 / 1_000_000 * gamma)
            let p = tables.summary(year: t, metric: MetricSet.Core.personalCompromise.rawValue)
            #expect(abs(p.mean - expected) <= 1e-12 * expected)
            #expect(p.min == p.max)
            let iot = tables.summary(year: t, metric: MetricSet.Core.iotDevicesCompromised.rawValue)
            #expect(abs(iot.mean - devices * 1e3 * 0.5 * gamma) <= 1e-9 * iot.mean)
        }
    }

    /// Compromised implants are Poisson(U(t)·ν(t)): the mean within 4 standard errors.
    @Test func neuralImplantCompromiseHasPoissonMean() throws {
        let s = ScenarioFixtures.scenario(sectors: Self.threeSectors, trials: 4000, years: 3)
        let tables = ForecastTables(scenario: s, accumulator: try ScenarioFixtures.run(s, threads: 2))
        for t in 0..<3 {
            let users = GrowthCurve.value(at: Double(t), initial: 100, ceiling: 10_000, rate: 0.9)
            let nu = min(1, 0.01 * pow(users / 100, 0.5))
            let n = tables.summary(year: t, metric: MetricSet.Core.neuralImplantsCompromised.rawValue)
            #expect(abs(n.mean - users * nu) <= 4 * (users * nu / 4000).squareRoot())
        }
    }

    @Test func shardsPartitionTheBlocks() {
        for total in [0, 1, 5, 97, 1000] {
            for count in 1...7 {
                var covered: [Int] = []
                for i in 0..<count { covered += Array(Shard(index: i, count: count)!.blocks(of: total)) }
                #expect(covered == Array(0..<total))
            }
        }
        #expect(Shard(parsing: "3/8") == Shard(index: 3, count: 8))
        #expect(Shard(parsing: "8/8") == nil)
        #expect(Shard(parsing: "-1/2") == nil)
        #expect(Shard(parsing: "1") == nil)
    }
}
