import Foundation
import StatisticalTesting
import Testing
@_spi(Engine) @testable import CyberRisk

@Suite struct TruncatedNormalTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var mean: Double, sd: Double, lower: Double, upper: Double
        var draws = GoodnessOfFit.sampleSize
        var testDescription: String { "N(\(mean), \(sd)²) on [\(lower), \(upper)]" }
    }

    /// Rejection only (mass 0.93), one-sided infinite bound, and two intervals of mass 2.9e−7 that
    /// force the inverse-CDF fallback (the second is reflected into the lower tail). Each fallback
    /// draw first spends 1000 rejected normals, so those cases use 1e4 draws (the KS critical
    /// value and moment tolerances scale with n).
    @Test("in bounds; exact mean, variance, 4th moment from the truncated-moment recurrence; KS",
          arguments: [Case(mean: 0.3, sd: 0.2, lower: 0, upper: 1),
                      Case(mean: 1, sd: 2, lower: 0, upper: .infinity),
                      Case(mean: 0, sd: 1, lower: -6, upper: -5, draws: 10_000),
                      Case(mean: 10, sd: 3, lower: 25, upper: 28, draws: 10_000)])
    func fit(_ c: Case) {
        let xs = GoodnessOfFit.draws(c.draws, seed: 1001) {
            TruncatedNormal.sample(mean: c.mean, sd: c.sd, lower: c.lower, upper: c.upper, using: &$0)
        }
        #expect(xs.allSatisfy { $0 >= c.lower && $0 <= c.upper })
        let m = ReferenceCDF.truncatedStandardNormalMoments((c.lower - c.mean) / c.sd, (c.upper - c.mean) / c.sd)
        // Central moments of the standardized variable from its raw moments.
        let mu = m[1]
        let variance = m[2] - mu * mu
        let fourth = m[4] - 4 * mu * m[3] + 6 * mu * mu * m[2] - 3 * mu * mu * mu * mu
        GoodnessOfFit.expectMoments(xs, mean: c.mean + c.sd * mu, variance: c.sd * c.sd * variance,
                                    kurtosis: fourth / (variance * variance))
        GoodnessOfFit.expectFit(xs) {
            ReferenceCDF.truncatedNormal($0, mean: c.mean, sd: c.sd, lower: c.lower, upper: c.upper)
        }
    }

    @Test("probabilityInside matches mpmath values to 1e-13 relative; never negative")
    func probabilityInside() {
        let cases: [(lo: Double, hi: Double, p: Double)] = [
            (-1.96, 1.96, 0.9500042097035591),
            (6, .infinity, 9.865876450376981e-10),
            (-.infinity, -6, 9.865876450376981e-10),
            (5, 6, 2.856649842341562e-7),
        ]
        for c in cases {
            let p = TruncatedNormal.probabilityInside(mean: 0, sd: 1, lower: c.lo, upper: c.hi)
            #expect(abs(p - c.p) <= 1e-13 * c.p, "[\(c.lo), \(c.hi)]: \(p)")
        }
        #expect(TruncatedNormal.probabilityInside(mean: 0, sd: 1, lower: 40, upper: .infinity) == 0)
        #expect(TruncatedNormal.probabilityInside(mean: 0, sd: 1, lower: 2, upper: 1) == 0)
        #expect(TruncatedNormal.probabilityInside(mean: 3, sd: 0, lower: 0, upper: 5) == 1)
        #expect(TruncatedNormal.probabilityInside(mean: 9, sd: 0, lower: 0, upper: 5) == 0)
    }

    @Test("sd = 0 returns the mean clamped into the bounds")
    func zeroSD() {
        var rng = RandomStream(seed: 1002, trial: 0, stream: 0, site: 0)
        #expect(TruncatedNormal.sample(mean: 3, sd: 0, lower: 0, upper: 5, using: &rng) == 3)
        #expect(TruncatedNormal.sample(mean: -3, sd: 0, lower: 0, upper: 5, using: &rng) == 0)
        #expect(TruncatedNormal.sample(mean: 9, sd: 0, lower: 0, upper: 5, using: &rng) == 5)
    }

    @Test("an interval of mass ~1e-300 still terminates inside the bounds")
    func hopelessInterval() {
        var rng = RandomStream(seed: 1003, trial: 0, stream: 0, site: 0)
        let x = TruncatedNormal.sample(mean: 0, sd: 1, lower: 37, upper: 38, using: &rng)
        #expect(x >= 37 && x <= 38)
    }
}
