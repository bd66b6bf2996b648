import Foundation
import Testing
@testable import CyberRisk

/// Cyber coupling in the cascade (docs/model.md, "Cascade"): `A(t)_ij = a_ij(1 + κ d_i(t) d_j(t))`
/// and `q = (I − A(t))⁻¹ c` (linear), or the least fixed point of `q = min(1, c + A(t)q)`
/// (saturating), which is the same when nothing saturates.
///
/// `c` does not depend on `κ` (κ is drawn from the parameter stream, shocks from their own), so
/// `E[q(t)] = E_κ[(I − A(κ, t))⁻¹]·E[c(t)]`: for a fixed `κ` one solve, for `κ ~ U(lo, hi)` the
/// expectation of the Leontief solution over `κ` by Simpson's rule. The four cases take the
/// engine's four paths: one Leontief inverse per year (`dgemm`), the shared saturating
/// iteration, and the per-trial solves (paired elimination, or iteration).
@Suite struct CouplingTests {
    static let matrix: [[Double]] = [[0.05, 0.15, 0.05], [0.10, 0.05, 0.10], [0.05, 0.10, 0.05]]

    struct Case: Sendable, CustomTestStringConvertible {
        var mode: CascadeMode
        var kappa: Parameter
        var testDescription: String { "\(mode), κ = \(kappa)" }
    }

    static func fixture(_ c: Case) -> MechanismFixture {
        var f = MechanismFixture(sectors: 3, years: 3)
        f.dependencies(matrix)
        f.scenario.dependencies.cyberCoupling = c.kappa
        f.scenario.cascade.mode = c.mode
        f.attack(0, perYear: 40)
        f.attack(1, perYear: 30)
        f.attack(2, perYear: 50)
        f.digital(0, initial: 0.4, ceiling: 0.9, rate: 0.8)
        f.digital(1, initial: 0.7)
        f.digital(2, initial: 0.9)
        return f
    }

    static func digital(_ s: Scenario, year t: Int) -> [Double] {
        s.sectors.map { ClosedForm.logistic(t, $0.digital.initial.mean, $0.digital.ceiling.mean, $0.digital.rate.mean) }
    }

    /// `E[q(t)]` for coupling `kappa` scaled by `scale` (1 for the model; 1.05 to measure the
    /// test's power against a 5% error in κ).
    static func expectedInoperability(_ s: Scenario, year t: Int, scale: Double = 1) -> [Double] {
        let d = digital(s, year: t)
        let c = (0..<3).map { d[$0] * s.sectors[$0].threat.attacksPerYear.mean * ClosedForm.betaMean(0.5, 500) }
        func q(_ kappa: Double) -> [Double] { ClosedForm.leontief(ClosedForm.coupled(matrix, kappa: scale * kappa, digital: d), c) }
        switch s.dependencies.cyberCoupling {
        case .fixed(let k): return q(k)
        case .uniform(let lo, let hi): return ClosedForm.simpson(lo, hi, q).map { $0 / (hi - lo) }
        default: fatalError("not used")
        }
    }

    @Test(arguments: [Case(mode: .linear, kappa: .fixed(2)), Case(mode: .saturating, kappa: .fixed(2)),
                      Case(mode: .linear, kappa: .uniform(lower: 1, upper: 2.5)),
                      Case(mode: .saturating, kappa: .uniform(lower: 1, upper: 2.5))])
    func meanInoperabilityIsTheLeontiefSolutionOfTheCoupledMatrix(_ c: Case) throws {
        let f = Self.fixture(c)
        let run = try f.run()
        for t in 0..<3 {
            let expected = Self.expectedInoperability(f.scenario, year: t)
            for i in 0..<3 {
                ClosedForm.expectMean(run.inoperability(i, year: t), equals: expected[i], resolution: 0.015,
                                      "q[\(i)], year \(t)")
            }
            let national = run.metric(.nationalRisk, year: t)
            let mean = expected.reduce(0, +) / 3
            ClosedForm.expectMean(national, equals: mean, resolution: 0.01, "national_risk, year \(t)")
            // The test sees a 5% error in κ: it moves national risk by more than two tolerances.
            let shifted = Self.expectedInoperability(f.scenario, year: t, scale: 1.05).reduce(0, +) / 3
            #expect(abs(shifted - mean) > 2 * ClosedForm.z * national.standardError,
                    "year \(t): a 5% error in κ moves national risk by \(shifted - mean), tolerance \(ClosedForm.z * national.standardError)")
        }
    }
}
