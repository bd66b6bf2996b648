import Foundation
import Testing
@testable import CyberRisk

/// Neural implants (docs/model.md, "Metrics"): `E[neural_implants_compromised] = U(t)·ν(t)` with
/// `ν(t) = min(1, compromise_probability·(U(t)/U(0))^{attacker_elasticity}·δ(t))`, and
/// `neural_compromise = implants/U(t)`, so `E[neural_compromise] = ν(t)`. Only the mean `U·ν` is
/// asserted, which a Poisson and a binomial count share; the tolerance is the run's own `se`.
@Suite struct NeuralImplantTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var probability: Double, elasticity: Double
        var testDescription: String { "p = \(probability), elasticity \(elasticity)" }
    }

    /// `U(t) = G(t; 1000, 10⁵, 0.9)`, decline 0.05. The second case saturates: `ν = 1` from the
    /// second year on (every user's implant is compromised).
    @Test(arguments: [Case(probability: 0.01, elasticity: 0.5), Case(probability: 0.5, elasticity: 1)])
    func compromisedImplantsAreUsersTimesTheRate(_ c: Case) throws {
        var f = MechanismFixture(sectors: 1, years: 5)
        f.scenario.neural = NeuralScenario(users: GrowthCurve(initial: .fixed(1000), ceiling: .fixed(1e5), rate: .fixed(0.9)),
                                           compromiseProbability: .fixed(c.probability),
                                           attackerElasticity: .fixed(c.elasticity), harmSeverity: .fixed(0.5))
        f.scenario.defense.vulnerabilityDecline = .fixed(0.05)
        let run = try f.run()
        for t in 0..<5 {
            let users = ClosedForm.logistic(t, 1000, 1e5, 0.9)
            let nu = min(1, c.probability * pow(users / 1000, c.elasticity) * pow(0.95, Double(t)))
            let implants = run.metric(.neuralImplantsCompromised, year: t)
            let share = run.metric(.neuralCompromise, year: t)
            if nu == 1 && implants.standardError == 0 {
                // A binomial count with ν = 1 is exactly U(t) (rounded to a whole user).
                #expect(abs(implants.mean - users) <= 1, "implants, year \(t): \(implants.mean) vs \(users)")
                continue
            }
            ClosedForm.expectMean(implants, equals: users * nu, resolution: 0.015, "implants, year \(t)")
            ClosedForm.expectMean(share, equals: nu, resolution: 0.015, "neural_compromise, year \(t)")
        }
    }
}
