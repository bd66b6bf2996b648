import Foundation
import Testing
@testable import CyberRisk

/// National weights and loss weights (docs/model.md, "Metrics"): `national_risk = Σ w_i q_i / Σ w_i`,
/// `economic_loss_usd_bn = Σ Y_i q_i`. With a zero matrix `E[q_i] = E[c_i] = d_i λ_i E[S_i]`, so
/// both means follow from the weights alone; and both hold trial by trial, so the metric means
/// equal the same weighted sums of the sectors' mean inoperability up to rounding.
@Suite struct LossWeightTests {
    static let criticality = [1.0, 3, 6]
    static let output = [100.0, 250, 40]
    static let rates = [40.0, 20, 60]

    @Test func nationalRiskAndLossAreTheWeightedShocks() throws {
        var f = MechanismFixture(sectors: 3, years: 2)
        for i in 0..<3 {
            f.attack(i, perYear: Self.rates[i])
            f.scenario.sectors[i].criticality = Self.criticality[i]
            f.scenario.sectors[i].outputUSDbn = Self.output[i]
        }
        let run = try f.run()
        let shock = Self.rates.map { $0 * ClosedForm.betaMean(0.5, 500) }
        let weightSum = Self.criticality.reduce(0, +)
        for t in 0..<2 {
            let national = run.metric(.nationalRisk, year: t), loss = run.metric(.economicLoss, year: t)
            ClosedForm.expectMean(national, equals: zip(Self.criticality, shock).map(*).reduce(0, +) / weightSum,
                                  resolution: 0.01, "national_risk, year \(t)")
            ClosedForm.expectMean(loss, equals: zip(Self.output, shock).map(*).reduce(0, +), resolution: 0.01,
                                  "economic_loss_usd_bn, year \(t)")
            let q = (0..<3).map { run.inoperability($0, year: t).mean }
            ClosedForm.expectIdentity(national.mean, zip(Self.criticality, q).map(*).reduce(0, +) / weightSum,
                                      "national_risk = Σ w q / Σ w, year \(t)")
            ClosedForm.expectIdentity(loss.mean, zip(Self.output, q).map(*).reduce(0, +), "loss = Σ Y q, year \(t)")
        }
    }
}
