import CyberRisk

import Dispatch
import Foundation
import Synchronization

/// Runs sweep points on one pool of worker threads, in units of (point, block of 1024 trials).
///
/// Workers take units in point order from one shared cursor, so with many cores and few blocks
/// per point several points run at once, and with few points each one is spread over every core —
/// one pool, never nested pools. Each worker simulates into its own accumulator and hands it in
/// when it moves to another point; the worker that completes a point's last block merges the
/// pieces (exactly: the accumulator's sums are order-independent) and passes the finished point
/// to `finished`, which is called one point at a time. Results are therefore identical to running
/// each point alone, whatever the thread count.
///
/// ```swift
/// try SweepRunner(plan: plan).run(points: plan.points, threads: 8) { record, accumulator in
///     try journal.append(record)
/// }
/// ```
public struct SweepRunner: Sendable {
    public let plan: SweepPlan

    public init(plan: SweepPlan) {
        self.plan = plan
    }

    /// Trials of all `points` together (for progress bars).
    public func trials(of points: [SweepPoint]) -> Int {
        points.reduce(0) { $0 + plan.scenario(at: $1.index).trials }
    }

    private struct Active {
        var plan: SimulationPlan
        var blocks: Int
        var handedIn = 0
        var accumulator: ForecastAccumulator
        var start: Date
    }

    private struct Schedule {
        var position = 0
        var block = 0
        var active: [Int: Active] = [:]
        var failure: (any Error)?
    }

    private struct Unit {
        var position: Int
        var block: Int
        var rows: Int
        var plan: SimulationPlan
    }

    /// Simulates `points` on `threads` workers.
    ///
    /// - Parameters:
    ///   - progress: called after each block with its number of trials (from worker threads).
    ///   - isCancelled: polled between blocks and before each year of a block; once it returns
    ///     `true`, no new block starts, points in flight are abandoned, and the call throws
    ///     ``SimulationError/cancelled`` after the workers stop. Points already passed to `finished` stay finished.
    ///   - finished: receives each completed point (serially, on a worker thread). An error it
    ///     throws stops the run and is rethrown.
    public func run(points: [SweepPoint], threads: Int,
                    progress: (@Sendable (Int) -> Void)? = nil,
                    isCancelled: (@Sendable () -> Bool)? = nil,
                    finished: @escaping @Sendable (SweepRecord, ForecastAccumulator) throws -> Void) throws {
        guard !points.isEmpty else { return }
        let plan = self.plan
        let schedule = Mutex(Schedule())
        let delivery = Mutex(())
        let capacity = TrialBlock.capacity

        /// The next unit, starting the next point when the current one is all handed out.
        @Sendable func take() -> Unit? {
            schedule.withLock { s -> Unit? in
                guard s.failure == nil, s.position < points.count else { return nil }
                let scenario = plan.scenario(at: points[s.position].index)
                if s.block == 0 {
                    do {
                        let simulation = try SimulationPlan(scenario: scenario)
                        s.active[s.position] = Active(
                            plan: simulation, blocks: TrialBlock.count(trials: scenario.trials),
                            accumulator: ForecastAccumulator(years: simulation.years, metricCount: simulation.metrics.count,
                                                             sectorCount: simulation.sectorCount),
                            start: Date())
                    } catch {
                        s.failure = error
                        return nil
                    }
                }
                let active = s.active[s.position]!
                let unit = Unit(position: s.position, block: s.block,
                                rows: Swift.min(capacity, scenario.trials - s.block * capacity), plan: active.plan)
                s.block += 1
                if s.block == active.blocks {
                    s.position += 1
                    s.block = 0
                }
                return unit
            }
        }

        /// Hands in a worker's part of a point; delivers the point if it is now complete.
        @Sendable func handIn(position: Int, blocksDone: Int, part: ForecastAccumulator) {
            let done: Active? = schedule.withLock { s in
                guard var active = s.active[position] else { return nil }
                active.accumulator.merge(part)
                active.handedIn += blocksDone
                if active.handedIn == active.blocks {
                    s.active[position] = nil
                    return active
                }
                s.active[position] = active
                return nil
            }
            guard let done else { return }
            let point = points[position]
            let tables = ForecastTables(scenario: done.plan.scenario, accumulator: done.accumulator)
            let record = SweepRecord(point: point, tables: tables, seconds: Date().timeIntervalSince(done.start))
            do {
                try delivery.withLock { _ in try finished(record, done.accumulator) }
            } catch {
                schedule.withLock { s in if s.failure == nil { s.failure = error } }
            }
        }

        let workers = Swift.max(1, threads)
        let cancelled = Atomic<Bool>(false)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var current: (position: Int, block: TrialBlock, acc: ForecastAccumulator, blocks: Int)?
            while true {
                if let isCancelled, isCancelled() {
                    cancelled.store(true, ordering: .relaxed)
                    break
                }
                guard let unit = take() else { break }
                if let c = current, c.position != unit.position {
                    handIn(position: c.position, blocksDone: c.blocks, part: c.acc)
                    current = nil
                }
                if current == nil {
                    let p = unit.plan
                    current = (unit.position, TrialBlock(plan: p),
                               ForecastAccumulator(years: p.years, metricCount: p.metrics.count, sectorCount: p.sectorCount), 0)
                }
                guard current!.block.simulate(firstTrial: unit.block * capacity, rows: unit.rows, into: &current!.acc,
                                              isCancelled: isCancelled) else {
                    cancelled.store(true, ordering: .relaxed)
                    break
                }
                current!.blocks += 1
                progress?(unit.rows)
            }
            if let c = current, !cancelled.load(ordering: .relaxed) {
                handIn(position: c.position, blocksDone: c.blocks, part: c.acc)
            }
        }
        if let failure = schedule.withLock({ $0.failure }) { throw failure }
        if cancelled.load(ordering: .relaxed) { throw SimulationError.cancelled }
    }
}
