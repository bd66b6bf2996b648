@_spi(Engine) import CyberRisk

/// One point of a sweep: its index in the design, the varied parameters' values (in the spec's
/// parameter order) and the forecast seed derived for it.
public struct SweepPoint: Sendable, Equatable {
    public var index: Int
    public var values: [Double]
    public var seed: UInt64

    init(index: Int, values: [Double], seed: UInt64) {
        self.index = index
        self.values = values
        self.seed = seed
    }

    /// The forecast seed of point `index` of a sweep seeded with `sweepSeed`: the first word of
    /// Philox4x64-10 at counter `(index, "SWEEP")` under key `(sweepSeed, "POINTS")`. Distinct
    /// points get independent streams; the value does not depend on the design or on sharding.
    static func seed(sweepSeed: UInt64, index: Int) -> UInt64 {
        Philox4x64.block(counter: (UInt64(index), 0x5357_4545_50, 0, 0), key: (sweepSeed, 0x504F_494E_5453)).0
    }
}
