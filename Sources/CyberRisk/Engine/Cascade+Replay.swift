/// Further right-hand sides for a linear cascade already factorised: the cascade of one event
/// alone, `q_e = clamp((I − A)⁻¹ c_e)`, with the factorisation of the trial's `I − A(t)` that
/// solving its total shocks left behind (per-event accounting; docs/model.md).
extension Cascade {
    /// Solves `M x = b` in place with the eliminated `m` and `pivots` of
    /// ``solveSmall(_:_:n:pivots:)``: the same exchanges and multipliers applied to `b`, then the
    /// same back substitution. `q` is then clamped by the caller.
    @inline(__always)
    static func substituteSmall(_ m: UnsafePointer<Double>, pivots: UnsafePointer<Int32>,
                                       _ b: UnsafeMutablePointer<Double>, n: Int) {
        for k in 0..<n {
            let p = Int(pivots[k])
            if p != k { (b[k], b[p]) = (b[p], b[k]) }
            let bk = b[k]
            if bk == 0 { continue }
            for r in (k + 1)..<Swift.max(k + 1, n) {
                let f = m[r &* n &+ k]
                if f != 0 { b[r] -= f * bk }
            }
        }
        backSubstitute(m, b, n: n)
    }

    /// The back substitution of ``solveSmall(_:_:n:pivots:)`` on an upper triangle.
    @inline(__always)
    static func backSubstitute(_ m: UnsafePointer<Double>, _ b: UnsafeMutablePointer<Double>, n: Int) {
        var i = n - 1
        while i >= 0 {
            let row = m + i &* n
            var s = b[i]
            for j in (i + 1)..<Swift.max(i + 1, n) { s -= row[j] * b[j] }
            let reciprocal = 1 / row[i]
            b[i] = reciprocal.isFinite ? s * reciprocal : s / row[i]
            i -= 1
        }
    }

    /// Solves a further right-hand side `b` (in place, then clamped into `[0, 1]`) of the system
    /// that ``linearSolve(shocks:system:into:n:pivots:)`` factorised into `system`; `solved` is
    /// what that call returned (a singular system gives 1 where `b > 0`, as it does).
    @inline(__always)
    static func substitute(factored system: UnsafeMutablePointer<Double>, pivots: UnsafeMutablePointer<Int32>,
                                  into b: UnsafeMutablePointer<Double>, n: Int, solved: Bool) {
        if solved {
            if n <= smallSolveLimit {
                substituteSmall(system, pivots: pivots, b, n: n)
            } else if !LinearAlgebra.resolve(system, b, n: n, pivots: pivots) {
                for i in 0..<n { b[i] = b[i] > 0 ? 1 : 0 }
                return
            }
            clamp(b, count: n)
        } else {
            for i in 0..<n { b[i] = b[i] > 0 ? 1 : 0 }
        }
    }
}

extension Cascade {
    /// ``substituteSmall(_:pivots:_:n:)`` for `k` right-hand sides at once, stored interleaved:
    /// entry `i` of right-hand side `j` at `b[i·k + j]`. The same operations on each, in the
    /// same order; the inner loops over the `k` sides are independent, so they run side by side.
    @inline(__always)
    static func substituteSmall(_ m: UnsafePointer<Double>, pivots: UnsafePointer<Int32>,
                                       _ b: UnsafeMutablePointer<Double>, count k: Int, n: Int) {
        for r in 0..<n {
            let p = Int(pivots[r])
            if p != r {
                for j in 0..<k { (b[r &* k &+ j], b[p &* k &+ j]) = (b[p &* k &+ j], b[r &* k &+ j]) }
            }
            let pivotRow = b + r &* k
            var row = r &+ 1
            while row < n {
                let f = m[row &* n &+ r]
                if f != 0 {
                    let target = b + row &* k
                    for j in 0..<k { target[j] -= f * pivotRow[j] }
                }
                row &+= 1
            }
        }
        var i = n - 1
        while i >= 0 {
            let row = m + i &* n
            let x = b + i &* k
            var c = i &+ 1
            while c < n {
                let a = row[c]
                let y = b + c &* k
                for j in 0..<k { x[j] -= a * y[j] }
                c &+= 1
            }
            let reciprocal = 1 / row[i]
            if reciprocal.isFinite {
                for j in 0..<k { x[j] *= reciprocal }
            } else {
                for j in 0..<k { x[j] /= row[i] }
            }
            i -= 1
        }
    }

    /// Further right-hand sides of both systems of a pair eliminated by ``solveSmallPair(_:_:n:)``
    /// (which exchanges no rows), interleaved as `b[i·k + j]` with lane `l` of each entry belonging
    /// to system `l`: the stored multipliers, then the back substitution, on both lanes at once. A
    /// lane's column may be all zeros (a trial with fewer events): its solution is zero. Rows
    /// before `first` must be zero in every column (they stay zero and are skipped).
    ///
    /// Each entry goes through exactly the operations, in the order, of the column-oriented
    /// elimination (`b_r −= f_rp·b_p` for `p = 0, 1, …` where the multiplier is not zero, then
    /// `x_i = (b_i − Σ_{c>i} u_ic·x_c)·(1/u_ii)` in increasing `c`), so the results are bitwise
    /// the same; it runs row by row, up to four right-hand sides at a time in registers.
    @inline(__always)
    static func substitutePair(_ m: UnsafePointer<SIMD2<Double>>, _ b: UnsafeMutablePointer<SIMD2<Double>>,
                                      count k: Int, n: Int, from first: Int = 0) {
        var j = 0
        while j < k {
            switch k - j {
            case 4...:
                substitutePair(m, b, columns: j, count: k, n: n, from: first, as: SIMD8<Double>.self)
                j += 4
            case 2, 3:
                substitutePair(m, b, columns: j, count: k, n: n, from: first, as: SIMD4<Double>.self)
                j += 2
            default:
                substitutePair(m, b, columns: j, count: k, n: n, from: first, as: SIMD2<Double>.self)
                j += 1
            }
        }
    }

    /// ``substitutePair(_:_:count:n:from:)`` for the `V.scalarCount / 2` adjacent right-hand sides
    /// from column `j`, held in one `V` per row (both lanes of each).
    @inline(__always)
    private static func substitutePair<V: SIMD>(_ m: UnsafePointer<SIMD2<Double>>, _ b: UnsafeMutablePointer<SIMD2<Double>>,
                                                 columns j: Int, count k: Int, n: Int, from first: Int,
                                                 as _: V.Type) where V.Scalar == Double {
        let base = UnsafeMutableRawPointer(b + j)
        let rowBytes = k &* MemoryLayout<SIMD2<Double>>.stride
        @inline(__always) func load(_ i: Int) -> V { (base + i &* rowBytes).loadUnaligned(as: V.self) }
        @inline(__always) func store(_ i: Int, _ x: V) { (base + i &* rowBytes).storeBytes(of: x, as: V.self) }
        @inline(__always) func spread(_ f: SIMD2<Double>) -> V {
            var v = V()
            for l in 0..<V.scalarCount { v[l] = f[l & 1] }
            return v
        }
        let zero = SIMD2<Double>(repeating: 0)
        var row = first &+ 1
        while row < n {
            var x = load(row)
            let multipliers = m + row &* n
            var p = first
            while p < row {
                let f = multipliers[p]
                if f != zero { x -= spread(f) * load(p) }
                p &+= 1
            }
            store(row, x)
            row &+= 1
        }
        var i = n - 1
        while i >= 0 {
            let u = m + i &* n
            var x = load(i)
            var c = i &+ 1
            while c < n {
                x -= spread(u[c]) * load(c)
                c &+= 1
            }
            x *= spread(1 / u[i])
            store(i, x)
            i -= 1
        }
    }
}
