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
@_spi(Engine) public enum Cascade {
    /// Convergence threshold of the saturating iteration (largest absolute change).
    static let tolerance = 1e-12
    /// Iteration cap of the saturating iteration.
    static let maxIterations = 1000

    /// `Q = clamp(C·Lᵀ)` for a block, with `L = (I − A)⁻¹` shared by all rows.
    @inline(__always)
    @_spi(Engine) public static func linearBlock(shocks c: UnsafePointer<Double>, leontief l: UnsafePointer<Double>,
                                   into q: UnsafeMutablePointer<Double>, rows: Int, n: Int) {
        LinearAlgebra.multiplyTransposed(c, l, into: q, rows: rows, n: n, k: n)
        clamp(q, count: rows * n)
    }

    /// The saturating cascade for a block with `A` shared by all rows; `scratch` holds `rows·N` values.
    /// Returns the number of iterations used.
    @discardableResult
    @_spi(Engine) public static func saturatingBlock(shocks c: UnsafePointer<Double>, matrix a: UnsafePointer<Double>,
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

    /// Sizes up to which ``linearSingle(shocks:matrix:into:n:pivots:)`` eliminates in Swift; above
    /// it calls LAPACK (`dgetrf`/`dgetrs`), whose blocking pays off only for larger matrices
    /// (at N = 16 its fixed per-call cost is most of the time: see docs/performance.md).
    @_spi(Engine) public static let smallSolveLimit = 32

    /// The linear cascade for one trial whose `A` is its own: solves `(I − A) q = c`.
    ///
    /// `a` is destroyed (it becomes the eliminated `I − A`); `q` receives the clamped solution.
    /// Up to ``smallSolveLimit`` sectors by ``solveSmall(_:_:n:)``, above by LAPACK (`pivots`
    /// holds `N` entries for it). If `I − A` is singular (validation prevents it), `q` is set to
    /// 1 where `c > 0`.
    @inline(__always)
    @_spi(Engine) public static func linearSingle(shocks c: UnsafePointer<Double>, matrix a: UnsafeMutablePointer<Double>,
                                    into q: UnsafeMutablePointer<Double>, n: Int,
                                    pivots: UnsafeMutablePointer<Int32>) {
        for i in 0..<n * n { a[i] = -a[i] }
        for i in 0..<n { a[i * n + i] += 1 }
        linearSolve(shocks: c, system: a, into: q, n: n, pivots: pivots)
    }

    /// ``linearSingle(shocks:matrix:into:n:pivots:)`` given `I − A` itself (`system`, destroyed),
    /// for callers that build it in one pass.
    ///
    /// On return `system` holds the factorisation and `pivots` its row exchanges, so further
    /// right-hand sides can be solved with ``substitute(factored:pivots:into:n:)``. Returns
    /// `false` if the system is singular.
    @inline(__always) @discardableResult
    static func linearSolve(shocks c: UnsafePointer<Double>, system a: UnsafeMutablePointer<Double>,
                                   into q: UnsafeMutablePointer<Double>, n: Int,
                                   pivots: UnsafeMutablePointer<Int32>) -> Bool {
        q.update(from: c, count: n)
        let solved = n <= smallSolveLimit ? solveSmall(a, q, n: n, pivots: pivots)
                                          : LinearAlgebra.solve(a, q, n: n, pivots: pivots)
        if !solved {
            for i in 0..<n { q[i] = c[i] > 0 ? 1 : 0 }
            return false
        }
        clamp(q, count: n)
        return true
    }

    /// Solves `M x = b` in place for a small row-major `n×n` matrix `M` (destroyed, `b` becoming
    /// `x`) by Gaussian elimination with partial pivoting — the algorithm of LAPACK's unblocked
    /// `dgetf2` + `dgetrs` (largest-magnitude pivot, first on ties; multipliers and the back
    /// substitution scaled by the pivots' reciprocals, as `dgetf2` does for the multipliers,
    /// unless a reciprocal would overflow), about `n³/3` multiply–adds, without a library call's
    /// fixed cost. Returns `false` if a pivot is 0 or NaN (`M` singular).
    ///
    /// The eliminated `M` keeps `U` in and above the diagonal and each step's multipliers below
    /// it (where the elimination leaves zeros), and `pivots[k]`, when given, the row exchanged
    /// with row `k`: the factorisation ``substituteSmall(_:pivots:_:n:)`` replays for another
    /// right-hand side. (Storing them changes no arithmetic: those entries are never read again.)
    @inline(__always)
    @_spi(Engine) public static func solveSmall(_ m: UnsafeMutablePointer<Double>, _ b: UnsafeMutablePointer<Double>, n: Int,
                           pivots: UnsafeMutablePointer<Int32>? = nil) -> Bool {
        for k in 0..<n {
            let column = m + k
            var p = k
            var largest = Swift.abs(column[k &* n])
            var r = k &+ 1
            while r < n {
                let v = Swift.abs(column[r &* n])
                if v > largest {
                    largest = v
                    p = r
                }
                r &+= 1
            }
            guard largest > 0 else { return false }
            pivots?[k] = Int32(truncatingIfNeeded: p)
            let pivotRow = m + k &* n
            if p != k {
                let other = m + p &* n
                for j in k..<n { (pivotRow[j], other[j]) = (other[j], pivotRow[j]) }
                (b[k], b[p]) = (b[p], b[k])
            }
            let pivot = pivotRow[k]
            // As dgetf2: multipliers by one reciprocal unless it would overflow.
            let reciprocal = Swift.abs(pivot) >= Double.leastNormalMagnitude ? 1 / pivot : 0
            let bk = b[k]
            var row = pivotRow + n
            for r in (k + 1)..<n {
                let f = reciprocal != 0 ? row[k] * reciprocal : row[k] / pivot
                row[k] = f
                if f != 0 {
                    for j in (k + 1)..<n { row[j] -= f * pivotRow[j] }
                    b[r] -= f * bk
                }
                row += n
            }
        }
        var i = n - 1
        while i >= 0 {
            let row = m + i &* n
            var s = b[i]
            for j in (i + 1)..<n { s -= row[j] * b[j] }
            // The reciprocal does not depend on `s`, so its division is off the chain through `b`.
            let reciprocal = 1 / row[i]
            b[i] = reciprocal.isFinite ? s * reciprocal : s / row[i]
            i -= 1
        }
        return true
    }

    /// ``solveSmall(_:_:n:)`` for two independent systems at once: lane `l` of every `SIMD2` entry
    /// of `m` (row-major `n×n`) and `b` belongs to system `l` (two trials). Each lane goes through
    /// the same operations in the same order as `solveSmall`, so the solutions are bitwise the
    /// same, at about the cost of one system. It exchanges no rows: it returns `false`, leaving
    /// `m` and `b` partly eliminated, as soon as either system would need an exchange (some
    /// `|m_rk| > |m_kk|` below a pivot) or has a pivot that is not a normal number; the caller
    /// then solves both with `solveSmall`. For the Leontief systems `I − A(t)` (`A ≥ 0`,
    /// `ρ(A) < 1`) an exchange needs a dependency larger than a diagonal entry, which is rare.
    @inline(__always)
    @_spi(Engine) public static func solveSmallPair(_ m: UnsafeMutablePointer<SIMD2<Double>>,
                                      _ b: UnsafeMutablePointer<SIMD2<Double>>, n: Int) -> Bool {
        let zero = SIMD2<Double>(repeating: 0)
        for k in 0..<n {
            let pivotRow = m + k &* n
            let pivot = pivotRow[k]
            let p0 = Swift.abs(pivot[0]), p1 = Swift.abs(pivot[1])
            guard p0 >= Double.leastNormalMagnitude && p1 >= Double.leastNormalMagnitude else { return false }
            var below = pivotRow + (n &+ k)
            for _ in (k + 1)..<n {
                let v = below.pointee
                if Swift.abs(v[0]) > p0 || Swift.abs(v[1]) > p1 { return false }
                below += n
            }
            let reciprocal = 1 / pivot
            let bk = b[k]
            var row = pivotRow + n
            for r in (k + 1)..<n {
                let f = row[k] * reciprocal
                row[k] = f                     // the multiplier, kept for replays (never read again)
                let skip = f .== zero          // solveSmall skips a row whose multiplier is 0
                if !any(skip) {
                    for j in (k + 1)..<n { row[j] -= f * pivotRow[j] }
                    b[r] -= f * bk
                } else if !all(skip) {
                    for j in (k + 1)..<n { row[j] = (row[j] - f * pivotRow[j]).replacing(with: row[j], where: skip) }
                    b[r] = (b[r] - f * bk).replacing(with: b[r], where: skip)
                }
                row += n
            }
        }
        var i = n - 1
        while i >= 0 {
            let row = m + i &* n
            var s = b[i]
            for j in (i + 1)..<n { s -= row[j] * b[j] }
            b[i] = s * (1 / row[i])      // pivots are normal, so the reciprocals are finite
            i -= 1
        }
        return true
    }

    /// The saturating cascade for one trial whose `A` is its own; `scratch` holds `N` values.
    @inline(__always)
    static func saturatingSingle(shocks c: UnsafePointer<Double>, matrix a: UnsafePointer<Double>,
                                        into q: UnsafeMutablePointer<Double>,
                                        scratch next: UnsafeMutablePointer<Double>, n: Int) {
        q.update(from: c, count: n)
        for _ in 0..<maxIterations {
            let change = saturatingSweep(shocks: c, matrix: a, from: q, into: next, n: n)
            q.update(from: next, count: n)
            if change < tolerance { return }
        }
    }

    /// One sweep of the saturating iteration for one trial: `next_i = clamp₀¹(c_i + Σ_j a_ij q_j)`
    /// (`n²` multiply–adds, row-major `A`); returns the largest change `max_i |next_i − q_i|`.
    /// `next` must not overlap `q`. (Public to the engine's SPI for the roofline's cost of a sweep.)
    @inlinable @inline(__always)
    @_spi(Engine) public static func saturatingSweep(shocks c: UnsafePointer<Double>, matrix a: UnsafePointer<Double>,
                                                     from q: UnsafePointer<Double>, into next: UnsafeMutablePointer<Double>,
                                                     n: Int) -> Double {
        var change = 0.0
        for i in 0..<n {
            var s = c[i]
            let row = a + i * n
            for j in 0..<n { s += row[j] * q[j] }
            let v = Swift.min(1, Swift.max(0, s))
            next[i] = v
            change = Swift.max(change, Swift.abs(v - q[i]))
        }
        return change
    }

    /// Clamps every entry into `[0, 1]` (NaN becomes 1: an undefined state counts as lost).
    @inline(__always)
    static func clamp(_ x: UnsafeMutablePointer<Double>, count: Int) {
        for k in 0..<count {
            let v = x[k]
            x[k] = v >= 0 ? (v <= 1 ? v : 1) : (v.isNaN ? 1 : 0)
        }
    }
}
