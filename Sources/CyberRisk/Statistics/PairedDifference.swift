/// The per-trial differences `dᵢ = yᵢ − xᵢ` of every (year, metric) between an alternative
/// scenario (`y`) and a base (`x`) run on the same trials — common random numbers — and the
/// batch means of differences of other statistics.
///
/// For the mean, the paired difference `d̄ = ȳ − x̄` has the standard error
///
///     se(d̄) = s_d / √n,       s_d² = s_x² + s_y² − 2·cov(x, y),
///
/// far below the independent runs' `√(se_x² + se_y²)` when the two scenarios' values move
/// together trial by trial (as they do when only a parameter changes). Also kept: a quantile
/// sketch of `d` (how the difference is spread across futures) and the number of trials with
/// `d > 0` (the alternative worse than the base; for a scenario against itself 0). For a
/// quantile or expected shortfall, each full block contributes the difference of the two
/// scenarios' block statistics to a ``BatchMeans``, whose standard error is the paired error of
/// the difference of the whole runs' estimates.
///
/// Everything merges exactly (exact sums, integer counts): the result is the same for any thread
/// count or shard split.
public struct PairedDifference: Sendable, Equatable {
    public let years: Int
    public let metricCount: Int
    /// Trials accumulated.
    public private(set) var trials: Int64 = 0
    /// Moments of `d`, index `year·metricCount + metric`.
    var moments: [Moments]
    /// Quantile sketch of `d`, same index.
    var sketches: [QuantileSketch]
    /// Trials with `d > 0`, same index.
    public var worse: [UInt64]
    /// Block differences of the non-mean statistics.
    public var batches: BatchMeans

    public init(years: Int, metricCount: Int, requests: [BatchRequest]) {
        self.years = years
        self.metricCount = metricCount
        moments = Array(repeating: Moments(), count: years * metricCount)
        sketches = Array(repeating: QuantileSketch(), count: years * metricCount)
        worse = Array(repeating: 0, count: years * metricCount)
        batches = BatchMeans(years: years, requests: requests)
    }

    /// Records that `count` more trials have been accumulated (once per block).
    public mutating func addTrials(_ count: Int) { trials += Int64(count) }

    /// Adds a block's differences of one series: `rows` pairs read as `alternative[k·stride]` and
    /// `base[k·stride]`. Plain sums in trial order, then one exact add of the block's moments.
    public mutating func add(year t: Int, metric m: Int, alternative y: UnsafePointer<Double>,
                             base x: UnsafePointer<Double>, rows: Int, stride: Int) {
        let series = t * metricCount + m
        var block = BlockMoments()
        var above: UInt64 = 0
        for k in 0..<rows {
            let d = y[k * stride] - x[k * stride]
            block.add(d)
            sketches[series].insert(d)
            if d > 0 { above += 1 }
        }
        moments[series].add(block)
        worse[series] += above
    }

    /// The share of trials in which the alternative's value exceeds the base's.
    public func probabilityWorse(year t: Int, metric m: Int) -> Double {
        let n = moments[t * metricCount + m].count
        return n > 0 ? Double(worse[t * metricCount + m]) / Double(n) : .nan
    }

    /// Adds another accumulator of the same shape (exact).
    public mutating func merge(_ other: PairedDifference) {
        precondition(years == other.years && metricCount == other.metricCount)
        trials += other.trials
        for k in moments.indices {
            moments[k].merge(other.moments[k])
            sketches[k].merge(other.sketches[k])
            worse[k] += other.worse[k]
        }
        batches.merge(other.batches)
    }

    // MARK: Bytes

    func write(to w: inout ByteWriter) {
        w.append(UInt64(years))
        w.append(UInt64(metricCount))
        w.append(trials)
        for k in moments.indices {
            moments[k].write(to: &w)
            sketches[k].write(to: &w)
            w.append(worse[k])
        }
        batches.write(to: &w)
    }

    /// Reads the form of ``write(to:)``, checking its shape and that no count exceeds the trials.
    init(from r: inout ByteReader, years: Int, metricCount: Int) throws {
        let y = try r.readUInt64(), m = try r.readUInt64()
        guard y == UInt64(years), m == UInt64(metricCount) else {
            throw ByteReader.Error.invalid("paired differences of shape \(y)×\(m), expected \(years)×\(metricCount)")
        }
        // Smallest forms: moments 27 bytes, sketch 35, count 8.
        guard Double(years) * Double(metricCount) * 70 <= Double(r.remainingCount) else {
            throw ByteReader.Error.truncated(offset: r.offset + r.remainingCount)
        }
        let n = try r.readInt64()
        guard n >= 0, n <= 1 << 53 else { throw ByteReader.Error.invalid("paired differences: trial count \(n) out of range") }
        self.init(years: years, metricCount: metricCount, requests: [])
        trials = n
        for k in moments.indices {
            moments[k] = try Moments(from: &r)
            sketches[k] = try QuantileSketch(from: &r)
            worse[k] = try r.readUInt64()
            guard moments[k].count <= n, sketches[k].count <= UInt64(n), worse[k] <= UInt64(n) else {
                throw ByteReader.Error.invalid("paired differences: a series counts more values than its \(n) trials")
            }
        }
        batches = try BatchMeans(from: &r, years: years, metricCount: metricCount,
                                 maximumBatches: n / Int64(BatchMeans.batchSize))
    }
}
