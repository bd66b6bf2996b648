@testable import CyberRisk
@testable import CyberRiskSweep
import Foundation
import Testing

@Suite("Calibration: attack rates projected to the data years")
struct AttackRateProjectionTests {
    @Test func theBaselinesHealthcareRateBackToTheDataYears() throws {
        let p = AttackRateProjection(scenario: CalibrationFixtures.baseline)
        let i = CalibrationFixtures.baseline.sectors.firstIndex { $0.id == "healthcare_public_health" }!
        // λ(0) = E[PERT(373.5, 622.5, 1245)] · 0.1 = 684.75 · 0.1.
        #expect(Swift.abs(p.startRate(sector: i) - 68.475) < 1e-12)
        #expect(p.trend(sector: i, year: 2026) == 1)
        // 2023: t = −3; D(−3) = 77.1 / (1 + (77.1/25.2 − 1)·e^{0.615}), e = 0.6, δ(−3) = 0.97^{−3}.
        let devices = 77.1 / (1 + (77.1 / 25.2 - 1) * exp(0.205 * 3))
        let expected = pow(devices / 25.2, 0.6) * pow(0.97, -3)
        #expect(Swift.abs(p.trend(sector: i, year: 2023) - expected) < 1e-12)
        #expect(Swift.abs(expected - 0.8355) < 5e-4)   // fewer attacks before, partly offset by weaker defence
        #expect(Swift.abs(p.rate(sector: i, year: 2023) - 68.475 * expected) < 1e-12)
    }

    @Test func offlineSectorsHaveNoRateAndFullDefenceCannotRunBack() throws {
        let s = try CalibrationFixtures.loader.load(text: """
            sectors:
              - {id: energy, digital: {initial: 0}}
              - {id: dams}
            scenario: {defense: {vulnerability_decline: 1}}
            """)
        let p = AttackRateProjection(scenario: s)
        #expect(p.startRate(sector: 0) == 0 && p.rate(sector: 0, year: 2020) == 0)
        #expect(p.rate(sector: 1, year: 2020) == .infinity)
        #expect(p.rate(sector: 1, year: 2027) == 0)
    }
}
