import CyberRisk
import Foundation

/// Convergence diagnostics of several chains (Vehtari, Gelman, Simpson, Carpenter & Bürkner 2021,
/// "Rank-normalization, folding, and localization: an improved R̂ for assessing convergence of
/// MCMC", *Bayesian Analysis* 16(2)):
///
/// - every chain is split in half (`2M` chains of `n = N/2` draws); all draws are replaced by their
///   **normal scores** `z = Φ⁻¹((rank − 3/8)/(S + 1/4))` (ranks over all `S` draws, ties averaged);
/// - `R̂(x) = √(var⁺/W)`, `W` the mean within-chain variance, `var⁺ = (n−1)/n·W + B/n`,
///   `B = n/(2M − 1)·Σ(x̄_j − x̄)²`; the reported R-hat is the larger of `R̂(z)` (bulk) and
///   `R̂` of the normal scores of `|x − median|` (folded, for the scale);
/// - ESS `= 2M·n/τ`, `τ = −1 + 2·Σ P_k` with `P_k = ρ̂_{2k} + ρ̂_{2k+1}` summed while positive and
///   made monotone (Geyer's initial monotone sequence), `ρ̂_t = 1 − (W − mean_j acov_j(t))/var⁺`;
///   bulk ESS is that of `z`, tail ESS the smaller of those of the indicators `x ≤ q05`, `x ≤ q95`.
///
/// A quantity passes with R-hat ≤ ``maximumRHat`` and both ESS ≥ ``minimumESS`` (the paper's advice:
/// R̂ < 1.01 and ESS > 400 for four chains).
///
/// ```swift
/// let r = ConvergenceDiagnostics.evaluate(name: "reporting_rate", chains: draws.byChain(.reportingRate))
/// r.passes   // R-hat ≤ 1.01 and ESS ≥ 400
/// ```
public enum ConvergenceDiagnostics {
    public static let maximumRHat = 1.01
    public static let minimumESS = 400.0

    /// The diagnostics of one quantity.
    public struct Result: Sendable, Equatable {
        public var name: String
        public var rhat: Double
        public var bulkESS: Double
        public var tailESS: Double

        /// Whether the quantity meets both thresholds (a constant quantity passes).
        public var passes: Bool {
            (rhat.isNaN || rhat <= maximumRHat) && (bulkESS.isNaN || bulkESS >= minimumESS)
                && (tailESS.isNaN || tailESS >= minimumESS)
        }
    }

    /// R-hat, bulk and tail ESS of `chains` (equal lengths ≥ 4). A quantity that is constant
    /// across all draws has NaN diagnostics (nothing to mix).
    public static func evaluate(name: String, chains: [[Double]]) -> Result {
        let split = chains.flatMap { c -> [[Double]] in
            let half = c.count / 2
            return [Array(c[(c.count - 2 * half)..<(c.count - half)]), Array(c[(c.count - half)...])]
        }
        let all = split.flatMap { $0 }
        guard let first = all.first, all.contains(where: { $0 != first }) else {
            return Result(name: name, rhat: .nan, bulkESS: .nan, tailESS: .nan)
        }
        let z = reshape(normalScores(all), like: split)
        let sorted = DoubleSort.sorted(all)
        let median = quantile(sorted, 0.5)
        let folded = reshape(normalScores(all.map { Swift.abs($0 - median) }), like: split)
        let rhat = Swift.max(rHat(z), rHat(folded))
        let tails = [0.05, 0.95].map { p -> Double in
            let q = quantile(sorted, p)
            return ess(split.map { $0.map { $0 <= q ? 1 : 0 } })
        }
        return Result(name: name, rhat: rhat, bulkESS: ess(z), tailESS: tails.min()!)
    }

    /// `R̂` of equal-length chains.
    public static func rHat(_ chains: [[Double]]) -> Double {
        let (w, varPlus) = variances(chains)
        return w > 0 ? (varPlus / w).squareRoot() : .nan
    }

    /// The effective sample size of equal-length chains (NaN for a constant quantity).
    public static func ess(_ chains: [[Double]]) -> Double {
        let m = Double(chains.count), n = chains[0].count
        let (w, varPlus) = variances(chains)
        guard varPlus > 0, n >= 4 else { return .nan }
        let means = chains.map { $0.reduce(0, +) / Double(n) }
        func rho(_ t: Int) -> Double {
            var acov = 0.0
            for (c, mean) in zip(chains, means) {
                var s = 0.0
                for i in 0..<(n - t) { s += (c[i] - mean) * (c[i + t] - mean) }
                acov += s / Double(n)
            }
            return 1 - (w - acov / m) / varPlus
        }
        var tau = -1.0
        var previous = Double.infinity
        var t = 0
        while t + 1 < n {
            var pair = rho(t) + rho(t + 1)
            if pair < 0 { break }
            pair = Swift.min(pair, previous)
            previous = pair
            tau += 2 * pair
            t += 2
        }
        let total = m * Double(n)
        return total / Swift.max(tau, 1 / Foundation.log10(total))
    }

    /// `(W, var⁺)`.
    static func variances(_ chains: [[Double]]) -> (Double, Double) {
        let m = Double(chains.count), n = Double(chains[0].count)
        let means = chains.map { $0.reduce(0, +) / n }
        let grand = means.reduce(0, +) / m
        let within = zip(chains, means).map { c, mean in c.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1) }
        let w = within.reduce(0, +) / m
        let b = m > 1 ? n / (m - 1) * means.reduce(0) { $0 + ($1 - grand) * ($1 - grand) } : 0
        return (w, (n - 1) / n * w + b / n)
    }

    /// `Φ⁻¹((r − 3/8)/(S + 1/4))` of the average ranks `r` (1-based): for each value, the
    /// mean of the first and last positions of its run in the sorted values.
    static func normalScores(_ x: [Double]) -> [Double] {
        let sorted = DoubleSort.sorted(x)
        let s = Double(x.count)
        return x.map { v in
            let first = lowerBound(sorted, v), last = lowerBound(sorted, v.nextUp) - 1
            return Normal.quantile((Double(first + last) / 2 + 1 - 0.375) / (s + 0.25))
        }
    }

    /// The first index of `sorted` whose value is not below `v`.
    static func lowerBound(_ sorted: [Double], _ v: Double) -> Int {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    static func reshape(_ flat: [Double], like chains: [[Double]]) -> [[Double]] {
        var out: [[Double]] = []
        var k = 0
        for c in chains {
            out.append(Array(flat[k..<(k + c.count)]))
            k += c.count
        }
        return out
    }

    /// The type-7 quantile of sorted values.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        PosteriorSummary.quantile(sorted, p)
    }
}
