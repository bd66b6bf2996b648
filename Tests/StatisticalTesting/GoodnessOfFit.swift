import Foundation
import Testing
@_spi(Engine) import CyberRisk

/// Sampling and the statistical checks shared by the distribution tests. Every tolerance is a
/// multiple of a standard error computed from exact moments, or a test's critical value at
/// significance 0.001 — never a tuned constant. All seeds are fixed, so the tests are
/// deterministic; the significance levels say how unlikely a false failure was a priori.
package enum GoodnessOfFit {
    /// Default number of draws per check (times `TestScale.factor`).
    package static let sampleSize = 100_000 * TestScale.factor

    /// `n` draws, draw `i` from its own fresh stream `(seed, trial: i, stream: 0, site: 0)`,
    /// which is how the simulation uses streams (one short stream per trial and site).
    package static func draws(_ n: Int = sampleSize, seed: UInt64,
                      _ body: (inout RandomStream) -> Double) -> [Double] {
        var out = [Double]()
        out.reserveCapacity(n)
        for i in 0..<n {
            var rng = RandomStream(seed: seed, trial: UInt64(i), stream: 0, site: 0)
            out.append(body(&rng))
        }
        return out
    }

    /// Kolmogorov–Smirnov `D = sup |F_n(x) − F(x)|`.
    package static func ksStatistic(_ samples: [Double], cdf: (Double) -> Double) -> Double {
        let sorted = samples.sorted()
        let n = Double(sorted.count)
        var d = 0.0
        for (i, x) in sorted.enumerated() {
            let f = cdf(x)
            d = max(d, f - Double(i) / n, Double(i + 1) / n - f)
        }
        return d
    }

    /// The asymptotic KS critical value at significance `α = 0.001`:
    /// `P(√n·D > t) ≈ 2e^{−2t²}` ⇒ `t = √(ln(2/α)/2) ≈ 1.9495`, i.e. `D_crit ≈ 1.95/√n`.
    package static func ksCritical(_ n: Int) -> Double {
        (log(2 / 0.001) / 2).squareRoot() / Double(n).squareRoot()
    }

    /// Two-sample Kolmogorov–Smirnov `D = sup |F_a(x) − F_b(x)|` of two samples' empirical CDFs.
    package static func ksTwoSampleStatistic(_ a: [Double], _ b: [Double]) -> Double {
        let x = a.sorted(), y = b.sorted()
        let nx = Double(x.count), ny = Double(y.count)
        var i = 0, j = 0
        var d = 0.0
        while i < x.count && j < y.count {
            let v = min(x[i], y[j])
            while i < x.count && x[i] == v { i += 1 }
            while j < y.count && y[j] == v { j += 1 }
            d = max(d, abs(Double(i) / nx - Double(j) / ny))
        }
        return d
    }

    /// The asymptotic two-sample KS critical value at significance 0.001:
    /// `D_crit = √(ln(2/α)/2)·√((n + m)/(n·m))`.
    package static func ksTwoSampleCritical(_ n: Int, _ m: Int) -> Double {
        (log(2 / 0.001) / 2).squareRoot() * (Double(n + m) / (Double(n) * Double(m))).squareRoot()
    }

    /// Expects a KS fit at significance 0.001.
    package static func expectFit(_ samples: [Double], cdf: (Double) -> Double,
                          sourceLocation: SourceLocation = #_sourceLocation) {
        let d = ksStatistic(samples, cdf: cdf)
        #expect(d <= ksCritical(samples.count), "KS D = \(d)", sourceLocation: sourceLocation)
    }

    /// Sample mean and unbiased variance (two-pass).
    package static func meanAndVariance(_ xs: [Double]) -> (mean: Double, variance: Double) {
        let n = Double(xs.count)
        let mean = xs.reduce(0, +) / n
        let ss = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, ss / (n - 1))
    }

    /// Expects the sample mean within `4σ/√n` of `mean` (CLT; two-sided p ≈ 6e−5), and, when a
    /// kurtosis `μ₄/σ⁴` is given, the sample variance `s²` within `4·sd(s²)` of `variance`, with
    /// the exact `Var(s²) = μ₄/n − σ⁴(n − 3)/(n(n − 1))` for i.i.d. draws.
    package static func expectMoments(_ xs: [Double], mean: Double, variance: Double, kurtosis: Double?,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        let n = Double(xs.count)
        let sample = meanAndVariance(xs)
        let meanTolerance = 4 * (variance / n).squareRoot()
        #expect(abs(sample.mean - mean) <= meanTolerance,
                "mean \(sample.mean) vs \(mean) ± \(meanTolerance)", sourceLocation: sourceLocation)
        if let kurtosis {
            let s4 = variance * variance
            let varianceOfS2 = kurtosis * s4 / n - s4 * (n - 3) / (n * (n - 1))
            let tolerance = 4 * varianceOfS2.squareRoot()
            #expect(abs(sample.variance - variance) <= tolerance,
                    "variance \(sample.variance) vs \(variance) ± \(tolerance)", sourceLocation: sourceLocation)
        }
    }

    /// Pearson χ² for integer-valued draws against `probability(k)`: consecutive values are
    /// merged into bins (left to right) until each bin's expected count is ≥ 5; everything
    /// beyond `kMax` joins the last bin, whose expected count is `n·(1 − Σ others)`.
    /// Returns the statistic and `df = bins − 1` (no parameter is estimated).
    package static func chiSquare(_ samples: [Double], kMax: Int,
                          probability: (Int) -> Double) -> (statistic: Double, degreesOfFreedom: Int) {
        let n = Double(samples.count)
        var counts = [Double](repeating: 0, count: kMax + 2)
        for x in samples { counts[min(Int(x), kMax + 1)] += 1 }
        var bins: [(observed: Double, expected: Double)] = []
        var observed = 0.0, expected = 0.0, cumulative = 0.0
        for k in 0...kMax {
            let p = probability(k)
            cumulative += p
            observed += counts[k]
            expected += n * p
            if expected >= 5 {
                bins.append((observed, expected))
                observed = 0
                expected = 0
            }
        }
        // Unclosed remainder plus the tail beyond kMax go into the last bin.
        let tailObserved = observed + counts[kMax + 1]
        let tailExpected = expected + n * max(0, 1 - cumulative)
        if tailExpected >= 5 || bins.isEmpty {
            bins.append((tailObserved, tailExpected))
        } else {
            bins[bins.count - 1].observed += tailObserved
            bins[bins.count - 1].expected += tailExpected
        }
        let statistic = bins.reduce(0) { $0 + ($1.observed - $1.expected) * ($1.observed - $1.expected) / $1.expected }
        return (statistic, bins.count - 1)
    }
}
