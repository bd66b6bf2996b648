extension Cascade {
    /// Rounds of policy iteration before ``saturatingSingle(shocks:matrix:into:work:n:)`` falls
    /// back to the sweeps (one or two rounds settle the cascades of the calibrated scenarios).
    static let policyRounds = 12

    /// The saturating cascade for one trial whose `A` is its own, as the forecast computes it: up
    /// to ``smallSolveLimit`` sectors exactly by policy iteration
    /// (``saturatingByPolicyIteration(shocks:matrix:into:work:n:)``), above that, or if it does not
    /// settle, by the iteration ``saturatingSingle(shocks:matrix:into:scratch:n:)`` (whose result is
    /// within its `1e−12` stopping change of the same fixed point). `work` holds `N·(N + 2)`
    /// values when `N ≤ smallSolveLimit`, else `N`. (A separate label from the iteration's
    /// `scratch:`, whose contract is `N` values, so that no caller sized for the iteration can
    /// pass too small a buffer.)
    @inline(__always)
    static func saturatingSingle(shocks c: UnsafePointer<Double>, matrix a: UnsafePointer<Double>,
                                        into q: UnsafeMutablePointer<Double>,
                                        work: UnsafeMutablePointer<Double>, n: Int) {
        if n <= smallSolveLimit && saturatingByPolicyIteration(shocks: c, matrix: a, into: q, work: work + n, n: n) {
            return
        }
        saturatingSingle(shocks: c, matrix: a, into: q, scratch: work, n: n)
    }

    /// The fixed point of `q = min(1, c + A q)` for one trial (`A ≥ 0`, `ρ(A) < 1`) by policy
    /// iteration (Howard 1960), exact up to rounding.
    ///
    /// The map is monotone and, as `|min(1, x) − min(1, y)| ≤ |x − y|`, a contraction in the
    /// `A`-weighted sense (`|f(q) − f(p)| ≤ A|q − p|`, `Aᵏ → 0`), so its least fixed point is its
    /// only one. Each round takes a set `S` of saturated sectors (first none: the Leontief
    /// solution), solves `q_i = 1` for `i ∈ S` and `q_i = c_i + Σ_j A_ij q_j` for the others
    /// (one elimination, ``solveSmall(_:_:n:)``), and re-classifies: `S ← {i : c_i + (A q)_i ≥ 1}`.
    /// When `S` no longer changes, `q` satisfies `q = min(1, c + A q)` (each free sector's value is
    /// its own `c_i + (A q)_i < 1`, each saturated one's is `≥ 1`) and is that fixed point.
    ///
    /// `work` holds `n·(n + 1)` values (the system and the saturated flags). Returns `false`, with
    /// `q` unspecified, if `S` has not settled after ``policyRounds`` rounds or a system is
    /// singular; the caller then iterates.
    @inline(__always)
    static func saturatingByPolicyIteration(shocks c: UnsafePointer<Double>, matrix a: UnsafePointer<Double>,
                                            into q: UnsafeMutablePointer<Double>,
                                            work: UnsafeMutablePointer<Double>, n: Int) -> Bool {
        let system = work
        let saturated = work + n * n   // 1 for a sector held at 1, else 0
        for i in 0..<n { saturated[i] = 0 }
        for _ in 0..<policyRounds {
            for i in 0..<n {
                let row = system + i * n
                let dependencies = a + i * n
                if saturated[i] != 0 {
                    for j in 0..<n { row[j] = 0 }
                    row[i] = 1
                    q[i] = 1
                    continue
                }
                var rhs = c[i]
                for j in 0..<n {
                    if saturated[j] != 0 {
                        row[j] = 0
                        rhs += dependencies[j]
                    } else {
                        row[j] = -dependencies[j]
                    }
                }
                row[i] += 1
                q[i] = rhs
            }
            guard solveSmall(system, q, n: n) else { return false }
            var settled = true
            for i in 0..<n {
                var y = c[i]
                let dependencies = a + i * n
                for j in 0..<n { y += dependencies[j] * q[j] }
                let s: Double = y >= 1 ? 1 : 0
                if s != saturated[i] {
                    saturated[i] = s
                    settled = false
                }
            }
            if settled {
                clamp(q, count: n)
                return true
            }
        }
        return false
    }
}
