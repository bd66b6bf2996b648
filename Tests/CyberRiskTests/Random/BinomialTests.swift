import Foundation
import StatisticalTesting
import Testing
@_spi(Engine) @testable import CyberRisk

@Suite struct BinomialTests {
    /// `(n, p)`: inversion (`np < 10`), the symmetric branch (`p > ½`), BTRS just above `np = 10`
    /// and far above, and the implant counts of the default scenario (150 users at ν ≈ 0.0037 in
    /// 2026; about 20,000 at ν ≈ 0.033 in 2035).
    static let cases: [(Double, Double)] = [
        (1.0, 0.3), (12.0, 0.5), (19.0, 0.5), (150.0, 0.0037), (100.0, 0.7), (21.0, 0.5), (400.0, 0.03),
        (20_281.0, 0.033), (1_000_000.0, 0.3), (50.0, 0.95),
    ]

    /// The exact pmf from `lgamma`, independent of the sampler's saddle-point form.
    static func probability(_ k: Int, n: Double, p: Double) -> Double {
        let x = Double(k)
        guard x <= n else { return 0 }
        let logChoose: Double = lgamma(n + 1) - lgamma(x + 1) - lgamma(n - x + 1)
        let logPowers: Double = x * log(p) + (n - x) * log1p(-p)
        return exp(logChoose + logPowers)
    }

    @Test("χ² goodness of fit against the exact pmf (bins with expected ≥ 5, critical value at p = 0.001)",
          arguments: cases)
    func chiSquare(n: Double, p: Double) {
        let xs = GoodnessOfFit.draws(seed: 311) { Binomial.sample(count: n, probability: p, using: &$0) }
        let mean = n * p, sd = (n * p * (1 - p)).squareRoot()
        let kMax = Int(min(n, mean + 10 * sd + 20))
        let fit = GoodnessOfFit.chiSquare(xs, kMax: kMax) { Self.probability($0, n: n, p: p) }
        let critical = ReferenceCDF.chiSquareCritical(upperTail: 0.001, degreesOfFreedom: fit.degreesOfFreedom)
        #expect(fit.degreesOfFreedom >= 1)
        #expect(fit.statistic <= critical, "n \(n), p \(p): χ² = \(fit.statistic), df = \(fit.degreesOfFreedom), crit = \(critical)")
    }

    @Test("draws are whole numbers in [0, n]; mean np, variance np(1 − p), kurtosis 3 + (1 − 6pq)/(npq)",
          arguments: cases + [(1e12, 0.25), (1e16, 0.5)])
    func moments(n: Double, p: Double) {
        let xs = GoodnessOfFit.draws(seed: 312) { Binomial.sample(count: n, probability: p, using: &$0) }
        #expect(xs.allSatisfy { $0 >= 0 && $0 <= n && $0 == $0.rounded() })
        let q = 1 - p
        GoodnessOfFit.expectMoments(xs, mean: n * p, variance: n * p * q, kurtosis: 3 + (1 - 6 * p * q) / (n * p * q))
    }

    /// The saddle-point log-probability against `lgamma` where that is exact enough, and summing
    /// to 1 over the support.
    @Test(arguments: [(30.0, 0.4), (1000, 0.01), (20_281, 0.033), (1e6, 0.3)])
    func logProbabilityMatchesThePMF(n: Double, p: Double) {
        var total = 0.0
        for k in 0...Int(n) {
            let exact = log(Self.probability(k, n: n, p: p))
            let f = Binomial.logProbability(Double(k), count: n, probability: p)
            if exact > -700 {
                // lgamma(n) carries an absolute error of about n·ln(n)·2⁻⁵³.
                let tolerance = 1e-12 + 4 * n * log(n) * 0x1p-53
                #expect(abs(f - exact) <= tolerance, "n \(n), p \(p), k \(k): \(f) vs \(exact)")
            }
            total += exp(f)
        }
        #expect(abs(total - 1) < 1e-9, "Σ pmf = \(total)")
    }

    @Test("count < 1, p ≤ 0, NaN → 0; p ≥ 1 → n; never above n")
    func edgeCases() {
        var rng = RandomStream(seed: 313, trial: 0, stream: 0, site: 0)
        #expect(Binomial.sample(count: 0, probability: 0.5, using: &rng) == 0)
        #expect(Binomial.sample(count: 10, probability: 0, using: &rng) == 0)
        #expect(Binomial.sample(count: 10, probability: -1, using: &rng) == 0)
        #expect(Binomial.sample(count: 10, probability: .nan, using: &rng) == 0)
        #expect(Binomial.sample(count: .nan, probability: 0.5, using: &rng) == 0)
        #expect(Binomial.sample(count: 10, probability: 1, using: &rng) == 10)
        #expect(Binomial.sample(count: 10, probability: 2, using: &rng) == 10)
        for (n, p) in [(3.0, 0.999), (5, 0.5), (1, 0.9999), (40, 0.6)] {
            for _ in 0..<10_000 {
                let k = Binomial.sample(count: n, probability: p, using: &rng)
                #expect(k >= 0 && k <= n)
            }
        }
    }

    /// The count the Poisson approximation would give can exceed the users; the binomial never
    /// does, even with every user almost surely compromised.
    @Test func neverMoreCompromisedImplantsThanUsers() {
        let n = 150.0, p = 0.98
        let xs = GoodnessOfFit.draws(20_000, seed: 314) { Binomial.sample(count: n, probability: p, using: &$0) }
        #expect(xs.max()! <= n)
        let poisson = GoodnessOfFit.draws(20_000, seed: 314) { Poisson.sample(mean: n * p, using: &$0) }
        #expect(poisson.max()! > n, "the Poisson approximation should overshoot here")
    }
}
