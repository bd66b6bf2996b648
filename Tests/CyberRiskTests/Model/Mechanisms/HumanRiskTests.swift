import Foundation
import Testing
@testable import CyberRisk

/// Human risk (docs/model.md, "Metrics"):
/// `human_risk = ω_s·services_deprivation + ω_p·personal_compromise + ω_n·min(1, neural_compromise·harm_severity)`
/// with `ω` normalised to sum 1, and the `personal` dimension
/// `human_personal = ω_s·(Σ W r q/Σ W r) + ω_p·personal_compromise + ω_n·min(1, neural_compromise·harm)`.
///
/// Weights `(3, 1, 1)` normalise to `(0.6, 0.2, 0.2)`. Services come from attacks on two sectors
/// (zero matrix, so `E[q_i] = λ_i E[S]`), personal compromise is fixed, and implants have
/// `E[neural_compromise] = ν(t)` with `neural_compromise·harm` far below 1 (asserted), so
/// `E[human_risk]` is linear in the three parts and each formula holds trial by trial.
@Suite struct HumanRiskTests {
    static let (ws, wp, wn) = (0.6, 0.2, 0.2)
    static let harm = 0.5
    static let personalWeights = [1.0, 0.5]
    static let reliance = [1.0, 0.4]

    @Test func humanRiskAndThePersonalDimensionCombineTheirParts() throws {
        var f = MechanismFixture(sectors: 2, years: 3)
        f.attack(0, perYear: 40)
        f.attack(1, perYear: 60)
        for i in 0..<2 { f.scenario.sectors[i].populationReliance = Self.reliance[i] }
        f.scenario.humanSecurity = HumanSecurity(servicesWeight: 3, personalWeight: 1, neuralWeight: 1,
                                                 dimensions: [HumanDimension(name: "personal", sectorWeights: Self.personalWeights)])
        f.scenario.population = 1e9
        f.scenario.iot.personalShare = .fixed(0.1)
        f.scenario.iot.compromiseRate = .fixed(0.05)
        f.scenario.neural = NeuralScenario(users: GrowthCurve(initial: .fixed(1000), ceiling: .fixed(1e5), rate: .fixed(0.9)),
                                           compromiseProbability: .fixed(0.02), attackerElasticity: .fixed(0.5),
                                           harmSeverity: .fixed(Self.harm))
        let run = try f.run()
        let shock = [40.0, 60].map { $0 * ClosedForm.betaMean(0.5, 500) }
        let services = zip(Self.reliance, shock).map(*).reduce(0, +) / Self.reliance.reduce(0, +)
        let weighted = zip(Self.personalWeights, Self.reliance).map(*)
        let personalShare = zip(weighted, shock).map(*).reduce(0, +) / weighted.reduce(0, +)
        let personal = 1 - exp(-20 * 1e9 * 0.1 / 1e9 * 0.05)   // D = 20, δ = 1
        for t in 0..<3 {
            let users = ClosedForm.logistic(t, 1000, 1e5, 0.9)
            let nu = min(1, 0.02 * pow(users / 1000, 0.5))
            let neural = run.metric(.neuralCompromise, year: t)
            try #require(neural.max * Self.harm < 1, "the clamp min(1, ·) must not bind in this test")
            let human = run.metric(.humanRisk, year: t)
            ClosedForm.expectMean(human, equals: Self.ws * services + Self.wp * personal + Self.wn * Self.harm * nu,
                                  resolution: 0.005, "human_risk, year \(t)")
            let dimension = try #require(run.metric(named: "human_personal", year: t))
            ClosedForm.expectMean(dimension, equals: Self.ws * personalShare + Self.wp * personal + Self.wn * Self.harm * nu,
                                  resolution: 0.005, "human_personal, year \(t)")
            let parts = Self.wp * run.metric(.personalCompromise, year: t).mean + Self.wn * Self.harm * neural.mean
            ClosedForm.expectIdentity(human.mean, Self.ws * run.metric(.servicesDeprivation, year: t).mean + parts,
                                      "human_risk = ω·parts, year \(t)")
            let q = (0..<2).map { run.inoperability($0, year: t).mean }
            ClosedForm.expectIdentity(dimension.mean, Self.ws * zip(weighted, q).map(*).reduce(0, +) / weighted.reduce(0, +) + parts,
                                      "human_personal = ω·parts, year \(t)")
        }
    }
}
