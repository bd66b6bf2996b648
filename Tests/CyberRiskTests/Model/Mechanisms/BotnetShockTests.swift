import Foundation
import Testing
@testable import CyberRisk

/// Systemic IoT-botnet events (docs/model.md, "Direct shocks", step 2):
/// `M ~ Poisson(events_per_bn_devices·D(t))`, each event hits sector `i` independently with
/// probability `p_i = min(1, sector_hit_probability·d_i(t))` with a `Beta(botnet.severity)` severity.
///
/// Hits on sector `i` are a thinned Poisson process, so with no attacks and no clamp
/// `E[c_i(t)] = d_i(t)·ε·D(t)·p_i(t)·α_b/(α_b + β_b)`.
@Suite struct BotnetShockTests {
    @Test func meanDirectShockFollowsTheBotnetRate() throws {
        var f = MechanismFixture(sectors: 3, years: 4)
        f.devices(initial: 20, ceiling: 60, rate: 0.4)
        f.scenario.botnet = BotnetScenario(eventsPerBnDevices: .fixed(2), sectorHitProbability: .fixed(1.2),
                                           severity: BetaShape(alpha: .fixed(1), beta: .fixed(500)))
        f.digital(0, initial: 0.3)
        f.digital(1, initial: 0.5, ceiling: 0.9, rate: 0.5)   // h·d crosses 1 in the third year
        f.digital(2, initial: 1)                               // h·d = 1.2: hit by every event
        let run = try f.run()
        for t in 0..<4 {
            let devices = ClosedForm.logistic(t, 20, 60, 0.4)
            for i in 0..<3 {
                let g = f.scenario.sectors[i].digital
                let d = ClosedForm.logistic(t, g.initial.mean, g.ceiling.mean, g.rate.mean)
                let expected = d * 2 * devices * min(1, 1.2 * d) * ClosedForm.betaMean(1, 500)
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
        f.scenario.botnet = BotnetScenario(eventsPerBnDevices: .fixed(1), sectorHitProbability: .fixed(0.5),
                                           severity: BetaShape(alpha: .fixed(1), beta: .fixed(500)))
        let run = try f.run()
        let expected = 0.6 * (30 * ClosedForm.betaMean(0.5, 500) + 1 * 20 * 0.5 * 0.6 * ClosedForm.betaMean(1, 500))
        for t in 0..<2 {
            ClosedForm.expectMean(run.directShock(0, year: t), equals: expected, resolution: 0.02, "c, year \(t)")
        }
    }
}
