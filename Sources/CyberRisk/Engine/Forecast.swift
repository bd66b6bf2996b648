import Dispatch
import Synchronization

/// Runs a scenario's trials in fixed blocks across worker threads and returns the merged
/// accumulator.
///
/// Blocks are handed to `threads` workers through an atomic counter
/// (`DispatchQueue.concurrentPerform`); each worker owns a ``TrialBlock`` and a
/// ``ForecastAccumulator``; the workers' accumulators are merged exactly at the end. Randomness is
/// addressed by trial, so which worker runs which block changes nothing in the result.
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
    ///   - progress: called after each block with the number of trials it finished (from worker
    ///     threads; must be thread-safe and cheap).
    ///   - isCancelled: polled between blocks and before each year of a block; when it returns
    ///     `true` the run stops and throws ``SimulationError/cancelled``.
    public func run(threads: Int, shard: Shard = .whole,
                    progress: (@Sendable (Int) -> Void)? = nil,
                    isCancelled: (@Sendable () -> Bool)? = nil) throws -> ForecastAccumulator {
        let blocks = shard.blocks(of: totalBlocks)
        let workers = Swift.max(1, Swift.min(threads, blocks.count))
        let next = Atomic<Int>(blocks.lowerBound)
        let cancelled = Atomic<Bool>(false)
        let results = Mutex<[Int: ForecastAccumulator]>([:])
        let plan = self.plan
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let block = TrialBlock(plan: plan)
            var acc = ForecastAccumulator(years: plan.years, metricCount: plan.metrics.count,
                                          sectorCount: plan.sectorCount)
            while true {
                if let isCancelled, isCancelled() {
                    cancelled.store(true, ordering: .relaxed)
                    break
                }
                let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
                if k >= blocks.upperBound { break }
                let rows = self.rows(inBlock: k)
                guard block.simulate(firstTrial: k * TrialBlock.capacity, rows: rows, into: &acc,
                                     isCancelled: isCancelled) else {
                    cancelled.store(true, ordering: .relaxed)
                    break
                }
                progress?(rows)
            }
            results.withLock { $0[worker] = acc }
        }
        if cancelled.load(ordering: .relaxed) { throw SimulationError.cancelled }
        var total = ForecastAccumulator(years: plan.years, metricCount: plan.metrics.count,
                                        sectorCount: plan.sectorCount)
        results.withLock { parts in
            for w in 0..<workers { if let part = parts[w] { total.merge(part) } }
        }
        return total
    }
}
