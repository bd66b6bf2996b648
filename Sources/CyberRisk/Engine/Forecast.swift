/// Runs a scenario's trials in fixed blocks across worker threads and returns the merged
/// accumulator.
///
/// Blocks are handed to `threads` workers in order (the tool's one worker pool); each worker owns a
/// block of preallocated buffers and a ``ForecastAccumulator``; the workers' accumulators are merged exactly at
/// the end. Randomness is addressed by trial, so which worker runs which block changes nothing in
/// the result.
///
/// ```swift
/// let plan = try SimulationPlan(scenario: scenario)
/// let result = try Forecast(plan: plan).run(threads: 2)
/// ```
public struct Forecast: Sendable {
    public let plan: SimulationPlan

    public init(plan: SimulationPlan) {
        self.plan = plan
    }

    /// Number of blocks for the scenario's trial count.
    public var totalBlocks: Int {
        TrialBlock.count(trials: plan.scenario.trials)
    }

    /// Trials in `shard`.
    public func trials(in shard: Shard) -> Int {
        shard.blocks(of: totalBlocks).reduce(0) { $0 + rows(inBlock: $1) }
    }

    func rows(inBlock k: Int) -> Int {
        Swift.min(TrialBlock.capacity, plan.scenario.trials - k * TrialBlock.capacity)
    }

    /// Simulates the blocks of `shard` on `threads` workers.
    ///
    /// - Parameters:
    ///   - threads: the most worker threads to use (as many as there are blocks at most).
    ///   - shard: the part of the forecast to run (``Shard/whole`` by default).
    ///   - progress: called after each block with the number of trials it finished (from worker
    ///     threads; must be thread-safe and cheap).
    ///   - isCancelled: polled between blocks and before each year of a block; when it returns
    ///     `true` the run stops and throws ``SimulationError/cancelled``.
    public func run(threads: Int, shard: Shard = .whole,
                    progress: (@Sendable (Int) -> Void)? = nil,
                    isCancelled: (@Sendable () -> Bool)? = nil) throws -> ForecastAccumulator {
        let blocks = shard.blocks(of: totalBlocks)
        let plan = self.plan
        let run = WorkerPool(threads: threads).run(
            units: blocks.count, isCancelled: isCancelled,
            start: { _ in
                (block: TrialBlock(plan: plan),
                 accumulator: ForecastAccumulator(years: plan.years, metricCount: plan.metrics.count,
                                                  sectorCount: plan.sectorCount))
            },
            work: { worker, unit in
                let k = blocks.lowerBound + unit
                let rows = self.rows(inBlock: k)
                guard worker.block.simulate(firstTrial: k * TrialBlock.capacity, rows: rows, into: &worker.accumulator,
                                            isCancelled: isCancelled) else { return false }
                progress?(rows)
                return true
            },
            finish: { worker, _ in worker.accumulator })
        if run.stopped { throw SimulationError.cancelled }
        var total = ForecastAccumulator(years: plan.years, metricCount: plan.metrics.count,
                                        sectorCount: plan.sectorCount)
        for part in run.results { total.merge(part) }
        return total
    }
}
