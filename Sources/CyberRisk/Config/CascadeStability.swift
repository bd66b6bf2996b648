import Foundation

/// Whether the linear cascade converges in every simulated year, at the worst case of every
/// uncertain input.
///
/// For year `t` the worst case is `A(t)_ij = a_ij·(1 + κ_max·d_i,max(t)·d_j,max(t))`, where `a` is
/// ``Dependencies/effectiveMatrix`` (lifeline floors applied when enabled), `κ_max` the upper
/// bound of `cyber_coupling` and `d_i,max(t)` the growth curve at the upper bounds of the sector's
/// digital `initial`, `ceiling` and `rate`. `ρ` is monotone in the entries of a non-negative
/// matrix, so no draw gives a larger radius; and `d_i,max(t)` never decreases with `t`, so
/// neither does `ρ(A(t))`: the last year is checked first, and only if it fails is the first
/// failing year searched for (bisection). A year whose largest row or column sum is below 1 has
/// `ρ < 1` without an eigenvalue computation.
enum CascadeStability {
    /// The verdict.
    enum Outcome: Sendable, Equatable {
        /// `ρ(A(t)) < 1` in every year.
        case stable
        /// `ρ(A(t)) ≥ 1` first in year index `t` (years since the start), with that radius.
        case divergent(yearIndex: Int, radius: Double)
        /// LAPACK failed for year index `t`.
        case unknown(yearIndex: Int)
    }

    /// Checks years `0 ..< horizonYears`.
    static func check(sectors: [Sector], dependencies: Dependencies, horizonYears: Int) -> Outcome {
        guard horizonYears > 0, !sectors.isEmpty, dependencies.matrix.count == sectors.count,
              dependencies.lifelineFloors.count == sectors.count else { return .stable }
        let base = dependencies.effectiveMatrix
        let kappa = dependencies.cyberCoupling.upperBound
        func radius(_ t: Int) -> Double? {
            let a = worstCaseMatrix(base: base, sectors: sectors, kappa: kappa, year: t)
            if normBound(a) < 1 { return 0 }
            return SpectralRadius.of(a.values, n: a.count)
        }
        let last = horizonYears - 1
        guard let rhoLast = radius(last) else { return .unknown(yearIndex: last) }
        if rhoLast < 1 { return .stable }
        var lo = 0, hi = last, rhoHi = rhoLast   // invariant: ρ(hi) ≥ 1, every year < lo has ρ < 1
        while lo < hi {
            let mid = (lo + hi) / 2
            guard let rho = radius(mid) else { return .unknown(yearIndex: mid) }
            if rho >= 1 {
                hi = mid
                rhoHi = rho
            } else {
                lo = mid + 1
            }
        }
        return .divergent(yearIndex: hi, radius: rhoHi)
    }

    /// `A(t)` at the upper bounds of digital dependence and coupling.
    static func worstCaseMatrix(base: DependencyMatrix, sectors: [Sector], kappa: Double, year t: Int) -> DependencyMatrix {
        let n = base.count
        let d = sectors.map {
            GrowthCurve.value(at: Double(t), initial: $0.digital.initial.upperBound,
                              ceiling: $0.digital.ceiling.upperBound, rate: $0.digital.rate.upperBound)
        }
        var a = base
        for i in 0..<n {
            for j in 0..<n {
                a[i, j] = base[i, j] * (1 + kappa * d[i] * d[j])
            }
        }
        return a
    }

    /// `min(max row sum, max column sum)`, an upper bound of `ρ` for a non-negative matrix.
    static func normBound(_ a: DependencyMatrix) -> Double {
        let n = a.count
        var rows = [Double](repeating: 0, count: n), columns = [Double](repeating: 0, count: n)
        for i in 0..<n {
            for j in 0..<n {
                rows[i] += a[i, j]
                columns[j] += a[i, j]
            }
        }
        return min(rows.max() ?? 0, columns.max() ?? 0)
    }
}
