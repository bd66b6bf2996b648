/// Everything a forecast keeps about its trials: streaming moments and quantile sketches per
/// (year, metric) and per (year, sector). Memory depends on years, metrics and sectors, never on
/// the number of trials.
///
/// Every part merges exactly and order-independently (exact sums, integer counts), so the
/// result — and every CSV written from it — is identical for any thread count or shard split.
public struct ForecastAccumulator: Sendable, Equatable {
    /// Simulated years `H`.
    public let years: Int
    /// Metrics per year (`MetricSet.count`).
    public let metricCount: Int
    /// Sectors `N`.
    public let sectorCount: Int
    /// Trials accumulated.
    public private(set) var trials: Int64 = 0
    /// Moments of each metric, index `year·metricCount + metric`.
    var metricMoments: [Moments]
    /// Quantile sketch of each metric, same index.
    var metricSketches: [QuantileSketch]
    /// Moments of each sector's inoperability `q_i`, index `year·sectorCount + sector`.
    var inoperability: [Moments]
    /// Quantile sketch of each sector's inoperability, same index.
    var inoperabilitySketches: [QuantileSketch]
    /// Moments of each sector's direct shock `c_i`, same index.
    var directShock: [Moments]
    /// Number of trial-years in which the sector was disrupted (`q_i ≥ failure_threshold`), same index.
    var disrupted: [UInt64]
    /// Per-event accounting and return periods, when kept (forecasts keep them; sweep points,
    /// which report means and quantiles only, do not).
    var tail: TailAccumulator?

    /// An empty accumulator; `eventClasses` (the catalogue's size) adds a `TailAccumulator`.
    @_spi(Engine) public init(years: Int, metricCount: Int, sectorCount: Int, eventClasses: Int? = nil) {
        self.years = years
        self.metricCount = metricCount
        self.sectorCount = sectorCount
        metricMoments = Array(repeating: Moments(), count: years * metricCount)
        metricSketches = Array(repeating: QuantileSketch(), count: years * metricCount)
        inoperability = Array(repeating: Moments(), count: years * sectorCount)
        inoperabilitySketches = Array(repeating: QuantileSketch(), count: years * sectorCount)
        directShock = Array(repeating: Moments(), count: years * sectorCount)
        disrupted = Array(repeating: 0, count: years * sectorCount)
        tail = eventClasses.map { TailAccumulator(years: years, sectorCount: sectorCount, classCount: $0) }
    }

    /// Records that `count` more trials have been accumulated (called once per block).
    mutating func addTrials(_ count: Int) {
        trials += Int64(count)
    }

    /// Adds another accumulator of the same shape (exact).
    package mutating func merge(_ other: ForecastAccumulator) {
        precondition(years == other.years && metricCount == other.metricCount && sectorCount == other.sectorCount)
        trials += other.trials
        for k in metricMoments.indices {
            metricMoments[k].merge(other.metricMoments[k])
            metricSketches[k].merge(other.metricSketches[k])
        }
        for k in inoperability.indices {
            inoperability[k].merge(other.inoperability[k])
            inoperabilitySketches[k].merge(other.inoperabilitySketches[k])
            directShock[k].merge(other.directShock[k])
            disrupted[k] += other.disrupted[k]
        }
        precondition((tail == nil) == (other.tail == nil))
        if let t = other.tail { tail?.merge(t) }
    }

    /// Deterministic binary form (same state ⇒ same bytes).
    func write(to w: inout ByteWriter) {
        w.append(UInt64(years))
        w.append(UInt64(metricCount))
        w.append(UInt64(sectorCount))
        w.append(trials)
        for k in metricMoments.indices {
            metricMoments[k].write(to: &w)
            metricSketches[k].write(to: &w)
        }
        for k in inoperability.indices {
            inoperability[k].write(to: &w)
            inoperabilitySketches[k].write(to: &w)
            directShock[k].write(to: &w)
            w.append(disrupted[k])
        }
        if let tail {
            w.append(UInt8(1))
            tail.write(to: &w)
        } else {
            w.append(UInt8(0))
        }
    }

    /// Reads the binary form, checking its shape against the expected one.
    init(from r: inout ByteReader, years: Int, metricCount: Int, sectorCount: Int) throws {
        let y = try r.readUInt64(), m = try r.readUInt64(), n = try r.readUInt64()
        guard y == UInt64(years), m == UInt64(metricCount), n == UInt64(sectorCount) else {
            throw ByteReader.Error.invalid("accumulator shape \(y)×\(m)×\(n) does not match the configuration (\(years)×\(metricCount)×\(sectorCount))")
        }
        // The smallest forms: Moments 27 bytes (tag, count, two non-finite sums, min, max),
        // QuantileSketch 35 (tag, four words, two empty bin ranges). Checking the bytes left
        // before allocating keeps memory proportional to the input, whatever shape it claims.
        let minimumBytes = Double(years) * (Double(metricCount) * (27 + 35) + Double(sectorCount) * (27 + 35 + 27 + 8))
        guard minimumBytes <= Double(r.remainingCount) else {
            throw ByteReader.Error.truncated(offset: r.offset + r.remainingCount)
        }
        self.init(years: years, metricCount: metricCount, sectorCount: sectorCount)
        trials = try r.readInt64()
        guard trials >= 0, trials <= 1 << 53 else { throw ByteReader.Error.invalid("trial count \(trials) out of range") }
        // Each trial adds at most one value to each cell, so no cell may count more than
        // `trials`: this keeps every count, and every merge of states, far from overflow.
        let limit = trials
        func check(_ count: some BinaryInteger, _ what: String) throws {
            guard count <= limit else {
                throw ByteReader.Error.invalid("\(what) counts \(count) values in \(limit) trials")
            }
        }
        for k in metricMoments.indices {
            metricMoments[k] = try Moments(from: &r)
            metricSketches[k] = try QuantileSketch(from: &r)
            try check(metricMoments[k].count, "a metric")
            try check(metricSketches[k].count, "a metric's sketch")
        }
        for k in inoperability.indices {
            inoperability[k] = try Moments(from: &r)
            inoperabilitySketches[k] = try QuantileSketch(from: &r)
            directShock[k] = try Moments(from: &r)
            disrupted[k] = try r.readUInt64()
            try check(inoperability[k].count, "a sector")
            try check(inoperabilitySketches[k].count, "a sector's sketch")
            try check(directShock[k].count, "a sector's direct shock")
            try check(disrupted[k], "a sector's disruption")
        }
        switch try r.readUInt8() {
        case 0: tail = nil
        case 1: tail = try TailAccumulator(from: &r, years: years, sectorCount: sectorCount, trials: trials)
        case let flag: throw ByteReader.Error.invalid("tail flag \(flag)")
        }
    }
}
