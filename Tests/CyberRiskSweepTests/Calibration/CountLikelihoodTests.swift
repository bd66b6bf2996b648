@_spi(Engine) @testable import CyberRisk
@testable import CyberRiskSweep
import Foundation
import StatisticalTesting
import Testing

@Suite("Calibration: count likelihood and prior densities")
struct CountLikelihoodTests {
    /// `Σ_y P(y)`, mean and variance over `y = 0…limit`.
    static func moments(mean mu: Double, dispersion s: Double, limit: Int) -> (total: Double, mean: Double, variance: Double) {
        var total = 0.0, m1 = 0.0, m2 = 0.0
        for y in 0...limit {
            let p = Foundation.exp(CountLikelihood.logProbability(Double(y), mean: mu, dispersion: s))
            total += p
            m1 += p * Double(y)
            m2 += p * Double(y) * Double(y)
        }
        return (total, m1 / total, m2 / total - (m1 / total) * (m1 / total))
    }

    @Test(arguments: [(3.0, 0.0), (3.0, 0.3), (250.0, 0.0), (250.0, 0.2), (40.0, 1.5), (250.0, 0.01), (5.0, 1e-7)])
    func probabilitiesSumToOneWithMeanAndVariance(mu: Double, s: Double) {
        let m = Self.moments(mean: mu, dispersion: s, limit: 20_000)
        #expect(Swift.abs(m.total - 1) < 1e-9)
        #expect(Swift.abs(m.mean - mu) < 1e-7 * mu)
        #expect(Swift.abs(m.variance - (mu + s * s * mu * mu)) < 1e-6 * (mu + s * s * mu * mu))
    }

    /// The negative binomial's closed form `Γ(y+κ)/(Γ(κ) y!) (κ/(κ+μ))^κ (μ/(κ+μ))^y`, in both
    /// regimes of `D(y, κ)` (direct below κ = 10, Stirling above), and the Poisson limit.
    @Test func matchesTheClosedFormAndThePoissonLimit() {
        for (y, mu, s) in [(0.0, 2.0, 0.5), (7.0, 2.0, 0.5), (3.0, 4.0, 0.3), (120.0, 100.0, 0.2), (30.0, 25.0, 0.05)] {
            let k = 1 / (s * s)
            let direct = lgamma(y + k) - lgamma(k) - lgamma(y + 1) + k * log(k / (k + mu)) + y * log(mu / (k + mu))
            #expect(Swift.abs(CountLikelihood.logProbability(y, mean: mu, dispersion: s) - direct) < 1e-9 * Swift.max(1, Swift.abs(direct)))
        }
        for (y, mu) in [(0.0, 3.0), (4.0, 3.0), (260.0, 250.0)] {
            let poisson = y * log(mu) - mu - lgamma(y + 1)
            #expect(CountLikelihood.logProbability(y, mean: mu, dispersion: 0) == poisson)
            #expect(Swift.abs(CountLikelihood.logProbability(y, mean: mu, dispersion: 1e-9) - poisson) < 1e-9)
        }
        #expect(CountLikelihood.logProbability(0, mean: 0, dispersion: 0.2) == 0)
        #expect(CountLikelihood.logProbability(1, mean: 0, dispersion: 0.2) == -.infinity)
    }

    @Test func samplesHaveTheModelsMeanAndVariance() {
        let mu = 80.0, s = 0.3, n = 40_000
        var rng = RandomStream(seed: 5, trial: 0, stream: 0, site: 0)
        let y = (0..<n).map { _ in CountLikelihood.sample(mean: mu, dispersion: s, using: &rng) }
        let (mean, variance) = GoodnessOfFit.meanAndVariance(y)
        let v = mu + s * s * mu * mu
        #expect(Swift.abs(mean - mu) < 4 * (v / Double(n)).squareRoot())
        #expect(Swift.abs(variance / v - 1) < 0.05)   // the sd of a variance estimate is ≈ √(2/n)·(1 + kurtosis terms) ≈ 1%
    }

    /// Each prior density integrates to 1 (midpoint rule on a fine grid).
    @Test(arguments: [Parameter.pert(lower: 0.2, mode: 0.4, upper: 0.667), .uniform(lower: 0.1, upper: 0.5),
                      .triangular(lower: 0.1, mode: 0.2, upper: 0.9), .lognormal(median: 0.3, sigma: 0.2),
                      .normal(mean: 0.4, sd: 0.2, lower: 0.05, upper: 1)])
    func parameterDensitiesIntegrateToOne(p: Parameter) {
        let n = 200_000
        let (a, b) = (0.0, 1.5)
        let h = (b - a) / Double(n)
        let total = (0..<n).reduce(0.0) { $0 + Foundation.exp(LogDensity.parameter(p, at: a + (Double($1) + 0.5) * h)) * h }
        #expect(Swift.abs(total - 1) < 1e-4, "\(p): \(total)")
        #expect(LogDensity.parameter(p, at: -0.1) == -.infinity)
    }

    @Test func gammaDensityIsStableForLargeShapes() {
        for (x, a, b) in [(1.2, 3.0, 2.0), (0.9, 10.0, 9.0), (1.01, 400.0, 380.0), (0.999, 1e6, 1e6), (2.0, 50.0, 12.5)] {
            let direct = a * log(b) - lgamma(a) + (a - 1) * log(x) - b * x
            #expect(Swift.abs(LogDensity.gamma(x, shape: a, rate: b) - direct) < 1e-8 * Swift.max(1, Swift.abs(direct)))
        }
        // Where the direct form cancels catastrophically (α = 1e14) the stable one still gives the
        // normal limit: ln N(x; 1, 1/α) at x = 1 + 1/√α is ½ ln(α/2π) − ½.
        let a = 1e14, x = 1 + 1 / a.squareRoot()
        #expect(Swift.abs(LogDensity.gamma(x, shape: a, rate: a) - (0.5 * log(a / (2 * Double.pi)) - 0.5)) < 1e-3)
        #expect(LogDensity.gamma(0, shape: 2, rate: 1) == -.infinity)
        #expect(Swift.abs(LogDensity.halfNormal(0.5, scale: 2) - log(2 / (2 * (2 * Double.pi).squareRoot()) * exp(-0.03125))) < 1e-12)
    }

    @Test func doubleSortAgreesWithTheStandardLibrary() {
        var rng = RandomStream(seed: 3, trial: 0, stream: 0, site: 0)
        for n in [0, 1, 2, 3, 7, 64, 1000, 4097] {
            let x = (0..<n).map { _ in (rng.uniform() * 20).rounded() - 10 }
            #expect(DoubleSort.sorted(x) == x.sorted())
        }
    }
}
