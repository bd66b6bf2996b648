@testable import CyberRisk
import Foundation
import Testing

@Suite("Recovery (DIIM resilience)")
struct RecoveryTests {
    /// Lian & Haimes (2006): k = ln(100)/(τ(1 − a_ii)); with no input the sector then falls to
    /// 1 % of its initial inoperability in τ days (to first order in k).
    @Test func daysConvertToResilience() {
        let k = Recovery.resilience(days: 30, selfDependence: 0.15)
        #expect(abs(k - Foundation.log(100) / (30 * 0.85)) < 1e-15)
        // In continuous time, e^{−k(1 − a_ii)τ} = 1 % exactly; the daily steps recover a little
        // faster, (1 − k(1 − a_ii))^τ ≤ e^{−k(1 − a_ii)τ}.
        #expect(abs(Foundation.exp(-k * 0.85 * 30) - 0.01) < 1e-15)
        let left = Foundation.pow(1 - k * 0.85, 30)
        #expect(left < 0.01 && left > 0.005)
        #expect(Recovery.resilience(days: 1, selfDependence: 0) == 1)   // ln 100 > 1: capped
        #expect(Recovery.days(.fixed(30)).resilience(value: 30, selfDependence: 0.15) == k)
        #expect(Recovery.resilience(.fixed(0.4)).resilience(value: 0.4, selfDependence: 0.9) == 0.4)
    }

    @Test func baselineShipsRecoveryForEverySector() throws {
        let s = try ConfigFixtures.loader().load(embedded: "baseline.yaml")
        let energy = try #require(s.sectors.first { $0.id == "energy" })
        #expect(energy.recovery == .days(.fixed(6)))
        let health = try #require(s.sectors.first { $0.id == "healthcare_public_health" })
        #expect(health.recovery == .days(.pert(lower: 14, mode: 21, upper: 42)))
        #expect(s.sectors.allSatisfy { $0.recovery.parameter.lowerBound > 0 })
    }

    @Test func givenRecoveryReplacesTheDefaultWhole() throws {
        let s = try ConfigFixtures.loader().load(text: "sectors: [{id: energy, recovery: {resilience: 0.5}}, {id: generic_one}]\n"
                                                 + "dependencies: {matrix: [[0.1, 0], [0, 0]]}\n")
        #expect(s.sectors[0].recovery == .resilience(.fixed(0.5)))
        #expect(s.sectors[1].recovery == Recovery.generic)
        let uncertain = try ConfigFixtures.loader().load(text: "sectors: [{id: energy, recovery: {days: {uniform: [2, 9]}}}]\n"
                                                         + "dependencies: {matrix: [[0.1]]}\n")
        #expect(uncertain.sectors[0].recovery == .days(.uniform(lower: 2, upper: 9)))
    }

    @Test func durationDaysAndTheDynamicModeDecodeAndRoundTrip() throws {
        let loader = ConfigFixtures.loader()
        let s = try loader.load(text: "cascade: {mode: dynamic}\n"
                                + "sectors: [{id: government_facilities, threat: {duration_days: 21}}, {id: energy}]\n"
                                + "events: [{id: campaign, frequency: 1, footprint: {energy: 0.5}, severity: {alpha: 1, beta: 100}, duration_days: 2}]\n")
        #expect(s.cascade.mode == .dynamic && s.events[0].durationDays == 2)
        #expect(s.sectors[0].threat.durationDays == 21 && s.sectors[1].threat.durationDays == 0)
        let yaml = ScenarioEncoder.yaml(s)
        #expect(yaml.contains("duration_days: 21") && !yaml.contains("duration_days: 0"))
        #expect(try loader.load(text: yaml) == s)
    }

    @Test func resolvedDumpRoundTrips() throws {
        let loader = ConfigFixtures.loader()
        let s = try loader.load(text: "sectors: [{id: energy, recovery: {resilience: {pert: [0.2, 0.5, 1]}}}]\n"
                                + "dependencies: {matrix: [[0.1]]}\n")
        let again = try loader.load(text: ScenarioEncoder.yaml(s))
        #expect(again.sectors[0].recovery == s.sectors[0].recovery)
    }

    static let broken: [BrokenConfig] = [
        .init("sectors: [{id: energy, recovery: {resilience: 0}}]\n", "sectors[0].recovery.resilience", "must be in (0, 1], found 0"),
        .init("sectors: [{id: energy, recovery: {resilience: 1.5}}]\n", "sectors[0].recovery.resilience", "must be in (0, 1], found 1.5"),
        .init("sectors: [{id: energy, recovery: {resilience: {uniform: [0.5, 2]}}}]\n", "sectors[0].recovery.resilience", "every draw must be in (0, 1]"),
        .init("sectors: [{id: energy, recovery: {days: 0}}]\n", "sectors[0].recovery.days", "must be > 0, found 0"),
        .init("sectors: [{id: energy, recovery: {days: -3}}]\n", "sectors[0].recovery.days", "must be > 0"),
        .init("sectors: [{id: energy, recovery: {weeks: 3}}]\n", "sectors[0].recovery.weeks", "unknown field 'weeks'"),
        .init("sectors: [{id: energy, recovery: {}}]\n", "sectors[0].recovery", "expected resilience"),
        .init("sectors: [{id: energy, recovery: 5}]\n", "sectors[0].recovery", "expected a mapping"),
        .init("sectors: [{id: energy, threat: {duration_days: -1}}]\n", "sectors[0].threat.duration_days", "must be in 0…36500, found -1"),
        .init("sectors: [{id: energy, threat: {duration_days: 2.5}}]\n", "sectors[0].threat.duration_days", "must be an integer"),
        .init("events: [{id: x, frequency: 1, footprint: {energy: 0.5}, severity: {alpha: 1, beta: 100}, duration_days: -3}]\n",
              "events[0].duration_days", "must be in 0…36500, found -3"),
        .init("cascade: {mode: dynamik}\n", "cascade.mode", "did you mean 'dynamic'?"),
    ]

    @Test(arguments: broken)
    func badRecoveryNamesTheField(_ c: BrokenConfig) {
        let error = configError { try ConfigFixtures.loader().load(text: c.yaml) }
        expectIssue(error, path: c.path, c.phrase)
    }

    @Test func bothAlternativesAreRefused() {
        // A layer giving both in one mapping (replacing the default whole keeps both).
        let error = configError {
            try ConfigFixtures.loader().load(text: "sectors: [{id: energy, recovery: {days: 3, resilience: 0.5}}]\n")
        }
        expectIssue(error, path: "sectors[0].recovery.days", "either resilience or days")
    }
}
