import Foundation
import Testing
@testable import CyberRisk

/// Services and the UNDP dimensions (docs/model.md, "Metrics"):
/// `services_deprivation = Σ r_i q_i / Σ r_i` and `human_k = Σ_i W_ik r_i q_i / Σ_i W_ik r_i` for
/// each dimension `k` (the `personal` dimension, which also carries devices and implants, is
/// tested in `HumanRiskTests`). With a zero matrix `E[q_i] = λ_i E[S]`; every formula also holds
/// trial by trial, so each metric's mean equals its weighted sum of the sectors' means.
@Suite struct HumanDimensionTests {
    static let reliance = [1.0, 0.5, 0.2]
    static let rates = [40.0, 20, 60]
    static let dimensions = [HumanDimension(name: "economic", sectorWeights: [1, 0, 0.5]),
                             HumanDimension(name: "health", sectorWeights: [0, 1, 1]),
                             HumanDimension(name: "food", sectorWeights: [0.3, 0.3, 0.3])]

    /// `Σ v_i x_i / Σ v_i`.
    static func share(_ v: [Double], _ x: [Double]) -> Double {
        zip(v, x).map(*).reduce(0, +) / v.reduce(0, +)
    }

    @Test func servicesAndEachDimensionAreRelianceWeightedShares() throws {
        var f = MechanismFixture(sectors: 3, years: 2)
        for i in 0..<3 {
            f.attack(i, perYear: Self.rates[i])
            f.scenario.sectors[i].populationReliance = Self.reliance[i]
        }
        f.scenario.humanSecurity.dimensions = Self.dimensions
        let run = try f.run()
        let shock = Self.rates.map { $0 * ClosedForm.betaMean(0.5, 500) }
        for t in 0..<2 {
            let q = (0..<3).map { run.inoperability($0, year: t).mean }
            let services = run.metric(.servicesDeprivation, year: t)
            ClosedForm.expectMean(services, equals: Self.share(Self.reliance, shock), resolution: 0.01,
                                  "services_deprivation, year \(t)")
            ClosedForm.expectIdentity(services.mean, Self.share(Self.reliance, q), "services = Σ r q / Σ r, year \(t)")
            for d in Self.dimensions {
                let weights = zip(d.sectorWeights, Self.reliance).map(*)
                let s = try #require(run.metric(named: "human_\(d.name)", year: t))
                ClosedForm.expectMean(s, equals: Self.share(weights, shock), resolution: 0.015, "human_\(d.name), year \(t)")
                ClosedForm.expectIdentity(s.mean, Self.share(weights, q), "human_\(d.name) = Σ W r q / Σ W r, year \(t)")
            }
            // services only, as the fixture's human weights are (1, 0, 0).
            ClosedForm.expectIdentity(run.metric(.humanRisk, year: t).mean, services.mean, "human_risk = services, year \(t)")
        }
    }
}
