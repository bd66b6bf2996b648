/// One of `count` contiguous ranges of trial blocks, for splitting a forecast across processes
/// (Slurm job-array task `index` of `count`).
///
/// Block `k` holds trials `k·1024 ..< min((k+1)·1024, trials)`; shard `I` of `N` runs blocks
/// `⌊I·B/N⌋ ..< ⌊(I+1)·B/N⌋` of the `B = ⌈trials/1024⌉` blocks.
public struct Shard: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// 0-based index, `0 ≤ index < count`.
    public let index: Int
    /// Number of shards, `≥ 1`.
    public let count: Int

    /// The whole forecast as one shard.
    public static let whole = Shard(uncheckedIndex: 0, count: 1)

    private init(uncheckedIndex: Int, count: Int) {
        index = uncheckedIndex
        self.count = count
    }

    /// A shard, or `nil` unless `0 ≤ index < count`.
    public init?(index: Int, count: Int) {
        guard count >= 1, index >= 0, index < count else { return nil }
        self.init(uncheckedIndex: index, count: count)
    }

    /// Parses `"I/N"`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        self.init(index: i, count: n)
    }

    /// The blocks of this shard among `totalBlocks`.
    public func blocks(of totalBlocks: Int) -> Range<Int> {
        let lo = Int((Double(index) * Double(totalBlocks) / Double(count)).rounded(.down))
        let hi = Int((Double(index + 1) * Double(totalBlocks) / Double(count)).rounded(.down))
        return index + 1 == count ? lo..<totalBlocks : lo..<Swift.min(hi, totalBlocks)
    }

    public var description: String { "\(index)/\(count)" }

    /// The shards of a `count`-way split missing from `given` (distinct indices in
    /// `0..<count`), for messages: at most the first 10, then how many more — `count` may come
    /// from a corrupted file.
    ///
    /// ```swift
    /// Shard.missing(from: [0, 2], count: 4)   // "1/4, 3/4"
    /// ```
    package static func missing(from given: Set<Int>, count: Int) -> String {
        let listed = (0..<count).lazy.filter { !given.contains($0) }.prefix(10).map { "\($0)/\(count)" }
        let rest = count - given.count - 10
        return listed.joined(separator: ", ") + (rest > 0 ? " and \(rest) more" : "")
    }
}
