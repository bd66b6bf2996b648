@_spi(Engine) import CyberRisk
import Foundation

/// The posterior predictive distribution of a data row's count, from one replicated count per
/// posterior draw `d`:
///
///     y_rep,d = Σ_{i in the row} NB(θ_{d,i} · incidents_per_attack · λ_i(t) · exposure · r_d, s_d),
///
/// `r_d` the row's reporting rate or the draw's `ρ`, the sectors' counts independent (an aggregate
/// row is the sum of its sectors' replicated counts). Replicate `d` of row `k` draws from the
/// stream `(seed, trial: d, stream: 0x505043, site: k)`, so the result does not depend on threads.
///
/// From the replicates: the quantiles (inverse empirical CDF: the smallest count with at least a
/// share `p` of replicates at or below it, so `[p05, p95]` covers at least 90%), the mid-PIT
/// `P(Y < y) + ½·P(Y = y)` (uniform on (0, 1) for a calibrated forecast of counts), and the CRPS
/// `E|Y − y| − ½·E|Y − Y′|` (Gneiting & Raftery 2007), in incidents.
public struct PosteriorPredictive: Sendable {
    public static let stream: UInt64 = 0x50_50_43

    public let problem: CalibrationProblem
    let draws: PosteriorDraws
    public let seed: UInt64

    init(problem: CalibrationProblem, draws: PosteriorDraws, seed: UInt64) {
        self.problem = problem
        self.draws = draws
        self.seed = seed
    }

    /// The replicated counts of `row` (the `index`-th row of its file), one per posterior draw.
    public func replicates(_ row: IncidentRow, index: Int) -> [Double] {
        let bases = row.sectors.map { i -> Double in
            problem.calibrated[i] ? problem.incidentsPerAttack * problem.projection.rate(sector: i, year: row.year) * row.exposure : 0
        }
        return (0..<draws.count).map { d in
            var rng = RandomStream(seed: seed, trial: UInt64(d), stream: PosteriorPredictive.stream, site: UInt64(index))
            let rate = row.reportingRate ?? draws.value(.reportingRate, draw: d)
            let dispersion = draws.value(.dispersion, draw: d)
            var y = 0.0
            for (i, base) in zip(row.sectors, bases) where base > 0 && base.isFinite {
                y += CountLikelihood.sample(mean: draws.value(.factor(i), draw: d) * base * rate, dispersion: dispersion, using: &rng)
            }
            return y
        }
    }

    /// The check of `row` (the `index`-th row of its file).
    public func check(_ row: IncidentRow, index: Int, fitted: Bool) -> PredictiveCheck {
        PredictiveCheck(row: row, fitted: fitted, replicates: replicates(row, index: index))
    }
}

/// One row's observed count against its posterior predictive distribution.
public struct PredictiveCheck: Sendable, Equatable {
    public var row: IncidentRow
    /// Whether the row was fitted (a sector row of a fitted year) or only predicted.
    public var fitted: Bool
    public var mean: Double
    public var p05: Double
    public var p25: Double
    public var p50: Double
    public var p75: Double
    public var p95: Double
    /// Mid-PIT `P(Y < y) + ½·P(Y = y)`.
    public var pit: Double
    /// CRPS in incidents.
    public var crps: Double

    public init(row: IncidentRow, fitted: Bool, replicates: [Double]) {
        self.row = row
        self.fitted = fitted
        let sorted = DoubleSort.sorted(replicates)
        let n = Double(sorted.count)
        func q(_ p: Double) -> Double { sorted[Swift.max(0, Int((p * n).rounded(.up)) - 1)] }
        mean = sorted.reduce(0, +) / n
        (p05, p25, p50, p75, p95) = (q(0.05), q(0.25), q(0.5), q(0.75), q(0.95))
        let y = row.count
        let below = Double(sorted.count { $0 < y }), equal = Double(sorted.count { $0 == y })
        pit = (below + 0.5 * equal) / n
        crps = PredictiveCheck.crps(sorted: sorted, observed: y)
    }

    /// Whether the observed count lies in `[p25, p75]`.
    public var inside50: Bool { p25 <= row.count && row.count <= p75 }
    /// Whether the observed count lies in `[p05, p95]`.
    public var inside90: Bool { p05 <= row.count && row.count <= p95 }

    /// `mean|X − y| − (1/2n²)·Σ|X_j − X_l|` of sorted samples; the double sum is
    /// `2·Σ_j (2j − n + 1)·x_(j)` (0-based `j`).
    public static func crps(sorted x: [Double], observed y: Double) -> Double {
        let n = Double(x.count)
        var absolute = 0.0, spread = 0.0
        for (j, v) in x.enumerated() {
            absolute += Swift.abs(v - y)
            spread += (2 * Double(j) - n + 1) * v
        }
        return absolute / n - spread / (n * n)
    }
}
