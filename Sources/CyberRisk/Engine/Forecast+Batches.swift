/// A forecast's accumulator together with the batch means of the statistics that need them.
public struct ForecastRun: Sendable, Equatable {
    public var accumulator: ForecastAccumulator
    public var batches: BatchMeans

    public init(accumulator: ForecastAccumulator, batches: BatchMeans) {
        self.accumulator = accumulator
        self.batches = batches
    }

    /// Adds the run of other blocks of the same forecast (exact).
    public mutating func merge(_ other: ForecastRun) {
        accumulator.merge(other.accumulator)
        batches.merge(other.batches)
    }
}

extension Scenario {
    /// The batch-means requests of the scenario's tolerances: each non-mean statistic once, in
    /// the order the tolerances first name them. What `run` keeps in `state.bin` for
    /// `tolerances.csv` (empty without tolerances).
    public var toleranceRequests: [BatchRequest] {
        let metrics = MetricSet(scenario: self)
        var requests: [BatchRequest] = []
        for t in tolerances where t.statistic.needsBatches {
            guard let k = metrics.names.firstIndex(of: t.metric) else { continue }
            let request = BatchRequest(metric: k, statistic: t.statistic)
            if !requests.contains(request) { requests.append(request) }
        }
        return requests
    }
}

extension Forecast {
    /// Simulates `blocks` and also accumulates, over each full block, the statistics of
    /// `requests` (batch means). Without requests this is ``run(blocks:threads:eventAccounting:progress:isCancelled:)``
    /// with empty batches: the accumulator is the same either way.
    public func run(blocks: Range<Int>, threads: Int, requests: [BatchRequest], eventAccounting: Bool = true,
                    progress: (@Sendable (Int) -> Void)? = nil,
                    isCancelled: (@Sendable () -> Bool)? = nil) throws -> ForecastRun {
        let plan = self.plan
        let empty = BatchMeans(years: plan.years, requests: requests)
        guard !requests.isEmpty else {
            return ForecastRun(accumulator: try run(blocks: blocks, threads: threads, eventAccounting: eventAccounting,
                                                    progress: progress, isCancelled: isCancelled),
                               batches: empty)
        }
        final class Worker {
            let block: TrialBlock
            let collector: BatchCollector
            var accumulator: ForecastAccumulator
            var batches: BatchMeans
            init(plan: SimulationPlan, requests: [BatchRequest], empty: BatchMeans, eventAccounting: Bool) {
                block = TrialBlock(plan: plan)
                collector = BatchCollector(requests: requests, metricCount: plan.metrics.count)
                accumulator = plan.emptyAccumulator(eventAccounting: eventAccounting)
                batches = empty
            }
        }
        let identity = Array(requests.indices)
        let parts = try Forecast.pool(blocks: blocks, threads: threads, isCancelled: isCancelled) {
            Worker(plan: plan, requests: requests, empty: empty, eventAccounting: eventAccounting)
        } simulate: { worker, k in
            let rows = self.rows(inBlock: k)
            let full = rows == BatchMeans.batchSize
            let w = worker
            guard w.block.simulate(firstTrial: k * TrialBlock.capacity, rows: rows, into: &w.accumulator,
                                   isCancelled: isCancelled, afterYear: { t, values in
                guard full else { return }
                w.collector.collect(values, rows: rows)
                w.batches.add(year: t, from: w.collector, map: identity)
            }) else { return false }
            progress?(rows)
            return true
        } finish: { ForecastRun(accumulator: $0.accumulator, batches: $0.batches) }
        var total = ForecastRun(accumulator: plan.emptyAccumulator(eventAccounting: eventAccounting), batches: empty)
        for part in parts { total.merge(part) }
        return total
    }
}
