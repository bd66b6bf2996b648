@_spi(Engine) import CyberRisk

/// Costs of the cascade's linear algebra at `n` sectors, on a Leontief system `I − A` with
/// `A ≥ 0` of row sums 0.5 (as the calibrated matrices: no row exchange needed).
enum SolveCost {
    /// A fixed `n×n` matrix with entries in `[0, 1/n)`, row sums about 0.5.
    static func matrix(n: Int) -> [Double] {
        var rng = RandomStream(seed: 7, trial: 0, stream: 0, site: UInt64(n))
        return (0..<n * n).map { _ in rng.uniform() / Double(n) }
    }

    /// The cheapest measured way to solve one trial's `(I − A) q = c` at `n`, including building
    /// `I − A` from `A`: `Cascade.solveSmall`, per trial of `Cascade.solveSmallPair`, or LAPACK
    /// `dgesv` (what `Cascade.linearSingle` calls above `Cascade.smallSolveLimit`), whichever
    /// is fastest at this `n` on this machine; and the three (so that the choice of
    /// `Cascade.smallSolveLimit` can be checked).
    static func nanoseconds(n: Int) -> (best: Double, lapack: Double, small: Double, paired: Double) {
        let a = matrix(n: n)
        let m = UnsafeMutablePointer<Double>.allocate(capacity: n * n)
        let pair = UnsafeMutablePointer<SIMD2<Double>>.allocate(capacity: n * n)
        let c = UnsafeMutablePointer<Double>.allocate(capacity: n)
        let q = UnsafeMutablePointer<Double>.allocate(capacity: 2 * n)
        let x = UnsafeMutablePointer<SIMD2<Double>>.allocate(capacity: n)
        let pivots = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        defer { m.deallocate(); pair.deallocate(); c.deallocate(); q.deallocate(); x.deallocate(); pivots.deallocate() }
        for i in 0..<n { c[i] = 0.01 * Double(i % 7) }
        let count = Swift.max(2000, 4_000_000 / (n * n))
        let timer = OperationTimer(count: count, rounds: 15)
        let lapack = timer.nanoseconds { _ in
            for k in 0..<n * n { m[k] = a[k] }
            Cascade.linearSingle(shocks: c, matrix: m, into: q, n: n, pivots: pivots)
            return q[0]
        }
        let small = timer.nanoseconds { _ in
            for i in 0..<n {
                for j in 0..<n { m[i * n + j] = -a[i * n + j] }
                m[i * n + i] += 1
                q[i] = c[i]
            }
            _ = Cascade.solveSmall(m, q, n: n)
            return q[0]
        }
        let paired = timer.nanoseconds { _ in
            for i in 0..<n {
                for j in 0..<n { pair[i * n + j] = SIMD2(repeating: -a[i * n + j]) }
                pair[i * n + i] += SIMD2(repeating: 1)
                x[i] = SIMD2(repeating: c[i])
            }
            _ = Cascade.solveSmallPair(pair, x, n: n)
            return x[0][0]
        } / 2
        return (Swift.min(lapack, small, paired), lapack, small, paired)
    }

    /// One sweep of the saturating iteration for one trial, `q ← clamp(c + A q)` with the largest
    /// change (n² multiply–adds): `Cascade.saturatingSweep`, what `Cascade.saturatingSingle` runs per iteration.
    static func sweepNanoseconds(n: Int) -> Double {
        let a = UnsafeMutablePointer<Double>.allocate(capacity: n * n)
        let c = UnsafeMutablePointer<Double>.allocate(capacity: n)
        var q = UnsafeMutablePointer<Double>.allocate(capacity: n)
        var next = UnsafeMutablePointer<Double>.allocate(capacity: n)
        defer { a.deallocate(); c.deallocate(); q.deallocate(); next.deallocate() }
        for (k, x) in matrix(n: n).enumerated() { a[k] = x }
        for i in 0..<n { c[i] = 0.01 * Double(i % 7); q[i] = 0.01 }
        let timer = OperationTimer(count: Swift.max(1000, 2_000_000 / (n * n)), rounds: 15)
        return timer.nanoseconds { _ in
            let change = Cascade.saturatingSweep(shocks: c, matrix: a, from: q, into: next, n: n)
            swap(&q, &next)
            return change
        }
    }

    /// One trial's share of the shared-matrix linear cascade: `Cascade.linearBlock` on 1024 rows
    /// with a fixed Leontief inverse (one `dgemm`), divided by 1024.
    static func sharedRowNanoseconds(n: Int) -> Double {
        let rows = 1024
        let l = matrix(n: n)
        let c = (0..<rows * n).map { 0.01 * Double($0 % 7) }
        var q = [Double](repeating: 0, count: rows * n)
        let timer = OperationTimer(count: Swift.max(10, 100_000 / (n * n)), rounds: 15)
        return l.withUnsafeBufferPointer { l in
            c.withUnsafeBufferPointer { c in
                q.withUnsafeMutableBufferPointer { q in
                    timer.nanoseconds { _ in
                        Cascade.linearBlock(shocks: c.baseAddress!, leontief: l.baseAddress!, into: q.baseAddress!,
                                            rows: rows, n: n)
                        return q[0]
                    }
                }
            }
        } / Double(rows)
    }
}
