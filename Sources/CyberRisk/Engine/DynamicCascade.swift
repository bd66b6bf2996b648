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
        // Rows in blocks of sixteen, then eight, held in registers while the columns are added (the
        // same additions in the same order as row by row, so the same bits); the last `N mod 8` rows
        // one by one.
        let width = Block.scalarCount
        var row = 0
        while row &+ 2 &* width <= n {
            var upper = u.map { load(from: $0 + row) } ?? .zero
            var lower = u.map { load(from: $0 + (row &+ width)) } ?? .zero
            for j in 0..<n {
                let qj = q[j]
                if qj == 0 { continue }
                let column = mt + (j &* n &+ row)
                upper += load(from: column) * qj
                lower += load(from: column + width) * qj
            }
            store(upper, to: next + row)
            store(lower, to: next + (row &+ width))
            row &+= 2 &* width
        }
        while row &+ width <= n {
            var sum = u.map { load(from: $0 + row) } ?? .zero
            for j in 0..<n {
                let qj = q[j]
                if qj == 0 { continue }
                sum += load(from: mt + (j &* n &+ row)) * qj
            }
            store(sum, to: next + row)
            row &+= width
        }
        for i in row..<n {
            var sum = u?[i] ?? 0
            for j in 0..<n {
                let qj = q[j]
                if qj == 0 { continue }
                sum += mt[j &* n &+ i] * qj
            }
            next[i] = sum
        }
        // clamp₀¹, NaN ↦ 1.
        var i = 0
        while i &+ width <= n {
            let v = load(from: next + i)
            var clamped = v
            clamped.replace(with: 1, where: v .> 1 .| v .!= v)
            clamped.replace(with: 0, where: v .< 0)
            store(clamped, to: q + i)
            i &+= width
        }
        for i in i..<n {
            let v = next[i]
            q[i] = v >= 0 ? (v <= 1 ? v : 1) : (v.isNaN ? 1 : 0)
        }
    }

    /// Eight rows of a vector or a column, in registers.
    typealias Block = SIMD8<Double>

    @inline(__always)
    static func load(from p: UnsafePointer<Double>) -> Block {
        UnsafeRawPointer(p).loadUnaligned(as: Block.self)
    }

    @inline(__always)
    static func load(from p: UnsafeMutablePointer<Double>) -> Block { load(from: UnsafePointer(p)) }

    @inline(__always)
    static func store(_ b: Block, to p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: b, as: Block.self)
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
