@_spi(Engine) import CyberRisk

/// First-order and total Sobol' sensitivity indices from a Saltelli design's model outputs, with
/// bootstrap confidence intervals.
///
/// With `f_A`, `f_B`, `f_ABᵢ` the outputs on the rows of `A`, `B`, `A_B⁽ⁱ⁾` and `V` the variance of
/// all `2N` outputs of `A` and `B`:
/// - first order (Saltelli et al. 2010): `Sᵢ = (1/N) Σⱼ (f_B(j) − f̄) (f_ABᵢ(j) − f_A(j)) / V`, with
///   `f̄` the mean of the `A` and `B` outputs. Centring `f_B` leaves the estimator consistent
///   (`E[f_ABᵢ − f_A] = 0`) and removes the variance term proportional to `f̄²`, which dominates
///   for outputs far from zero, such as small risk shares with a positive mean.
/// - total (Jansen 1999): `S_Tᵢ = (1/2N) Σⱼ (f_A(j) − f_ABᵢ(j))² / V`
///
/// Confidence intervals resample the `N` base rows with replacement (`resamples` times, drawn
/// from Philox streams keyed by `seed`) and take the 2.5% and 97.5% percentiles of the
/// re-estimated indices.
///
/// References: Saltelli et al. (2010), Comput. Phys. Commun. 181, 259–270; M. J. W. Jansen (1999),
/// Comput. Phys. Commun. 117, 35–43.
public struct SobolIndices: Sendable, Equatable {
    /// An index with its bootstrap 95% interval.
    public struct Estimate: Sendable, Equatable {
        public var value: Double
        public var low: Double
        public var high: Double
    }

    public var firstOrder: [Estimate]
    public var total: [Estimate]

    /// Estimates the indices of each input from the outputs `fA`, `fB` (`N` values each) and
    /// `fAB[i]` (`N` values per input). The bootstrap draws from the Philox stream of
    /// (`seed`, `site`), so separate outputs of one analysis (`site` = their index) resample
    /// independently and reproducibly.
    init(fA: [Double], fB: [Double], fAB: [[Double]], resamples: Int = 1000, seed: UInt64 = 1, site: UInt64 = 0) {
        let n = fA.count
        precondition(n >= 2 && fB.count == n && fAB.allSatisfy { $0.count == n })
        let all = Array(0..<n)
        let point = SobolIndices.indices(fA, fB, fAB, rows: all)
        var s1Samples = [[Double]](repeating: [], count: fAB.count)
        var stSamples = [[Double]](repeating: [], count: fAB.count)
        var random = RandomStream(seed: seed, trial: 0, stream: 0xB0075, site: site)
        var rows = [Int](repeating: 0, count: n)
        for _ in 0..<resamples {
            for j in 0..<n { rows[j] = Int(random.next().multipliedFullWidth(by: UInt64(n)).high) }
            let r = SobolIndices.indices(fA, fB, fAB, rows: rows)
            for i in 0..<fAB.count {
                s1Samples[i].append(r.s1[i])
                stSamples[i].append(r.st[i])
            }
        }
        func estimate(_ value: Double, _ samples: [Double]) -> Estimate {
            // A resample whose outputs do not vary has no index; the interval uses the rest.
            let sorted = samples.filter { !$0.isNaN }.sorted()
            guard !sorted.isEmpty, !value.isNaN else { return Estimate(value: value, low: .nan, high: .nan) }
            func q(_ p: Double) -> Double { sorted[Swift.min(sorted.count - 1, Int(p * Double(sorted.count)))] }
            return Estimate(value: value, low: q(0.025), high: q(0.975))
        }
        firstOrder = (0..<fAB.count).map { estimate(point.s1[$0], s1Samples[$0]) }
        total = (0..<fAB.count).map { estimate(point.st[$0], stSamples[$0]) }
    }

    /// The estimators over the base rows `rows` (with repetition for the bootstrap).
    static func indices(_ fA: [Double], _ fB: [Double], _ fAB: [[Double]], rows: [Int]) -> (s1: [Double], st: [Double]) {
        let n = Double(rows.count)
        var sum = 0.0, sumSq = 0.0
        for j in rows { sum += fA[j] + fB[j] }
        let mean = sum / (2 * n)
        for j in rows { sumSq += (fA[j] - mean) * (fA[j] - mean) + (fB[j] - mean) * (fB[j] - mean) }
        let variance = sumSq / (2 * n - 1)
        guard variance > 0 else {
            // Outputs that do not vary have no variance to apportion.
            return ([Double](repeating: .nan, count: fAB.count), [Double](repeating: .nan, count: fAB.count))
        }
        var s1: [Double] = [], st: [Double] = []
        for f in fAB {
            var first = 0.0, tot = 0.0
            for j in rows {
                first += (fB[j] - mean) * (f[j] - fA[j])
                let d = fA[j] - f[j]
                tot += d * d
            }
            s1.append(first / n / variance)
            st.append(tot / (2 * n) / variance)
        }
        return (s1, st)
    }
}
