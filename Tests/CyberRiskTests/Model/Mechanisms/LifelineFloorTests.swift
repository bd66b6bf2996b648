import Foundation
import Testing
@testable import CyberRisk

/// Lifeline floors (`dependencies.lifeline_overlay`; `Dependencies.effectiveMatrix`): with the
/// overlay on, the base matrix is `a_ij = max(a_economic_ij, floor_j)` for every `i ≠ j`, the
/// diagonal untouched.
///
/// Only sector 0 is attacked; the economic matrix has `a_00 = 0.1`, `a_10 = 0.3`, `a_20 = 0.05`,
/// floors `(0.2, 0.1, 0)`. With the overlay the effective entries are `a_10 = 0.3` (above its
/// floor), `a_20 = 0.2`, `a_01 = a_21 = 0.1`, and by hand
/// `q_0 = c_0/(1 − 0.1 − 0.1·0.3) = c_0/0.87`, `q_1 = 0.3 q_0`, `q_2 = (0.2 + 0.1·0.3) q_0 = 0.23 q_0`;
/// without it `q_0 = c_0/0.9`, `q_1 = 0.3 q_0`, `q_2 = 0.05 q_0`. The ratios hold trial by trial.
@Suite struct LifelineFloorTests {
    @Test(arguments: [true, false])
    func floorsRaiseTheDependenceOnLifelines(enabled: Bool) throws {
        var f = MechanismFixture(sectors: 3, years: 2)
        f.dependencies([[0.1, 0, 0], [0.3, 0, 0], [0.05, 0, 0]])
        f.scenario.dependencies.lifelineFloors = [0.2, 0.1, 0]
        f.scenario.dependencies.lifelineOverlayEnabled = enabled
        f.attack(0, perYear: 50)
        let run = try f.run()
        let (multiplier, ratios) = enabled ? (1 / 0.87, [0.3, 0.23]) : (1 / 0.9, [0.3, 0.05])
        for t in 0..<2 {
            let q0 = run.inoperability(0, year: t)
            ClosedForm.expectMean(q0, equals: multiplier * 50 * ClosedForm.betaMean(0.5, 500), resolution: 0.015,
                                  "q[0], year \(t)")
            for (k, ratio) in ratios.enumerated() {
                ClosedForm.expectIdentity(run.inoperability(k + 1, year: t).mean, ratio * q0.mean, "q[\(k + 1)]/q[0], year \(t)")
            }
        }
    }
}
