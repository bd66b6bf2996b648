/// Plain `Double` running sums of one series over one block of trials, in trial order.
///
/// Deterministic for a given block (same values, same order ⇒ same bits), so adding the finished
/// partial to an exact ``Moments`` once per block keeps every result independent of which thread
/// ran the block, at the cost of one plain addition per value in the hot loop.
struct BlockMoments: Sendable {
    private(set) var count: Int64 = 0
    private(set) var sum = 0.0
    private(set) var squares = 0.0
    private(set) var min = Double.infinity
    private(set) var max = -Double.infinity

    init() {}

    @inline(__always)
    mutating func add(_ x: Double) {
        count += 1
        sum += x
        squares += x * x
        min = Swift.min(min, x)
        max = Swift.max(max, x)
    }
}

extension Moments {
    /// Adds a block's partial sums (exactly; see ``BlockMoments``).
    @inline(__always)
    mutating func add(_ block: BlockMoments) {
        guard block.count > 0 else { return }
        add(blockCount: block.count, blockSum: block.sum, blockSumOfSquares: block.squares,
            blockMin: block.min, blockMax: block.max)
    }
}
