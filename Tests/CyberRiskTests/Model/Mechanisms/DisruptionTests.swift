import Foundation
import Testing
@testable import CyberRisk

/// Disruption (docs/model.md, "Metrics"): `p_disrupted_i = P(q_i ≥ failure_threshold)` and
/// `sectors_disrupted = #{i : q_i ≥ failure_threshold}`.
///
/// Sector 0 is attacked with `K ~ Poisson(λ)` severities `Beta(1, 1)` (uniform) and `d = 1`, so
/// `q_0 = min(1, U_1 + … + U_K)`; sector 1 is never attacked and depends on it, `a_10 = 0.5`, so
/// `q_1 = q_0/2`. For `x ≤ 1` the Irwin–Hall CDF is `P(U_1 + … + U_k < x) = x^k/k!`, hence
///
///     P(q_0 ≥ θ) = 1 − Σ_k P(K = k)·θ^k/k!,      P(q_1 ≥ θ) = P(q_0 ≥ 2θ)     (θ, 2θ ≤ 1),
///
/// and `E[sectors_disrupted] = P(q_0 ≥ θ) + P(q_1 ≥ θ)`. Standard errors are binomial.
@Suite struct DisruptionTests {
    static let lambda = 1.2, threshold = 0.3

    static func probabilityAtLeast(_ x: Double) -> Double {
        1 - (0..<60).reduce(0) { $0 + ClosedForm.poisson($1, mean: lambda) * pow(x, Double($1)) / exp(lgamma(Double($1) + 1)) }
    }

    @Test func disruptionProbabilityFollowsTheShockDistribution() throws {
        var f = MechanismFixture(sectors: 2, trials: 65_536, years: 2)
        f.attack(0, perYear: Self.lambda, severity: (1, 1))
        f.dependencies([[0, 0], [0.5, 0]])
        f.scenario.cascade.failureThreshold = Self.threshold
        let run = try f.run()
        let expected = [Self.probabilityAtLeast(Self.threshold), Self.probabilityAtLeast(2 * Self.threshold)]
        for t in 0..<2 {
            for i in 0..<2 {
                let p = run.disrupted(i, year: t)
                ClosedForm.expectMean(p.mean, standardError: p.standardError, equals: expected[i], resolution: 0.03,
                                      "p_disrupted[\(i)], year \(t)")
            }
            let count = run.metric(.sectorsDisrupted, year: t)
            ClosedForm.expectMean(count, equals: expected.reduce(0, +), resolution: 0.02, "sectors_disrupted, year \(t)")
            ClosedForm.expectIdentity(count.mean, run.disrupted(0, year: t).mean + run.disrupted(1, year: t).mean,
                                      "sectors_disrupted = Σ p_disrupted, year \(t)")
        }
    }
}
