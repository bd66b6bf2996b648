import Foundation
import Testing
@testable import CyberRisk

/// Personal devices (docs/model.md, "Metrics"): `personal_compromise = 1 − exp(−π(t)γ(t))` with
/// `π(t) = D(t)·10⁹·personal_share/P` devices per person and `γ(t) = compromise_rate·δ(t)`;
/// `iot_devices_compromised_m = D(t)·10³·personal_share·γ(t)` (millions).
@Suite struct PersonalCompromiseTests {
    static let population = 1e9
    static let share = 0.1

    static func fixture(rate: Parameter) -> MechanismFixture {
        var f = MechanismFixture(sectors: 1, trials: 16_384, years: 4)
        f.devices(initial: 20, ceiling: 80, rate: 0.2)
        f.scenario.population = population
        f.scenario.iot.personalShare = .fixed(share)
        f.scenario.iot.compromiseRate = rate
        f.scenario.defense.vulnerabilityDecline = .fixed(0.1)
        return f
    }

    /// `π(t)` and `δ(t)` of the fixture.
    static func devicesPerPerson(_ t: Int) -> (perPerson: Double, devices: Double, delta: Double) {
        let devices = ClosedForm.logistic(t, 20, 80, 0.2)
        return (devices * 1e9 * share / population, devices, pow(0.9, Double(t)))
    }

    /// With fixed inputs every trial has the same value, to rounding.
    @Test func fixedInputsGiveTheFormulaInEveryTrial() throws {
        let run = try Self.fixture(rate: .fixed(0.05)).run()
        for t in 0..<4 {
            let (pi, devices, delta) = Self.devicesPerPerson(t)
            let personal = run.metric(.personalCompromise, year: t)
            ClosedForm.expectIdentity(personal.min, 1 - exp(-pi * 0.05 * delta), "personal_compromise min, year \(t)")
            ClosedForm.expectIdentity(personal.max, 1 - exp(-pi * 0.05 * delta), "personal_compromise max, year \(t)")
            let iot = run.metric(.iotDevicesCompromised, year: t)
            ClosedForm.expectIdentity(iot.mean, devices * 1e3 * Self.share * 0.05 * delta, "iot_devices_compromised_m, year \(t)")
        }
    }

    /// `compromise_rate ~ U(a, b)`: `E[1 − e^{−kγ}] = 1 − (e^{−ka} − e^{−kb})/(k(b − a))` with
    /// `k = π(t)δ(t)`, and the compromised devices are linear in the rate.
    @Test func uncertainRateAveragesTheFormula() throws {
        let (a, b) = (0.02, 0.08)
        let run = try Self.fixture(rate: .uniform(lower: a, upper: b)).run()
        for t in 0..<4 {
            let (pi, devices, delta) = Self.devicesPerPerson(t)
            let k = pi * delta
            ClosedForm.expectMean(run.metric(.personalCompromise, year: t),
                                  equals: 1 - (exp(-k * a) - exp(-k * b)) / (k * (b - a)), resolution: 0.015,
                                  "personal_compromise, year \(t)")
            ClosedForm.expectMean(run.metric(.iotDevicesCompromised, year: t),
                                  equals: devices * 1e3 * Self.share * delta * (a + b) / 2, resolution: 0.015,
                                  "iot_devices_compromised_m, year \(t)")
        }
    }
}
