/// Propagation of direct shocks `c` through the dependency matrix into inoperability `q`
/// (the Inoperability Input-Output Model, Haimes et al.).
///
/// - linear: `q = clamp((I − A)⁻¹ c)`, the Leontief solution, clamped into `[0, 1]`.
/// - saturating: the least fixed point of `q = min(1, c + A q)`, iterated from `q = c` until the
///   largest change is below `tolerance` (at most `maxIterations`). Because the map is monotone and
///   bounded, the iterates increase to the least fixed point.
///
/// Block forms work on `rows` trials at once (row-major `rows×N` buffers) with one `dgemm` per
/// product; single forms solve one trial whose `A` is its own.
public enum Cascade {
    /// Convergence threshold of the saturating iteration (largest absolute change).
    public static let tolerance = 1e-12
    /// Iteration cap of the saturating iteration.
    public static let maxIterations = 1000

    /// `Q = clamp(C·Lᵀ)` for a block, with `L = (I − A)⁻¹` shared by all rows.
    @inline(__always)
    public static func linearBlock(shocks c: UnsafePointer<Double>, leontief l: UnsafePointer<Double>,
                                   into q: UnsafeMutablePointer<Double>, rows: Int, n: Int) {
        LinearAlgebra.multiplyTransposed(c, l, into: q, rows: rows, n: n, k: n)
        clamp(q, count: rows * n)
    }

    /// The saturating cascade for a block with `A` shared by all rows; `scratch` holds `rows·N` values.
    /// Returns the number of iterations used.
    @discardableResult
    public static func saturatingBlock(shocks c: UnsafePointer<Double>, matrix a: UnsafePointer<Double>,
                                       into q: UnsafeMutablePointer<Double>,
                                       scratch next: UnsafeMutablePointer<Double>,
                                       rows: Int, n: Int) -> Int {
        let total = rows * n
        q.update(from: c, count: total)
        for iteration in 1...maxIterations {
            next.update(from: c, count: total)
            LinearAlgebra.multiplyTransposed(q, a, into: next, rows: rows, n: n, k: n, beta: 1)
            clamp(next, count: total)
            var change = 0.0
            for k in 0..<total {
                change = Swift.max(change, Swift.abs(next[k] - q[k]))
            }
            q.update(from: next, count: total)
            if change < tolerance { return iteration }
        }
        return maxIterations
    }

    /// The linear cascade for one trial whose `A` is its own: solves `(I − A) q = c`.
    ///
    /// `a` is destroyed (it becomes the LU factors of `I − A`); `q` receives the clamped solution.
    /// If `I − A` is singular (validation prevents it), `q` is set to 1 where `c > 0`.
    @inline(__always)
    public static func linearSingle(shocks c: UnsafePointer<Double>, matrix a: UnsafeMutablePointer<Double>,
                                    into q: UnsafeMutablePointer<Double>, n: Int,
                                    pivots: UnsafeMutablePointer<Int32>) {
        for i in 0..<n * n { a[i] = -a[i] }
        for i in 0..<n { a[i * n + i] += 1 }
        q.update(from: c, count: n)
        if !LinearAlgebra.solve(a, q, n: n, pivots: pivots) {
            for i in 0..<n { q[i] = c[i] > 0 ? 1 : 0 }
            return
        }
        clamp(q, count: n)
    }

    /// The saturating cascade for one trial whose `A` is its own; `scratch` holds `N` values.
    @inline(__always)
    public static func saturatingSingle(shocks c: UnsafePointer<Double>, matrix a: UnsafePointer<Double>,
                                        into q: UnsafeMutablePointer<Double>,
                                        scratch next: UnsafeMutablePointer<Double>, n: Int) {
        q.update(from: c, count: n)
        for _ in 0..<maxIterations {
            var change = 0.0
            for i in 0..<n {
                var s = c[i]
                let row = a + i * n
                for j in 0..<n { s += row[j] * q[j] }
                let v = Swift.min(1, Swift.max(0, s))
                next[i] = v
                change = Swift.max(change, Swift.abs(v - q[i]))
            }
            q.update(from: next, count: n)
            if change < tolerance { return }
        }
    }

    /// Clamps every entry into `[0, 1]` (NaN becomes 1: an undefined state counts as lost).
    @inline(__always)
    public static func clamp(_ x: UnsafeMutablePointer<Double>, count: Int) {
        for k in 0..<count {
            let v = x[k]
            x[k] = v >= 0 ? (v <= 1 ? v : 1) : (v.isNaN ? 1 : 0)
        }
    }
}
