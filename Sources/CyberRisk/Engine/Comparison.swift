/// Several scenarios run on the same trials in one pass — common random numbers — with the
/// per-trial paired differences of every alternative against the base (the first scenario).
///
/// Random numbers are addressed by `(seed, trial, stream, site)`, so with one seed and trial
/// count each scenario sees the same futures; ``run(blocks:threads:progress:isCancelled:)``
/// simulates each block of trials for every scenario in turn, keeps the base's values of every
/// year, and adds `alternative − base` trial by trial to a ``PairedDifference``. Each scenario's
/// own accumulator is exactly the one `cyberrisk run` computes for it, so its output folder is
/// byte for byte the same.
///
/// ```swift
/// let comparison = try Comparison(scenarios: [baseline, secureByDesign])
/// let result = try comparison.run(blocks: 0..<comparison.totalBlocks, threads: 2)
/// result.pairs[0].moments[9 * metrics + 0].standardError   // paired se of Δ national_risk, 10th year
/// ```
public struct Comparison: Sendable {
    /// The scenarios' plans, the base first.
    public let plans: [SimulationPlan]
    /// Per scenario, the batch requests of its tolerances (what its `run` keeps).
    public let toleranceRequests: [[BatchRequest]]
    /// The statistics compared besides the mean, for every metric (with batch-means errors).
    public static let statistics: [SeriesStatistic] = [.quantile(0.95), .quantile(0.99)]
    /// ``statistics`` for every metric, metric-major.
    public let requests: [BatchRequest]

    /// Checks that the scenarios can be paired trial by trial and prepares them.
    ///
    /// - Throws: ``ComparisonError`` for fewer than two scenarios, a repeated name, or an
    ///   alternative whose seed, trials, years, sectors or metrics differ from the base's;
    ///   ``SimulationError`` when a scenario cannot be prepared.
    public init(scenarios: [Scenario]) throws {
        guard scenarios.count >= 2 else { throw ComparisonError.tooFew(scenarios.count) }
        let base = scenarios[0]
        var names: Set<String> = []
        for s in scenarios {
            guard names.insert(s.name).inserted else { throw ComparisonError.duplicateName(s.name) }
        }
        for s in scenarios.dropFirst() { try Comparison.check(s, against: base) }
        plans = try scenarios.map { try SimulationPlan(scenario: $0) }
        toleranceRequests = scenarios.map(\.toleranceRequests)
        let metricCount = plans[0].metrics.count
        requests = (0..<metricCount).flatMap { k in Comparison.statistics.map { BatchRequest(metric: k, statistic: $0) } }
    }

    /// The first field of `alternative` that keeps it from being paired with `base`.
    static func check(_ alternative: Scenario, against base: Scenario) throws(ComparisonError) {
        func differ(_ field: String, _ a: String, _ b: String) -> ComparisonError {
            .incompatible(scenario: alternative.name, base: base.name, field: field, value: b, baseValue: a)
        }
        if alternative.seed != base.seed { throw differ("seed", "\(base.seed)", "\(alternative.seed)") }
        if alternative.trials != base.trials { throw differ("trials", "\(base.trials)", "\(alternative.trials)") }
        if alternative.startYear != base.startYear {
            throw differ("start_year", "\(base.startYear)", "\(alternative.startYear)")
        }
        if alternative.horizonYears != base.horizonYears {
            throw differ("horizon_years", "\(base.horizonYears)", "\(alternative.horizonYears)")
        }
        let ids = base.sectors.map(\.id), otherIDs = alternative.sectors.map(\.id)
        if ids != otherIDs {
            let missing = ids.filter { !otherIDs.contains($0) }, extra = otherIDs.filter { !ids.contains($0) }
            let detail = missing.isEmpty && extra.isEmpty ? "the same ids in another order"
                : (extra.isEmpty ? "" : "extra " + extra.prefix(5).joined(separator: ", "))
                    + (!missing.isEmpty && !extra.isEmpty ? "; " : "")
                    + (missing.isEmpty ? "" : "missing " + missing.prefix(5).joined(separator: ", "))
            throw differ("sectors", "\(ids.count) sectors", "\(otherIDs.count) sectors (\(detail))")
        }
        let metrics = MetricSet(scenario: base).names, otherMetrics = MetricSet(scenario: alternative).names
        if metrics != otherMetrics {
            let dims = { (s: Scenario) in s.humanSecurity.dimensions.map(\.name).joined(separator: ", ") }
            throw differ("human_security.dimensions", "[\(dims(base))]", "[\(dims(alternative))]")
        }
    }

    /// Blocks of the (common) trial count.
    public var totalBlocks: Int { Forecast(plan: plans[0]).totalBlocks }

    /// Simulates `blocks` for every scenario on `threads` workers.
    ///
    /// - Parameters:
    ///   - blocks: the blocks to simulate (a shard's range, or all of ``totalBlocks``).
    ///   - threads: worker threads; the result does not depend on it.
    ///   - progress: called after each block with its trials times the number of scenarios.
    ///   - isCancelled: as for ``Forecast/run(threads:shard:progress:isCancelled:)``.
    public func run(blocks: Range<Int>, threads: Int,
                    progress: (@Sendable (Int) -> Void)? = nil,
                    isCancelled: (@Sendable () -> Bool)? = nil) throws -> ComparisonRun {
        let comparison = self
        let forecast = Forecast(plan: plans[0])
        let parts = try Forecast.pool(blocks: blocks, threads: threads, isCancelled: isCancelled) {
            ComparisonWorker(comparison)
        } simulate: { worker, k in
            let rows = forecast.rows(inBlock: k)
            guard worker.simulate(firstTrial: k * TrialBlock.capacity, rows: rows, isCancelled: isCancelled) else {
                return false
            }
            progress?(rows * comparison.plans.count)
            return true
        } finish: { $0.result }
        var total = ComparisonRun(empty: self)
        for part in parts { total.merge(part) }
        return total
    }
}

/// What a comparison accumulates: every scenario's own run and the paired differences.
public struct ComparisonRun: Sendable, Equatable {
    /// Each scenario's accumulator and tolerance batches, as `cyberrisk run` computes them.
    public var runs: [ForecastRun]
    /// Each scenario's batch means of ``Comparison/requests``.
    public var batches: [BatchMeans]
    /// Each alternative against the base: `pairs[i]` is scenario `i + 1`.
    public var pairs: [PairedDifference]

    public init(runs: [ForecastRun], batches: [BatchMeans], pairs: [PairedDifference]) {
        self.runs = runs
        self.batches = batches
        self.pairs = pairs
    }

    /// Nothing accumulated yet.
    public init(empty c: Comparison) {
        let p = c.plans[0]
        runs = c.plans.indices.map { i in
            ForecastRun(accumulator: c.plans[i].emptyAccumulator(),
                        batches: BatchMeans(years: p.years, requests: c.toleranceRequests[i]))
        }
        batches = c.plans.map { _ in BatchMeans(years: p.years, requests: c.requests) }
        pairs = c.plans.dropFirst().map { _ in PairedDifference(years: p.years, metricCount: p.metrics.count, requests: c.requests) }
    }

    /// Adds the result of other blocks of the same comparison (exact).
    public mutating func merge(_ other: ComparisonRun) {
        for i in runs.indices { runs[i].merge(other.runs[i]) }
        for i in batches.indices { batches[i].merge(other.batches[i]) }
        for i in pairs.indices { pairs[i].merge(other.pairs[i]) }
    }
}

/// One worker's blocks, collectors and partial results for a ``Comparison``.
final class ComparisonWorker {
    let comparison: Comparison
    let blocks: [TrialBlock]
    /// Per scenario: the union of its tolerance requests and the comparison's.
    let collectors: [BatchCollector]
    let toleranceMaps: [[Int]]
    let comparisonMap: [[Int]]
    /// The base's metric values of every year of the current block, `years × capacity × M`.
    let baseValues: UnsafeMutableBufferPointer<Double>
    /// The base's block value of each comparison request, `years × requests`.
    var baseBatch: [Double]
    var accumulators: [ForecastAccumulator]
    var toleranceBatches: [BatchMeans]
    var comparisonBatches: [BatchMeans]
    var pairs: [PairedDifference]

    init(_ c: Comparison) {
        comparison = c
        blocks = c.plans.map { TrialBlock(plan: $0) }
        let empty = ComparisonRun(empty: c)
        accumulators = empty.runs.map(\.accumulator)
        toleranceBatches = empty.runs.map(\.batches)
        comparisonBatches = empty.batches
        pairs = empty.pairs
        var collectors: [BatchCollector] = [], toleranceMaps: [[Int]] = [], comparisonMap: [[Int]] = []
        for i in c.plans.indices {
            let all = c.toleranceRequests[i] + c.requests.filter { !c.toleranceRequests[i].contains($0) }
            collectors.append(BatchCollector(requests: all, metricCount: c.plans[i].metrics.count))
            toleranceMaps.append(toleranceBatches[i].positions(in: all))
            comparisonMap.append(comparisonBatches[i].positions(in: all))
        }
        self.collectors = collectors
        self.toleranceMaps = toleranceMaps
        self.comparisonMap = comparisonMap
        let p = c.plans[0]
        baseValues = .allocate(capacity: Swift.max(1, p.years * TrialBlock.capacity * p.metrics.count))
        baseValues.initialize(repeating: 0)
        baseBatch = Array(repeating: .nan, count: p.years * c.requests.count)
    }

    deinit { baseValues.deallocate() }

    var result: ComparisonRun {
        ComparisonRun(runs: zip(accumulators, toleranceBatches).map { ForecastRun(accumulator: $0, batches: $1) },
                      batches: comparisonBatches, pairs: pairs)
    }

    /// Simulates one block for every scenario, the base first; `false` when cancelled.
    func simulate(firstTrial: Int, rows: Int, isCancelled: (@Sendable () -> Bool)?) -> Bool {
        let m = comparison.plans[0].metrics.count
        let stride = TrialBlock.capacity * m
        let full = rows == BatchMeans.batchSize
        let requestCount = comparison.requests.count
        for i in blocks.indices {
            let ok = blocks[i].simulate(firstTrial: firstTrial, rows: rows, into: &accumulators[i], isCancelled: isCancelled) { t, values in
                let stored = self.baseValues.baseAddress! + t * stride
                if i == 0 {
                    for k in 0..<(rows * m) { stored[k] = values[k] }
                } else {
                    for metric in 0..<m {
                        self.pairs[i - 1].add(year: t, metric: metric, alternative: values.baseAddress! + metric,
                                              base: stored + metric, rows: rows, stride: m)
                    }
                }
                guard full else { return }
                let collector = self.collectors[i]
                collector.collect(values, rows: rows)
                self.toleranceBatches[i].add(year: t, from: collector, map: self.toleranceMaps[i])
                self.comparisonBatches[i].add(year: t, from: collector, map: self.comparisonMap[i])
                for r in 0..<requestCount {
                    let value = collector.values[self.comparisonMap[i][r]]
                    if i == 0 {
                        self.baseBatch[t * requestCount + r] = value
                    } else {
                        self.pairs[i - 1].batches.add(year: t, request: r, value - self.baseBatch[t * requestCount + r])
                    }
                }
            }
            guard ok else { return false }
            if i > 0 { pairs[i - 1].addTrials(rows) }
        }
        return true
    }
}

/// Why scenarios cannot be compared.
public enum ComparisonError: Error, CustomStringConvertible, Equatable {
    case tooFew(Int)
    case duplicateName(String)
    /// `scenario`'s `field` is `value` where the base's is `baseValue`.
    case incompatible(scenario: String, base: String, field: String, value: String, baseValue: String)

    public var description: String {
        switch self {
        case .tooFew(let n):
            "compare needs a base and at least one alternative scenario, found \(n)"
        case .duplicateName(let name):
            "two scenarios are named '\(name)': each needs its own name (its output folder); set `name:` in one of them"
        case let .incompatible(scenario, base, field, value, baseValue):
            "\(scenario): \(field) is \(value), but the base \(base) has \(baseValue); "
                + "compared scenarios must have the same \(field) (they are paired trial by trial)"
        }
    }
}
