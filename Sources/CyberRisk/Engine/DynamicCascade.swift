/// The dynamic inoperability input-output model (DIIM; Haimes et al. 2005, Lian & Haimes 2006),
/// one day at a time:
///
///     q(k+1) = clamp₀¹( q(k) + K [A q(k) + c(k) − q(k)] ) = clamp₀¹( M q(k) + K c(k) ),
///
/// with `q` the inoperability, `A` that year's `A(t)`, `c(k)` the day's direct shock, `k_i` the
/// resilience (``Recovery``) and the transition matrix `M = I − K(I − A)`. Without the clamp and
/// with no shock, `q(k) = M^k q(0)`; with a constant shock `c` held for ever, `q(k)` tends to the
/// static IIM's `(I − A)⁻¹ c` (`ρ(M) < 1` when `ρ(A) < 1` and `0 < k_i ≤ 1`).
///
/// The step runs on `M` stored by columns: `M q = Σ_j q_j M_{·j}` adds scaled columns, an
/// element-wise loop the compiler vectorises (a row-by-row dot product is a chain of dependent
/// additions), and columns of sectors with `q_j = 0` are skipped.
enum DynamicCascade {
    /// One day: `q ← clamp₀¹(M q + u)`, in place, with `mt` the transition matrix by columns
    /// (``transitionColumns(matrix:resilience:into:n:)``) and `u = K c` the day's input (`nil`: none).
    /// `next` is scratch of `N` values.
    @inline(__always)
    static func step(_ q: UnsafeMutablePointer<Double>, transitionColumns mt: UnsafePointer<Double>,
                            input u: UnsafePointer<Double>?, scratch next: UnsafeMutablePointer<Double>, n: Int) {
        if let u {
            next.update(from: u, count: n)
        } else {
            next.update(repeating: 0, count: n)
        }
        for j in 0..<n {
            let qj = q[j]
            if qj == 0 { continue }
            let column = mt + j &* n
            for i in 0..<n { next[i] += column[i] * qj }
        }
        for i in 0..<n {
            let v = next[i]
            q[i] = v >= 0 ? (v <= 1 ? v : 1) : (v.isNaN ? 1 : 0)
        }
    }

    /// `M = I − K(I − A)` by columns: entry `(i, j)` at `j·N + i`, `M_ij = k_i a_ij` off the
    /// diagonal and `1 − k_i(1 − a_ii)` on it. `a` is row-major `N×N`.
    @inline(__always)
    static func transitionColumns(matrix a: UnsafePointer<Double>, resilience k: UnsafePointer<Double>,
                                         into mt: UnsafeMutablePointer<Double>, n: Int) {
        for i in 0..<n {
            for j in 0..<n { mt[j &* n &+ i] = k[i] * a[i &* n &+ j] }
            mt[i &* n &+ i] += 1 - k[i]
        }
    }

    /// The transition matrix `M = I − K(I − A)`, row-major. Non-negative when `0 < k_i ≤ 1` and `a_ii ≤ 1`.
    static func transition(matrix a: [Double], resilience k: [Double]) -> [Double] {
        let n = k.count
        var m = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                m[i * n + j] = k[i] * a[i * n + j]
            }
            m[i * n + i] += 1 - k[i]
        }
        return m
    }
}
