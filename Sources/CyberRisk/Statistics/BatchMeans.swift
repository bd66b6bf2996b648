/// One series statistic whose error is estimated by batch means: metric `metric` (its index in
/// the scenario's metric order) and a ``SeriesStatistic`` other than the mean.
public struct BatchRequest: Sendable, Hashable, CustomStringConvertible {
    public var metric: Int
    public var statistic: SeriesStatistic

    public init(metric: Int, statistic: SeriesStatistic) {
        self.metric = metric
        self.statistic = statistic
    }

    public var description: String { "metric \(metric) \(statistic)" }
}

/// Batch means over blocks: for each year and each requested statistic, the moments of the
/// statistic computed on each full block of trials on its own.
///
/// With `K` full blocks of `b = 1024` trials and block values `θ₁ … θ_K`, the standard error of
/// the whole run's estimate `θ̂` (from all trials) is estimated as
///
///     se(θ̂) = s_θ / √K,      s_θ² = Σ(θ_k − θ̄)² / (K − 1)
///
/// (the batch-means estimator; for a quantile it rests on `Var θ̂ ∝ 1/n`, so a batch of `b` trials
/// has `K` times the variance of a run of `K·b`). Blocks are fixed trial ranges, so the batches —
/// and every result — are the same for any thread count or shard split; moments merge exactly.
/// A last, partial block is left out. A batch of 1024 trials holds about `1024·(1 − q)` trials
/// above its `q` quantile: the estimate is sound up to `q = 0.99` (about ten) and unreliable
/// beyond (``isReliable(_:)``).
///
/// The same type holds *paired* batch means: the block values are then differences of a
/// statistic between two scenarios run on the same trials (``PairedDifference``).
public struct BatchMeans: Sendable, Equatable {
    /// Trials per batch (the block size).
    public static let batchSize = 1024
    /// Simulated years.
    public let years: Int
    /// The statistics, in a fixed order.
    public let requests: [BatchRequest]
    /// Moments of the block values, index `year·requests.count + request`.
    private(set) var batches: [Moments]

    public init(years: Int, requests: [BatchRequest]) {
        self.years = years
        self.requests = requests
        batches = Array(repeating: Moments(), count: years * requests.count)
    }

    /// Whether there is nothing to accumulate.
    public var isEmpty: Bool { requests.isEmpty }

    /// The position of `request` in ``requests``.
    public func index(of request: BatchRequest) -> Int? { requests.firstIndex(of: request) }

    /// Adds one block's value of request `r` in year `t`.
    public mutating func add(year t: Int, request r: Int, _ value: Double) {
        batches[t * requests.count + r].add(value)
    }

    /// Adds another accumulator of the same years and requests (exact).
    public mutating func merge(_ other: BatchMeans) {
        precondition(years == other.years && requests == other.requests)
        for k in batches.indices { batches[k].merge(other.batches[k]) }
    }

    /// Number of full blocks behind year `t`'s estimates.
    public func batchCount(year t: Int) -> Int64 {
        requests.isEmpty ? 0 : batches[t * requests.count].count
    }

    /// `s_θ/√K` for request `r` in year `t`; NaN with fewer than two batches.
    public func standardError(year t: Int, request r: Int) -> Double {
        let m = batches[t * requests.count + r]
        guard m.count >= 2 else { return .nan }
        return m.standardError
    }

    /// The mean of the block values (for paired differences: the mean block difference).
    public func batchMean(year t: Int, request r: Int) -> Double {
        batches[t * requests.count + r].mean
    }

    /// Whether batch means of 1024 trials estimate the error of `statistic` soundly: at least
    /// ten trials of a batch lie beyond the level (`1024·(1 − q) ≥ 10`, i.e. `q ≤ 0.99`).
    public static func isReliable(_ statistic: SeriesStatistic) -> Bool {
        switch statistic {
        case .mean: return true
        case .quantile(let q): return Double(batchSize) * (1 - q) >= 10 - 1e-9
        case .tailMean(let p): return Double(batchSize) * p >= 10 - 1e-9
        }
    }

    /// The accumulator of only `subset` (each one of ``requests``), in `subset`'s order.
    public func restricted(to subset: [BatchRequest]) -> BatchMeans {
        var out = BatchMeans(years: years, requests: subset)
        for (j, request) in subset.enumerated() {
            let r = requests.firstIndex(of: request)!
            for t in 0..<years { out.batches[t * subset.count + j] = batches[t * requests.count + r] }
        }
        return out
    }

    // MARK: Bytes

    /// Years, the requests, then every batch's moments.
    func write(to w: inout ByteWriter) {
        w.append(UInt64(years))
        w.append(UInt64(requests.count))
        for r in requests {
            w.append(UInt64(r.metric))
            r.statistic.write(to: &w)
        }
        for m in batches { m.write(to: &w) }
    }

    /// Reads the form of ``write(to:)``, checking the years and metric bounds and that no batch
    /// counts more than `maximumBatches` values.
    init(from r: inout ByteReader, years expectedYears: Int, metricCount: Int, maximumBatches: Int64) throws {
        let y = try r.readUInt64()
        guard y == UInt64(expectedYears) else { throw ByteReader.Error.invalid("batch means: \(y) years, expected \(expectedYears)") }
        let n = try r.readUInt64()
        // A request takes 17 bytes and each of its years a moments record of at least 27.
        guard n <= UInt64(r.remainingCount / 17), Double(n) * Double(y) * 27 <= Double(r.remainingCount) else {
            throw ByteReader.Error.truncated(offset: r.offset + r.remainingCount)
        }
        var requests: [BatchRequest] = []
        for _ in 0..<n {
            let metric = try r.readUInt64()
            guard metric < UInt64(metricCount) else { throw ByteReader.Error.invalid("batch means: metric \(metric) of \(metricCount)") }
            let statistic = try SeriesStatistic(from: &r)
            guard statistic != .mean else { throw ByteReader.Error.invalid("batch means: a mean needs no batches") }
            let request = BatchRequest(metric: Int(metric), statistic: statistic)
            guard !requests.contains(request) else { throw ByteReader.Error.invalid("batch means: \(request) twice") }
            requests.append(request)
        }
        self.init(years: expectedYears, requests: requests)
        for k in batches.indices {
            let m = try Moments(from: &r)
            guard m.count <= maximumBatches else {
                throw ByteReader.Error.invalid("batch means: \(m.count) batches, at most \(maximumBatches) possible")
            }
            batches[k] = m
        }
    }
}
