/// The dynamic inoperability input-output model (DIIM; Haimes et al. 2005, Lian & Haimes 2006),
/// one day at a time:
///
///     q(k+1) = clamp₀¹( q(k) + K [A q(k) + c(k) − q(k)] ),     K = diag(k_1 … k_N),
///
/// with `q` the inoperability, `A` that year's `A(t)`, `c(k)` the day's direct shock and `k_i` the
/// resilience (``Recovery``). Without the clamp and with no shock, `q(k) = M^k q(0)` with the
/// transition matrix `M = I − K(I − A)`; with a constant shock `c` held for ever, `q(k)` tends to
/// the static IIM's `(I − A)⁻¹ c` (`M`'s spectral radius is below 1 when `ρ(A) < 1` and `0 < k_i ≤ 1`).
public enum DynamicCascade {
    /// One day of the model: `q ← clamp₀¹(q + k∘(A q + c − q))`, in place. `a` is row-major
    /// `N×N`; `c` may be `nil` (no shock that day); `next` is scratch of `N` values.
    @inline(__always)
    public static func step(_ q: UnsafeMutablePointer<Double>, matrix a: UnsafePointer<Double>,
                            resilience k: UnsafePointer<Double>, shock c: UnsafePointer<Double>?,
                            scratch next: UnsafeMutablePointer<Double>, n: Int) {
        for i in 0..<n {
            let row = a + i &* n
            var spread = 0.0
            for j in 0..<n { spread += row[j] * q[j] }
            let input = c.map { spread + $0[i] } ?? spread
            let v = q[i] + k[i] * (input - q[i])
            next[i] = v >= 0 ? (v <= 1 ? v : 1) : (v.isNaN ? 1 : 0)
        }
        q.update(from: next, count: n)
    }

    /// The transition matrix `M = I − K(I − A)`, row-major: `M_ij = k_i a_ij` off the diagonal and
    /// `1 − k_i(1 − a_ii)` on it. Non-negative when `0 < k_i ≤ 1` and `a_ii ≤ 1`.
    public static func transition(matrix a: [Double], resilience k: [Double]) -> [Double] {
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
