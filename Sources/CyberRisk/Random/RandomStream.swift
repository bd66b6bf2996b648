import Foundation

/// A counter-addressed stream of random numbers: the `i`-th Philox4x64-10 block of
/// `(seed, trial, stream, site)` is
///
///     Philox4x64.block(counter: (trial, stream, site, i), key: (seed, RandomStream.keyWord1))
///
/// and its 4 words are handed out in order (word 0 first), then block `i + 1`, and so on.
/// Every number a trial uses therefore depends only on `(seed, trial, stream, site)` and on how
/// many numbers were taken before it from the same stream — never on thread, shard or the order
/// in which other streams are used. Creating a stream is free (no block is computed until the
/// first draw); a stream is a value of about 100 bytes with no heap storage.
///
/// ```swift
/// var rng = RandomStream(seed: 42, trial: 7, stream: RandomStreamID.parameters, site: 3)
/// let u = rng.uniform()          // in (0, 1)
/// let z = rng.standardNormal()   // N(0, 1)
/// ```
@_spi(Engine) public struct RandomStream: Sendable {
    /// The constant second key word; the first is the seed. (Arbitrary, fixed forever: changing
    /// it changes every result.)
    package static let keyWord1: UInt64 = 0x00C0_FFEE_5EED_0001

    /// Key word 0.
    let seed: UInt64
    /// Counter word 0.
    let trial: UInt64
    /// Counter word 1: the purpose of the draws (see `RandomStreamID`).
    let stream: UInt64
    /// Counter word 2: sector, event or parameter index.
    let site: UInt64
    /// Counter word 3 of the next block to compute.
    private(set) var blockIndex: UInt64 = 0

    // The current pair of blocks (8 words, `Philox4x64.blockPair`); word `position` is next and
    // the pair is used up at `position == 8`. Computing two blocks at once costs little more
    // than one, and a stream of attack severities uses about three words per draw.
    private var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var position: UInt8 = 8

    /// A stream positioned at its first word (block 0, word 0).
    @_spi(Engine) public init(seed: UInt64, trial: UInt64, stream: UInt64, site: UInt64) {
        self.seed = seed
        self.trial = trial
        self.stream = stream
        self.site = site
    }

    /// The next 64 uniformly distributed bits.
    @inline(__always)
    @_spi(Engine) public mutating func next() -> UInt64 {
        if position == 8 {
            words = Philox4x64.blockPair(counter: (trial, stream, site, blockIndex),
                                         key: (seed, RandomStream.keyWord1))
            blockIndex &+= 2
            position = 0
        }
        let offset = Int(position) &* 8
        position &+= 1
        return withUnsafeBytes(of: &words) { $0.load(fromByteOffset: offset, as: UInt64.self) }
    }

    /// A uniform variate strictly inside `(0, 1)`: `(⌊x / 2¹²⌋ + ½)·2⁻⁵²` for the next word `x`,
    /// i.e. the midpoints of 2⁵² equal cells, from `2⁻⁵³` to `1 − 2⁻⁵³`. Every value is exact,
    /// so `log(u)` and `log(1 − u)` are always finite and `u ↦ 1 − u` maps the set onto itself.
    ///
    /// (The 53-bit form `(⌊x / 2¹¹⌋ + ½)·2⁻⁵³` is not used: its largest value rounds to 1.)
    @inline(__always)
    @_spi(Engine) public mutating func uniform() -> Double {
        RandomStream.uniform(bits: next())
    }

    /// The map from 64 random bits to `(0, 1)` used by `uniform()`.
    ///
    /// ```swift
    /// RandomStream.uniform(bits: 0)           // 0x1p-53
    /// RandomStream.uniform(bits: .max)        // 1 - 0x1p-53
    /// ```
    @inline(__always)
    static func uniform(bits: UInt64) -> Double {
        (Double(bits >> 12) + 0.5) * 0x1p-52
    }

    /// A standard normal variate by the ziggurat method (`NormalZiggurat`): exact in
    /// distribution, one word for ≈ 98.8% of draws and no transcendental function on that path.
    @inline(__always)
    @_spi(Engine) public mutating func standardNormal() -> Double {
        NormalZiggurat.sample(using: &self)
    }
}
