import Foundation
import Testing
@testable import CyberRisk

/// `DynamicStressTest` (the DIIM day by day) against its fixed point, its closed form and the
/// published and open-source worked examples.
///
/// - Lian, C. & Haimes, Y. Y. (2006), *Systems Engineering* 9(3): `A = [[0.15, 0.5], [0.1, 0.05]]`,
///   `c = (0, 0.1)` ⇒ the dynamic model's equilibrium `q = (0.066007, 0.112211)` (exactly
///   `(0.05/0.7575, 0.085/0.7575)`), the static IIM's solution.
/// - stigrs/diim (MIT), `tests/test_diim.cpp`, test case 12: the same `A`, `K = diag(0.2, 0.2)`,
///   `c = (0, 0.1)` on steps 1…30 (their `ptime 0 30`, inclusive: our `--shock-days 30`), 100 time
///   steps, trapezoidal impact `(1.980144350, 3.366317449)` ("integrated using Numpy").
@Suite struct DynamicStressTestTests {
    static let lianHaimes: [Double] = [0.15, 0.5, 0.1, 0.05]

    /// A two-sector scenario with `A(t) = lianHaimes` and the given recoveries.
    static func scenario(_ recovery: [Recovery], matrix: [Double] = lianHaimes, threshold: Double = 0.05) -> Scenario {
        let n = recovery.count
        var sectors = (0..<n).map { ScenarioFixtures.sector("s\($0 + 1)") }
        for i in 0..<n { sectors[i].recovery = recovery[i] }
        var s = ScenarioFixtures.scenario(sectors: sectors, matrix: matrix, kappa: .fixed(0))
        s.cascade.failureThreshold = threshold
        return s
    }

    @Test func heldShockReachesTheStaticIIM() throws {
        for recovery in [[Recovery.resilience(.fixed(0.2)), .resilience(.fixed(0.2))],
                         [.days(.fixed(30)), .days(.fixed(7))], [.resilience(.fixed(1)), .resilience(.fixed(0.05))]] {
            let s = Self.scenario(recovery)
            let r = try DynamicStressTest(scenario: s, year: 2026, shocks: ["s2": 0.1], shockDays: 2000, days: 2000)
            let q = r.finalInoperability
            #expect(abs(q[0] - 0.066007) < 1e-6 && abs(q[1] - 0.112211) < 1e-6, "\(recovery): \(q)")
            #expect(abs(q[0] - 0.05 / 0.7575) < 1e-12 && abs(q[1] - 0.085 / 0.7575) < 1e-12, "\(recovery): \(q)")
            let fixedPoint = try StressTest(scenario: s, year: 2026, shocks: ["s2": 0.1]).inoperability
            #expect(zip(q, fixedPoint).allSatisfy { abs($0 - $1) < 1e-12 })
        }
    }

    @Test func stigrsDIIMTestCase12() throws {
        let s = Self.scenario([.resilience(.fixed(0.2)), .resilience(.fixed(0.2))])
        let r = try DynamicStressTest(scenario: s, year: 2026, shocks: ["s2": 0.1], shockDays: 30, days: 100)
        for (i, expected) in [1.980144350, 3.366317449].enumerated() {
            // The trapezoidal rule over days 0…99, as numpy.trapz.
            let trapezoid = r.inoperabilityDays[i] - (r.inoperability(day: 0, sector: i) + r.inoperability(day: 99, sector: i)) / 2
            #expect(abs(trapezoid - expected) < 1e-6, "sector \(i): \(trapezoid), published \(expected)")
        }
        #expect(r.inoperability(day: 0, sector: 1) == 0)
        #expect(abs(r.inoperability(day: 1, sector: 1) - 0.2 * 0.1) < 1e-15)   // q(1) = K c
    }

    /// `(M^k)` by repeated squaring — a different order of operations from the day-by-day step.
    static func power(_ m: [Double], _ k: Int, n: Int) -> [Double] {
        func multiply(_ x: [Double], _ y: [Double]) -> [Double] {
            var z = [Double](repeating: 0, count: n * n)
            for i in 0..<n { for l in 0..<n { for j in 0..<n { z[i * n + j] += x[i * n + l] * y[l * n + j] } } }
            return z
        }
        var result = (0..<(n * n)).map { $0 / n == $0 % n ? 1.0 : 0.0 }
        var base = m, e = k
        while e > 0 {
            if e & 1 == 1 { result = multiply(result, base) }
            base = multiply(base, base)
            e >>= 1
        }
        return result
    }

    @Test func recoveryWithoutShockIsTheMatrixPower() throws {
        let a: [Double] = [0.1, 0.3, 0.05, 0.2, 0.0, 0.4, 0.1, 0.1, 0.25]
        let s = Self.scenario([.days(.fixed(5)), .resilience(.fixed(0.35)), .days(.fixed(40))], matrix: a)
        let q0: [Double] = [1, 0.25, 0.6]
        let r = try DynamicStressTest(scenario: s, year: 2027, shocks: [:], initial: ["s1": 1, "s2": 0.25, "s3": 0.6],
                                      days: 200)
        let expectedK = [min(1, log(100) / (5 * 0.9)), 0.35, log(100) / (40 * 0.75)]
        #expect(zip(r.resilience, expectedK).allSatisfy { abs($0 - $1) < 1e-15 })
        let m = DynamicCascade.transition(matrix: a, resilience: r.resilience)
        for day in 0..<200 {
            let p = Self.power(m, day, n: 3)
            for i in 0..<3 {
                let expected = (0..<3).reduce(0.0) { $0 + p[i * 3 + $1] * q0[$1] }
                #expect(abs(r.inoperability(day: day, sector: i) - expected) < 1e-12, "day \(day), sector \(i)")
            }
        }
    }

    /// With `k` from `days` and no dependence on the others, a sector recovers by the factor
    /// `1 − k(1 − a_ii)` a day. Lian & Haimes's `k` makes the continuous-time decay
    /// `e^{−k(1 − a_ii)τ}` exactly 1 %; the daily steps are faster, so 1 % is reached by day τ (for
    /// τ = 30, `k(1 − a_ii)` = 0.15 and the day-30 share is 0.77 %; for τ = 12, 0.30 %).
    @Test func daysGiveTheRecoveryTime() throws {
        let s = Self.scenario([.days(.fixed(12)), .days(.fixed(30))], matrix: [0.2, 0, 0, 0.05])
        let r = try DynamicStressTest(scenario: s, year: 2026, shocks: [:], initial: ["s1": 0.8, "s2": 0.5], days: 31)
        #expect(abs(r.resilience[0] - log(100) / (12 * 0.8)) < 1e-15)
        #expect(abs(r.resilience[1] - log(100) / (30 * 0.95)) < 1e-15)
        for (i, tau) in [(0, 12), (1, 30)] {
            let rate = r.resilience[i] * (1 - s.dependencies.matrix.values[i * 3])
            #expect(abs(exp(-rate * Double(tau)) - 0.01) < 1e-15)
            for day in [1, tau / 2, tau] {
                let share = r.inoperability(day: day, sector: i) / r.initial[i]
                #expect(abs(share - pow(1 - rate, Double(day))) < 1e-12)
            }
            #expect(r.inoperability(day: tau, sector: i) / r.initial[i] <= 0.01)
        }
    }

    /// The static IIM is the time integral of the dynamic one: with no clamp, the inoperability-days
    /// of an initial `q(0)` tend to `(I − M)⁻¹ q(0) = (I − A)⁻¹ K⁻¹ q(0)`.
    @Test func inoperabilityDaysIntegrateToTheLeontiefSolution() throws {
        let s = Self.scenario([.resilience(.fixed(0.3)), .resilience(.fixed(0.6))])
        let r = try DynamicStressTest(scenario: s, year: 2026, shocks: [:], initial: ["s1": 0.3, "s2": 0.6], days: 1000)
        // K⁻¹ q(0) = (1, 1): the static model with c = (1, 1) (unclamped).
        let det = 0.85 * 0.95 - 0.5 * 0.1
        let expected = [(0.95 + 0.5) / det, (0.1 + 0.85) / det]
        #expect(abs(r.inoperabilityDays[0] - expected[0]) < 1e-9 && abs(r.inoperabilityDays[1] - expected[1]) < 1e-9)
    }

    @Test func peaksDaysDisruptedAndClamping() throws {
        let s = Self.scenario([.resilience(.fixed(1)), .resilience(.fixed(0.5))], threshold: 0.5)
        let r = try DynamicStressTest(scenario: s, year: 2026, shocks: ["s1": 1, "s2": 1], shockDays: 5, days: 30)
        // Held at c = 1, s1 reaches q = clamp(A q + 1) = 1 on day 1 and stays there while held.
        #expect(r.peak[0] == 1 && r.inoperability(day: 5, sector: 0) == 1)
        let above = (0..<30).filter { r.inoperability(day: $0, sector: 1) >= 0.5 }.count
        #expect(r.daysDisrupted[1] == above && above > 0)
        #expect(r.sectorsDisrupted == 2 && r.outageDays == r.daysDisrupted[0] + r.daysDisrupted[1])
        #expect(r.path.allSatisfy { $0 >= 0 && $0 <= 1 })
    }

    /// The library names what is wrong as a case; the CLI words it for its option
    /// (`DynamicStressCommandTests`).
    @Test func badInputIsRefusedAsItsCase() {
        let s = Self.scenario([.resilience(.fixed(0.2)), .resilience(.fixed(0.2))])
        func error(_ body: () throws(StressTestError) -> DynamicStressTest) -> StressTestError? {
            do { _ = try body(); return nil } catch { return error }
        }
        #expect(error { () throws(StressTestError) in try DynamicStressTest(scenario: s, year: 2026, shocks: [:], days: 0) }
            == .daysOutOfRange(0, maximum: 36_500))
        #expect(error { () throws(StressTestError) in try DynamicStressTest(scenario: s, year: 2026, shocks: [:], days: 36_501) }
            == .daysOutOfRange(36_501, maximum: 36_500))
        #expect(error { () throws(StressTestError) in try DynamicStressTest(scenario: s, year: 2026, shocks: [:], shockDays: -1) }
            == .negativeShockDays(-1))
        #expect(error { () throws(StressTestError) in try DynamicStressTest(scenario: s, year: 2026, shocks: [:], initial: ["x": 0.1]) }
            == .unknownInitialSector("x", sectors: ["s1", "s2"]))
        #expect(error { () throws(StressTestError) in try DynamicStressTest(scenario: s, year: 2026, shocks: [:], initial: ["s1": 1.5]) }
            == .initialOutOfRange(sector: "s1", 1.5))
        #expect(error { () throws(StressTestError) in try DynamicStressTest(scenario: s, year: 2026, shocks: ["s1": -0.1]) }
            == .shockOutOfRange(sector: "s1", -0.1))
        #expect(error { () throws(StressTestError) in try DynamicStressTest(scenario: s, year: 1990, shocks: [:]) }
            == .yearOutsideHorizon(1990, first: 2026, last: 2028))
    }
}
