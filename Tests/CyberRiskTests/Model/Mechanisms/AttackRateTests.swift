import Foundation
import Testing
@testable import CyberRisk

/// Successful attacks (docs/model.md, "Direct shocks", step 1):
/// `K_i ~ Poisson(λ_i)`, `λ_i(t) = attacks_per_year·(D(t)/D(0))^{iot_elasticity}·success_probability·δ(t)`,
/// `δ(t) = (1 − vulnerability_decline)^t`, severities `Beta(α_i, β_i)`, `c_i = min(1, d_i·ΣS)`.
///
/// With no botnet and `d_i·ΣS` far below 1 the clamp never binds, so
/// `E[c_i(t)] = d_i(t)·λ_i(t)·α_i/(α_i + β_i)` exactly; with a zero matrix `q = c`.
@Suite struct AttackRateTests {
    /// IoT growth `D(t) = G(t; 20, 80, 0.3)`, decline 0.08, three sectors: no elasticity, elasticity
    /// 1.5 with a growing `d_i`, and elasticity 0.7 with `Beta(2, 2000)` severities (drawn term by
    /// term; the others go through `BetaSum`'s chunks).
    static func fixture() -> MechanismFixture {
        var f = MechanismFixture(sectors: 3, years: 5)
        f.devices(initial: 20, ceiling: 80, rate: 0.3)
        f.scenario.defense.vulnerabilityDecline = .fixed(0.08)
        f.attack(0, perYear: 40, success: 0.5)
        f.attack(1, perYear: 25, success: 0.8, elasticity: 1.5)
        f.digital(1, initial: 0.4, ceiling: 0.9, rate: 0.6)
        f.attack(2, perYear: 60, success: 0.3, elasticity: 0.7, severity: (2, 2000))
        f.digital(2, initial: 0.7)
        return f
    }

    /// `E[c_i(t)]` from the equations.
    static func expectedShock(_ s: Scenario, sector i: Int, year t: Int) -> Double {
        let sec = s.sectors[i]
        let d = ClosedForm.logistic(t, sec.digital.initial.mean, sec.digital.ceiling.mean, sec.digital.rate.mean)
        let devices = s.iot.devices
        let ratio = ClosedForm.logistic(t, devices.initial.mean, devices.ceiling.mean, devices.rate.mean) / devices.initial.mean
        let delta = pow(1 - s.defense.vulnerabilityDecline.mean, Double(t))
        let lambda = sec.threat.attacksPerYear.mean * pow(ratio, sec.threat.iotElasticity.mean)
            * sec.threat.successProbability.mean * delta
        guard case .beta(let shape) = sec.severity else { preconditionFailure("the fixture's severities are Beta") }
        return d * lambda * ClosedForm.betaMean(shape.alpha.mean, shape.beta.mean)
    }

    @Test func meanDirectShockFollowsTheAttackRate() throws {
        let f = Self.fixture()
        let run = try f.run()
        for t in 0..<f.scenario.horizonYears {
            for i in 0..<3 {
                let expected = Self.expectedShock(f.scenario, sector: i, year: t)
                ClosedForm.expectMean(run.directShock(i, year: t), equals: expected, resolution: 0.02,
                                      "c[\(i)], year \(t)")
                // No dependencies: inoperability is the direct shock, trial by trial.
                ClosedForm.expectIdentity(run.inoperability(i, year: t).mean, run.directShock(i, year: t).mean,
                                          "q[\(i)] = c[\(i)], year \(t)")
            }
        }
    }

    /// An uncertain rate drawn once per trial: `attacks_per_year ~ U(10, 70)` gives
    /// `E[c] = d·E[attacks]·success·E[S]`, the rate being linear in it.
    @Test func uncertainAttackRateEntersThroughItsMean() throws {
        var f = MechanismFixture(sectors: 1, years: 2)
        f.attack(0, perYear: 40, success: 0.5)
        f.scenario.sectors[0].threat.attacksPerYear = .uniform(lower: 10, upper: 70)
        let run = try f.run()
        for t in 0..<2 {
            ClosedForm.expectMean(run.directShock(0, year: t), equals: 40 * 0.5 * ClosedForm.betaMean(0.5, 500),
                                  resolution: 0.02, "c, year \(t)")
        }
    }
}
