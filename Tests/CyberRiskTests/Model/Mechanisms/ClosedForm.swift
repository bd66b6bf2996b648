import Foundation
import Testing
@_spi(Engine) @testable import CyberRisk

/// The equations of `docs/model.md` written out again for the mechanism tests, independently of
/// the engine (no call into `GrowthCurve`, `Cascade`, `LinearAlgebra` or the samplers), and the
/// one statistical check they all use.
///
/// **The check.** A forecast's mean of `n` trials has standard error `se` (the run's own, from
/// exact sums). `expectMean` requires `|mean − expected| ≤ z·se` with `z = 4`: a correct engine
/// fails one such comparison with probability `≈ 6·10⁻⁵` (two-sided normal tail), so the ~80
/// comparisons of the mechanism tests together fail by chance with probability below 0.5%. (The
/// seeds are fixed, so the outcome is deterministic; the probability says how lucky a correct
/// engine would have to be to look wrong — see `Tests/README.md` for what to do when one fails.)
/// It also requires the tolerance to *bite*: `z·se ≤ resolution·|expected|`, so the test's own
/// assertion states the relative bias it can see ("a 2% error in the botnet shock fails").
enum ClosedForm {
    /// The z bound of every mechanism comparison.
    static let z = 4.0
    /// Relative rounding allowance for identities that hold trial by trial (sums of the same
    /// per-trial doubles in a different order).
    static let rounding = 1e-12

    /// Expects `|observed − expected| ≤ z·se` and `z·se ≤ resolution·|expected|`.
    static func expectMean(_ observed: Double, standardError se: Double, equals expected: Double,
                           resolution: Double, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let tolerance = z * se
        #expect(tolerance <= resolution * abs(expected),
                "\(label): tolerance \(tolerance) is \(tolerance / abs(expected)) of \(expected), more than \(resolution)",
                sourceLocation: sourceLocation)
        #expect(abs(observed - expected) <= tolerance,
                "\(label): \(observed) vs \(expected) ± \(tolerance) (z = \((observed - expected) / se))",
                sourceLocation: sourceLocation)
    }

    /// The same for a run's series (`summary.csv` row or a sector's moments).
    static func expectMean(_ s: SeriesSummary, equals expected: Double, resolution: Double, _ label: String,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        expectMean(s.mean, standardError: s.standardError, equals: expected, resolution: resolution, label,
                   sourceLocation: sourceLocation)
    }

    static func expectMean(_ m: Moments, equals expected: Double, resolution: Double, _ label: String,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        expectMean(m.mean, standardError: m.standardError, equals: expected, resolution: resolution, label,
                   sourceLocation: sourceLocation)
    }

    /// Expects `a = b` up to rounding (`|a − b| ≤ rounding·max(|a|, |b|)`), for identities that
    /// hold trial by trial.
    static func expectIdentity(_ a: Double, _ b: Double, _ label: String,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(abs(a - b) <= rounding * max(abs(a), abs(b)), "\(label): \(a) vs \(b)", sourceLocation: sourceLocation)
    }

    /// Logistic growth through `x0`: `G(t) = K/(1 + (K/x0 − 1)e^{−rt})`; 0 when `x0 = 0`.
    static func logistic(_ t: Int, _ x0: Double, _ k: Double, _ r: Double) -> Double {
        x0 == 0 ? 0 : k / (1 + (k / x0 - 1) * exp(-r * Double(t)))
    }

    /// Mean of `Beta(α, β)`.
    static func betaMean(_ alpha: Double, _ beta: Double) -> Double { alpha / (alpha + beta) }

    /// `A(t)_ij = a_ij(1 + κ d_i d_j)`.
    static func coupled(_ a: [[Double]], kappa: Double, digital d: [Double]) -> [[Double]] {
        a.indices.map { i in a[i].indices.map { j in a[i][j] * (1 + kappa * d[i] * d[j]) } }
    }

    /// `x = (I − A)⁻¹ c` by Gaussian elimination with partial pivoting.
    static func leontief(_ a: [[Double]], _ c: [Double]) -> [Double] {
        let n = c.count
        var m = (0..<n).map { i in (0..<n).map { j in (i == j ? 1 : 0) - a[i][j] } + [c[i]] }
        for k in 0..<n {
            let p = (k..<n).max { abs(m[$0][k]) < abs(m[$1][k]) }!
            m.swapAt(k, p)
            for i in (k + 1)..<max(k + 1, n) {
                let f = m[i][k] / m[k][k]
                for j in k...n { m[i][j] -= f * m[k][j] }
            }
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = m[i][n]
            for j in (i + 1)..<max(i + 1, n) { s -= m[i][j] * x[j] }
            x[i] = s / m[i][i]
        }
        return x
    }

    /// `∫ₐᵇ f` by composite Simpson with `steps` (even) intervals.
    static func simpson(_ a: Double, _ b: Double, steps: Int = 400, _ f: (Double) -> [Double]) -> [Double] {
        let h = (b - a) / Double(steps)
        var total = f(a).map { $0 * 0 }
        for k in 0...steps {
            let w: Double = (k == 0 || k == steps) ? 1 : (k % 2 == 1 ? 4 : 2)
            total = zip(total, f(a + Double(k) * h)).map { $0 + w * $1 }
        }
        return total.map { $0 * h / 3 }
    }

    /// `P(K = k)`, `K ~ Poisson(μ)`.
    static func poisson(_ k: Int, mean mu: Double) -> Double {
        exp(-mu + Double(k) * log(mu) - lgamma(Double(k) + 1))
    }
}
