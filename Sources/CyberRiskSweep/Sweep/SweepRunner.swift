@_spi(Engine) import CyberRisk

import Foundation
import Synchronization

/// Runs sweep points on one pool of worker threads (``WorkerPool``), in units of (point, block of
/// 1024 trials).
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
        var active: [Int: Active] = [:]
        var failure: (any Error)?
    }

    /// A worker's part of the point it is on.
    private struct Part {
        var position: Int
        var block: TrialBlock
        var accumulator: ForecastAccumulator
        var blocks = 0
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
        // Tail outputs need the per-event accounting and return periods of each point's forecast.
        let tail = plan.spec.tailOutputs
        let schedule = Mutex(Schedule())
        let delivery = Mutex(())
        let capacity = TrialBlock.capacity
        // Unit u is block u − firstUnit[p] of the point at position p: points in order, each
        // point's blocks in order.
        var firstUnit = [0]
        for point in points { firstUnit.append(firstUnit.last! + TrialBlock.count(trials: plan.scenario(at: point.index).trials)) }
        let units = firstUnit

        /// The simulation plan of the point at `position`, made when a worker first reaches it.
        @Sendable func activate(_ position: Int) -> SimulationPlan? {
            schedule.withLock { s -> SimulationPlan? in
                guard s.failure == nil else { return nil }
                if let active = s.active[position] { return active.plan }
                do {
                    let simulation = try SimulationPlan(scenario: plan.scenario(at: points[position].index))
                    s.active[position] = Active(
                        plan: simulation, blocks: units[position + 1] - units[position],
                        accumulator: ForecastAccumulator(years: simulation.years, metricCount: simulation.metrics.count,
                                                         sectorCount: simulation.sectorCount,
                                                         eventClasses: tail ? simulation.scenario.events.count : nil),
                        start: Date())
                    return simulation
                } catch {
                    s.failure = error
                    return nil
                }
            }
        }

        /// Hands in a worker's part of a point; delivers the point if it is now complete.
        @Sendable func handIn(_ part: Part) {
            let done: Active? = schedule.withLock { s in
                guard var active = s.active[part.position] else { return nil }
                active.accumulator.merge(part.accumulator)
                active.handedIn += part.blocks
                if active.handedIn == active.blocks {
                    s.active[part.position] = nil
                    return active
                }
                s.active[part.position] = active
                return nil
            }
            guard let done else { return }
            let point = points[part.position]
            let tables = ForecastTables(scenario: done.plan.scenario, accumulator: done.accumulator)
            let record = SweepRecord(point: point, tables: tables, seconds: Date().timeIntervalSince(done.start))
            do {
                try delivery.withLock { _ in try finished(record, done.accumulator) }
            } catch {
                schedule.withLock { s in if s.failure == nil { s.failure = error } }
            }
        }

        let run = WorkerPool(threads: threads).run(
            units: units.last!, isCancelled: isCancelled,
            start: { _ -> Part? in nil },
            work: { current, unit in
                // The point of this unit: the last position whose first unit is ≤ unit.
                var lo = 0, hi = points.count - 1
                while lo < hi {
                    let mid = (lo + hi + 1) / 2
                    if units[mid] <= unit { lo = mid } else { hi = mid - 1 }
                }
                let position = lo, block = unit - units[lo]
                if let c = current, c.position != position {
                    handIn(c)
                    current = nil
                }
                guard let simulation = activate(position) else { return false }
                if current == nil {
                    current = Part(position: position, block: TrialBlock(plan: simulation),
                                   accumulator: ForecastAccumulator(years: simulation.years, metricCount: simulation.metrics.count,
                                                                    sectorCount: simulation.sectorCount,
                                                                    eventClasses: tail ? simulation.scenario.events.count : nil))
                }
                let rows = Swift.min(capacity, simulation.scenario.trials - block * capacity)
                guard current!.block.simulate(firstTrial: block * capacity, rows: rows, into: &current!.accumulator,
                                              isCancelled: isCancelled) else { return false }
                current!.blocks += 1
                progress?(rows)
                return true
            },
            finish: { current, stopped in
                if let c = current, !stopped { handIn(c) }
            })
        if let failure = schedule.withLock({ $0.failure }) { throw failure }
        // Without a failure, only a stop request ends the run early.
        if run.stopped { throw SimulationError.cancelled }
    }
}
