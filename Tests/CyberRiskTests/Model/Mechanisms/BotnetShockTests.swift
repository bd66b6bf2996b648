import Foundation
import Testing
@testable import CyberRisk

/// Systemic IoT-botnet events, the catalogue's class `iot_botnet` (docs/model.md, "Direct shocks",
/// step 2): `M ~ Poisson(ε·D(0)·D(t)/D(0))` (`frequency = ε·D(0)`, `iot_elasticity` 1), each event
/// hits sector `i` independently with probability `p_i = min(1, footprint·d_i(t))` with its own
/// `Beta(α_b, β_b)` severity (`common_factor: 0`).
///
/// Hits on sector `i` are a thinned Poisson process, so with no attacks and no clamp
/// `E[c_i(t)] = d_i(t)·ε·D(t)·p_i(t)·α_b/(α_b + β_b)`.
@Suite struct BotnetShockTests {
    @Test func meanDirectShockFollowsTheBotnetRate() throws {
        var f = MechanismFixture(sectors: 3, years: 4)
        f.devices(initial: 20, ceiling: 60, rate: 0.4)
        f.botnet(eventsPerBnDevices: 2, hit: 1, severity: (1, 500))
        f.digital(0, initial: 0.3)
        f.digital(1, initial: 0.5, ceiling: 0.9, rate: 0.5)
        f.digital(2, initial: 1)                               // p·d = 1: hit by every event
        let run = try f.run()
        for t in 0..<4 {
            let devices = ClosedForm.logistic(t, 20, 60, 0.4)
            for i in 0..<3 {
                let g = f.scenario.sectors[i].digital
                let d = ClosedForm.logistic(t, g.initial.mean, g.ceiling.mean, g.rate.mean)
                let expected = d * 2 * devices * min(1, d) * ClosedForm.betaMean(1, 500)
                ClosedForm.expectMean(run.directShock(i, year: t), equals: expected, resolution: 0.02,
                                      "botnet c[\(i)], year \(t)")
            }
        }
    }

    /// Attacks and botnet hits add up in the same severity sum: `E[c] = d·(λE[S] + εD·p·E[S_b])`.
    @Test func attacksAndBotnetHitsAdd() throws {
        var f = MechanismFixture(sectors: 1, years: 2)
        f.attack(0, perYear: 30, severity: (0.5, 500))
        f.digital(0, initial: 0.6)
        f.botnet(eventsPerBnDevices: 1, hit: 0.5, severity: (1, 500))
        let run = try f.run()
        let expected = 0.6 * (30 * ClosedForm.betaMean(0.5, 500) + 1 * 20 * 0.5 * 0.6 * ClosedForm.betaMean(1, 500))
        for t in 0..<2 {
            ClosedForm.expectMean(run.directShock(0, year: t), equals: expected, resolution: 0.02, "c, year \(t)")
        }
    }
}
