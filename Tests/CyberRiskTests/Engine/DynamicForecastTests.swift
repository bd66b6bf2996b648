import Foundation
import Testing
@testable import CyberRisk

/// `cascade.mode: dynamic` in the forecast: the outage mapping, the trial-year kernel against the
/// dynamic stress test, the year-end cut, thread and shard invariance, and the consistency of the
/// annual mean with the static mode's.
@Suite struct DynamicForecastTests {
    static let matrix: [Double] = [0.05, 0.1, 0, 0.3, 0, 0.05, 0.2, 0.1, 0.1]

    static func sectors(_ recovery: [Recovery], beta: Double = 10_000) -> [Sector] {
        var s = [
            ScenarioFixtures.sector("power", digital: 0.6, attacks: 20, success: 0.1, beta: beta),
            ScenarioFixtures.sector("water", digital: 0.3, attacks: 5, success: 0.2, beta: beta),
            ScenarioFixtures.sector("banks", digital: 0.9, attacks: 40, success: 0.05, beta: beta),
        ]
        for i in s.indices { s[i].recovery = recovery[i] }
        return s
    }

    @Test func severityBecomesADeeperOrLongerOutageNeverAClippedOne() throws {
        // L = 365·s sector-days: one day at L when L ≤ 1 …
        let small = try #require(Outage.from(sector: 2, day: 40, share: 0.5 / 365, durationDays: 0))
        #expect(small == Outage(sector: 2, start: 40, days: 1, level: 0.5))
        // … ⌈L⌉ days at L/⌈L⌉ beyond (3.65 sector-days: 4 days at 0.9125) …
        let severe = try #require(Outage.from(sector: 0, day: 3, share: 0.01, durationDays: 0))
        #expect(severe.days == 4 && abs(severe.level * 4 - 3.65) < 1e-12)
        // … a campaign holds L/D for D days, or longer at level 1 when L > D.
        let campaign = try #require(Outage.from(sector: 1, day: 100, share: 0.01, durationDays: 21))
        #expect(campaign.days == 21 && abs(campaign.level * 21 - 3.65) < 1e-12)
        let heavy = try #require(Outage.from(sector: 1, day: 100, share: 0.2, durationDays: 21))
        #expect(heavy.days == 73 && abs(heavy.level - 1) < 1e-12)
        #expect(Outage.from(sector: 0, day: 0, share: 0, durationDays: 5) == nil)
    }

    /// One outage from day 0 is exactly `stress --dynamic` with that shock held for its days.
    @Test func kernelMatchesTheDynamicStressTest() throws {
        let s = ScenarioFixtures.scenario(sectors: Self.sectors([.days(.fixed(12)), .resilience(.fixed(0.4)), .days(.fixed(5))]),
                                          matrix: Self.matrix)
        let stress = try DynamicStressTest(scenario: s, year: 2026, shocks: ["water": 0.7], shockDays: 6, days: 365)
        var w = DynamicYear.Workspace(sectors: 3)
        var mean = [Double](repeating: 0, count: 3), peak = mean, days = mean, total = mean
        let outages = [Outage(sector: 1, start: 0, days: 6, level: 0.7)]
        stress.matrix.withUnsafeBufferPointer { a in
            stress.resilience.withUnsafeBufferPointer { k in
                DynamicYear.simulate(outages: outages[...], matrix: a.baseAddress!, resilience: k.baseAddress!,
                                     threshold: s.cascade.failureThreshold, n: 3, workspace: &w,
                                     mean: &mean, peak: &peak, disrupted: &days, total: &total)
            }
        }
        #expect(peak == stress.peak && total == stress.inoperabilityDays)
        #expect(days == stress.daysDisrupted.map(Double.init))
        #expect(zip(mean, total).allSatisfy { $0 == $1 / 365 })
    }

    /// Whatever follows 31 December is cut: a shock on day 364 shows nowhere; one on day 360
    /// counts days 361…364 only.
    @Test func outagesEndAtTheYearsEnd() throws {
        let a: [Double] = [0.1, 0, 0, 0.2]
        let k: [Double] = [0.1, 0.1]
        var w = DynamicYear.Workspace(sectors: 2)
        var mean = [0.0, 0], peak = mean, days = mean, total = mean
        func run(_ outages: [Outage]) {
            DynamicYear.simulate(outages: outages[...], matrix: a, resilience: k, threshold: 0.01, n: 2, workspace: &w,
                                 mean: &mean, peak: &peak, disrupted: &days, total: &total)
        }
        run([Outage(sector: 0, start: 364, days: 30, level: 1)])
        #expect(total == [0, 0] && peak == [0, 0])
        run([Outage(sector: 0, start: 360, days: 1, level: 1)])
        // q(361) = k·1 = 0.1, then ×(1 − k(1 − a₀₀)) = 0.91 a day.
        let expected = (0..<4).reduce(0.0) { $0 + 0.1 * pow(0.91, Double($1)) }
        #expect(abs(total[0] - expected) < 1e-15 && days[0] == 4 && total[1] == 0)
    }

    @Test func resultDoesNotDependOnThreadsOrShards() throws {
        var s = ScenarioFixtures.scenario(sectors: Self.sectors([.days(.pert(lower: 5, mode: 10, upper: 30)),
                                                                 .resilience(.fixed(0.3)), .days(.fixed(4))], beta: 200),
                                          matrix: Self.matrix, kappa: .uniform(lower: 0, upper: 0.5), mode: .dynamic,
                                          trials: 2500, years: 2, botnetEvents: 0.05)
        s.events[0].durationDays = 3
        s.sectors[1].threat.durationDays = 10
        let one = try ScenarioFixtures.run(s, threads: 1)
        let two = try ScenarioFixtures.run(s, threads: 2)
        let sameForTwo = one == two
        #expect(sameForTwo)
        var merged = try ScenarioFixtures.run(s, threads: 2, shard: Shard(index: 0, count: 3)!)
        merged.merge(try ScenarioFixtures.run(s, threads: 1, shard: Shard(index: 2, count: 3)!))
        merged.merge(try ScenarioFixtures.run(s, threads: 2, shard: Shard(index: 1, count: 3)!))
        let sameMerged = merged == one
        #expect(sameMerged)
        let a = ForecastTables(scenario: s, accumulator: one), b = ForecastTables(scenario: s, accumulator: merged)
        #expect(a.summaryCSV == b.summaryCSV && a.sectorsCSV == b.sectorsCSV)
        #expect(a.summaryCSV.contains(",outage_days,") && a.summaryCSV.contains(",person_days_without_service,"))
    }

    /// A dynamic scenario has its own metrics: compare refuses to pair it with a static one, naming
    /// the field.
    @Test func compareRefusesToMixTheModes() {
        let base = ScenarioFixtures.scenario(sectors: Self.sectors([.days(.fixed(9)), .days(.fixed(9)), .days(.fixed(9))]),
                                             matrix: Self.matrix)
        var other = base
        other.name = "dynamic"
        other.cascade.mode = .dynamic
        #expect(throws: ComparisonError.incompatible(scenario: "dynamic", base: "fixture", field: "cascade.mode",
                                                     value: "dynamic", baseValue: "linear")) {
            try Comparison.check(other, against: base)
        }
    }

    /// The days-disrupted series travel in the state only in the dynamic mode (a static state's
    /// bytes are unchanged) and read back exactly; a truncated tail is refused.
    @Test func daysDisruptedSurviveTheStateFormat() throws {
        var s = ScenarioFixtures.scenario(sectors: Self.sectors([.days(.fixed(9)), .days(.fixed(9)), .days(.fixed(9))], beta: 300),
                                          matrix: Self.matrix, mode: .dynamic, trials: 1024, years: 2)
        let dynamic = try ScenarioFixtures.run(s)
        #expect(!dynamic.daysDisrupted.isEmpty && dynamic.daysDisrupted[0].count == 1024)
        var w = ByteWriter()
        dynamic.write(to: &w)
        var r = ByteReader(w.bytes)
        let back = try ForecastAccumulator(from: &r, years: 2, metricCount: dynamic.metricCount, sectorCount: 3)
        #expect(back == dynamic && r.isAtEnd)
        var cut = ByteReader(Array(w.bytes.dropLast(40)))
        #expect(throws: (any Error).self) { try ForecastAccumulator(from: &cut, years: 2, metricCount: dynamic.metricCount, sectorCount: 3) }
        s.cascade.mode = .linear
        let linear = try ScenarioFixtures.run(s)
        #expect(linear.daysDisrupted.isEmpty)
        var lw = ByteWriter()
        linear.write(to: &lw)
        var lr = ByteReader(lw.bytes)
        _ = try ForecastAccumulator(from: &lr, years: 2, metricCount: linear.metricCount, sectorCount: 3)
        #expect(lr.isAtEnd)
    }

    /// The static IIM is the time integral of the dynamic one. Without clamping (tiny severities),
    /// an outage's inoperability-days are `(I − A)⁻¹ L` less what follows 31 December; for a day
    /// uniform over the year the expected cut is `(I − M)⁻¹/365` of the whole, so
    /// `E[q̄_dynamic] = (I − (I − M)⁻¹/365) E[q̄_static]`, `M = I − K(I − A)`. The two runs share the
    /// attack counts, not the severities: each sector-year mean must agree within 4 combined
    /// standard errors. With k = 1 the cut is about 0.4 % of the mean (the outages end within days);
    /// with recovery times of 20–40 days it is 2–5 %, below these runs' resolution (8,192 trials):
    /// the deterministic cut is `outagesEndAtTheYearsEnd`'s.
    @Test(arguments: [[Recovery.resilience(.fixed(1)), .resilience(.fixed(1)), .resilience(.fixed(1))],
                      [.days(.fixed(20)), .days(.fixed(40)), .days(.fixed(30))]])
    func annualMeanMatchesTheStaticMode(_ recovery: [Recovery]) throws {
        let sectors = Self.sectors(recovery)
        let linear = ScenarioFixtures.scenario(sectors: sectors, matrix: Self.matrix, trials: 8192, years: 2)
        var dynamic = linear
        dynamic.cascade.mode = .dynamic
        let staticRun = try ScenarioFixtures.run(linear, threads: 2)
        let dynamicRun = try ScenarioFixtures.run(dynamic, threads: 2)
        let k = (0..<3).map { sectors[$0].recovery.resilience(value: sectors[$0].recovery.parameter.mean,
                                                                 selfDependence: Self.matrix[$0 * 4]) }
        let m = DynamicCascade.transition(matrix: Self.matrix, resilience: k)
        var iMinusM = m.map { -$0 }
        for i in 0..<3 { iMinusM[i * 4] += 1 }
        let g = try #require(LinearAlgebra.inverse(iMinusM, n: 3))
        for t in 0..<2 {
            let sm = (0..<3).map { staticRun.inoperability[t * 3 + $0].mean }
            for i in 0..<3 {
                let cut = (0..<3).reduce(0.0) { $0 + g[i * 3 + $1] * sm[$1] } / 365
                let expected = sm[i] - cut
                let ds = dynamicRun.inoperability[t * 3 + i], ss = staticRun.inoperability[t * 3 + i]
                let se = (ds.variance / Double(ds.count) + ss.variance / Double(ss.count)).squareRoot()
                #expect(abs(ds.mean - expected) < 4 * se, "year \(t), sector \(i): dynamic \(ds.mean), static \(sm[i]), cut \(cut), se \(se)")
            }
        }
    }
}
