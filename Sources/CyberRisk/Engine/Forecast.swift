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

    /// The trials of a block (1,024): the unit the workers take, shards split and batch means
    /// average over.
    public static let trialsPerBlock = TrialBlock.capacity

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
    ///   - eventAccounting: whether to keep per-event accounting and return periods (the
    ///     accumulator's `tail`); without it no event is cascaded alone.
    public func run(threads: Int, shard: Shard = .whole, eventAccounting: Bool = true,
                    progress: (@Sendable (Int) -> Void)? = nil,
                    isCancelled: (@Sendable () -> Bool)? = nil) throws -> ForecastAccumulator {
        try run(blocks: shard.blocks(of: totalBlocks), threads: threads, eventAccounting: eventAccounting,
                progress: progress, isCancelled: isCancelled)
    }

    /// Simulates the blocks `blocks` (a shard's range, or a stage of a precision run) on
    /// `threads` workers; `eventAccounting`, `progress` and `isCancelled` as for
    /// ``run(threads:shard:eventAccounting:progress:isCancelled:)``.
    public func run(blocks: Range<Int>, threads: Int, eventAccounting: Bool = true,
                    progress: (@Sendable (Int) -> Void)? = nil,
                    isCancelled: (@Sendable () -> Bool)? = nil) throws -> ForecastAccumulator {
        let plan = self.plan
        let parts = try Forecast.pool(blocks: blocks, threads: threads, isCancelled: isCancelled) {
            (block: TrialBlock(plan: plan),
             acc: plan.emptyAccumulator(eventAccounting: eventAccounting))
        } simulate: { worker, k in
            let rows = self.rows(inBlock: k)
            guard worker.block.simulate(firstTrial: k * TrialBlock.capacity, rows: rows, into: &worker.acc,
                                        isCancelled: isCancelled) else { return false }
            progress?(rows)
            return true
        } finish: { $0.acc }
        var total = plan.emptyAccumulator(eventAccounting: eventAccounting)
        for part in parts { total.merge(part) }
        return total
    }

    /// The blocks of `blocks` on the tool's ``WorkerPool`` of `threads` workers: each worker owns
    /// the state `makeWorker()` gives it and runs `simulate(&state, k)` for each block `k` it
    /// takes (returning `false` when cancelled); the states' `finish` parts come back in worker
    /// order. Which worker ran which block must not matter to the caller's merge (exact
    /// accumulators make it so).
    ///
    /// - Throws: ``SimulationError/cancelled`` when `isCancelled` or a `simulate` said so.
    static func pool<Worker, Part: Sendable>(blocks: Range<Int>, threads: Int, isCancelled: (@Sendable () -> Bool)?,
                                             makeWorker: @Sendable () -> Worker,
                                             simulate: @Sendable (inout Worker, Int) -> Bool,
                                             finish: @Sendable (Worker) -> Part) throws -> [Part] {
        let first = blocks.lowerBound
        let run = WorkerPool(threads: threads).run(
            units: blocks.count, isCancelled: isCancelled,
            start: { _ in makeWorker() },
            work: { worker, unit in simulate(&worker, first + unit) },
            finish: { worker, _ in finish(worker) })
        if run.stopped { throw SimulationError.cancelled }
        return run.results
    }
}
