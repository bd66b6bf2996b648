/// One series' values in ``batchCount`` quantile sketches, one per batch of trial blocks, so that
/// a quantile or tail mean comes with a batch-means standard error. Block `k` (trials
/// `1024k ..< 1024(k + 1)`) goes to batch `k mod batchCount`: which batch a value lands in depends
/// on its trial only, never on threads or shards, and blocks are independent (their random
/// numbers are addressed by trial), so the batches are independent samples.
///
/// Merging adds the batches' integer counts, so it is exact and order-independent like
/// ``QuantileSketch``.
struct BatchedSketch: Sendable, Equatable {
    /// Batches per series.
    static let batchCount = 32

    /// The batches' sketches, `batchCount` of them.
    private(set) var batches: [QuantileSketch]

    init() {
        batches = Array(repeating: QuantileSketch(), count: BatchedSketch.batchCount)
    }

    /// The batch of block `k`.
    @inline(__always)
    static func batch(ofBlock k: Int) -> Int { k % batchCount }

    /// Inserts `x` into batch `b`.
    @inline(__always)
    mutating func insert(_ x: Double, batch b: Int) {
        batches[b].insert(x)
    }

    /// Inserts `count` values into batch `b`: `values[k·stride]` for `k = 0 ..< count` (the same
    /// state as inserting them one by one).
    @inline(__always)
    mutating func insert(contentsOf values: UnsafePointer<Double>, count: Int, stride: Int, batch b: Int) {
        batches.withUnsafeMutableBufferPointer { sketches in
            sketches[b].insert(contentsOf: values, count: count, stride: stride)
        }
    }

    /// Adds another series' batches, batch by batch (exact).
    mutating func merge(_ other: BatchedSketch) {
        for b in batches.indices { batches[b].merge(other.batches[b]) }
    }

    /// All batches as one sketch (equal to inserting every value into one sketch).
    var merged: QuantileSketch {
        var all = QuantileSketch()
        for s in batches { all.merge(s) }
        return all
    }

    /// Values inserted.
    var count: UInt64 { batches.reduce(0) { $0 + $1.count } }

    func write(to w: inout ByteWriter) {
        for s in batches { s.write(to: &w) }
    }

    init(from r: inout ByteReader) throws {
        batches = []
        batches.reserveCapacity(BatchedSketch.batchCount)
        for _ in 0..<BatchedSketch.batchCount { batches.append(try QuantileSketch(from: &r)) }
    }

    /// The batch-means standard error of the statistic `estimate` (a quantile or tail mean),
    /// computed per non-empty batch: with `x_b` batch `b`'s estimate from its `n_b` values,
    /// `n = Σn_b`, `x̄ = Σ n_b x_b / n` and `B'` non-empty batches,
    ///
    ///     SE² = Σ n_b (x_b − x̄)² / ((B' − 1)·n),
    ///
    /// which for equal batches is the usual `s²/B'` of batch means, and estimates the variance
    /// `σ²/n` of the full-sample estimate when each batch's estimate has variance `σ²/n_b`.
    /// NaN with fewer than two non-empty batches or a non-finite batch estimate.
    func standardError(_ estimate: (QuantileSketch) -> Double) -> Double {
        BatchedSketch.standardError(of: batches.filter { $0.count > 0 }.map { (Double($0.count), estimate($0)) })
    }

    /// The formula of ``standardError(_:)`` for given `(n_b, x_b)` of the non-empty batches.
    static func standardError(of parts: [(n: Double, x: Double)]) -> Double {
        guard parts.count >= 2, parts.allSatisfy({ $0.x.isFinite }) else { return .nan }
        let n = parts.reduce(0) { $0 + $1.n }
        let mean = parts.reduce(0) { $0 + $1.n * $1.x } / n
        let ss = parts.reduce(0) { $0 + $1.n * ($1.x - mean) * ($1.x - mean) }
        return (ss / (Double(parts.count - 1) * n)).squareRoot()
    }

    /// Non-empty batches and the smallest non-empty batch's count.
    var batchSizes: (batches: Int, smallest: UInt64) {
        let sizes = batches.map(\.count).filter { $0 > 0 }
        return (sizes.count, sizes.min() ?? 0)
    }
}
