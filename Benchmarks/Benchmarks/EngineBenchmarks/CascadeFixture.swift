@_spi(Engine) import CyberRisk

/// Buffers for one cascade step over a block of `rows` trials and `n` sectors: a dependency
/// matrix `A` with entries uniform in `[0, 0.6/n)` (row sums below 0.6, so `ρ(A) < 0.6` as in
/// the shipped scenarios), its Leontief inverse, and shocks uniform in `[0, 0.05)`.
/// Allocated once; the benchmarks only read and write them.
final class CascadeFixture {
    let n: Int
    let rows: Int
    let matrix: UnsafeMutableBufferPointer<Double>
    let leontief: UnsafeMutableBufferPointer<Double>
    let shocks: UnsafeMutableBufferPointer<Double>
    let result: UnsafeMutableBufferPointer<Double>
    let scratch: UnsafeMutableBufferPointer<Double>
    let pivots: UnsafeMutableBufferPointer<Int32>

    init(n: Int, rows: Int = TrialBlock.capacity) {
        self.n = n
        self.rows = rows
        var rng = RandomStream(seed: 64, trial: UInt64(n), stream: 0, site: 0)
        let a = (0..<(n * n)).map { _ in rng.uniform() * 0.6 / Double(n) }
        matrix = .allocate(capacity: n * n)
        _ = matrix.initialize(from: a)
        leontief = .allocate(capacity: n * n)
        _ = leontief.initialize(from: LinearAlgebra.leontiefInverse(a, n: n)!)
        shocks = .allocate(capacity: rows * n)
        for k in 0..<(rows * n) { shocks.initializeElement(at: k, to: rng.uniform() * 0.05) }
        result = .allocate(capacity: rows * n)
        result.initialize(repeating: 0)
        scratch = .allocate(capacity: Swift.max(rows * n, n * n))
        scratch.initialize(repeating: 0)
        pivots = .allocate(capacity: n)
        pivots.initialize(repeating: 0)
    }

    deinit {
        for b in [matrix, leontief, shocks, result, scratch] { b.deallocate() }
        pivots.deallocate()
    }

    /// Floating-point operations of one linear block step, `2·rows·n²`.
    var linearFlops: Double { 2 * Double(rows) * Double(n) * Double(n) }

    /// `Q = clamp(C·Lᵀ)` for the block (the engine's step when `A(t)` is shared by all trials).
    func linearStep() {
        Cascade.linearBlock(shocks: shocks.baseAddress!, leontief: leontief.baseAddress!,
                            into: result.baseAddress!, rows: rows, n: n)
    }

    /// The saturating fixed point for the block; returns the iterations used.
    func saturatingStep() -> Int {
        Cascade.saturatingBlock(shocks: shocks.baseAddress!, matrix: matrix.baseAddress!,
                                into: result.baseAddress!, scratch: scratch.baseAddress!, rows: rows, n: n)
    }

    /// One trial's own `(I − A) q = c` (the engine's step when coupling varies by trial).
    func perTrialStep(row: Int) {
        scratch.baseAddress!.update(from: matrix.baseAddress!, count: n * n)
        Cascade.linearSingle(shocks: shocks.baseAddress! + row * n, matrix: scratch.baseAddress!,
                             into: result.baseAddress! + row * n, n: n, pivots: pivots.baseAddress!)
    }
}

/// A large square `C = A·Bᵀ` on one core: the reference rate of the machine's `dgemm`.
final class SquareProduct {
    let n: Int
    let a: UnsafeMutableBufferPointer<Double>
    let c: UnsafeMutableBufferPointer<Double>

    init(n: Int) {
        self.n = n
        var rng = RandomStream(seed: 65, trial: 0, stream: 0, site: 0)
        a = .allocate(capacity: n * n)
        for k in 0..<(n * n) { a.initializeElement(at: k, to: rng.uniform()) }
        c = .allocate(capacity: n * n)
        c.initialize(repeating: 0)
    }

    deinit {
        a.deallocate()
        c.deallocate()
    }

    var flops: Double { 2 * Double(n) * Double(n) * Double(n) }

    func multiply() {
        LinearAlgebra.multiplyTransposed(a.baseAddress!, a.baseAddress!, into: c.baseAddress!, rows: n, n: n, k: n)
    }
}
