import Synchronization
import Testing
@testable import CyberRisk
@testable import CyberRiskSweep

/// The runner's one pool of (point, block) units: records do not depend on the thread count or
/// on how the points' blocks interleave, and a stop request abandons the points in flight.
@Suite struct SweepRunnerTests {
    static func records(_ plan: SweepPlan, threads: Int) throws -> [SweepRecord] {
        let out = Mutex<[SweepRecord]>([])
        try SweepRunner(plan: plan).run(points: plan.points, threads: threads) { record, accumulator in
            #expect(accumulator.trials == Int64(plan.trials))
            out.withLock { $0.append(record) }
        }
        return out.withLock { $0 }.sorted { $0.point.index < $1.point.index }
    }

    /// Points of 2,500 trials (three blocks, the last short), so workers share points.
    @Test func recordsDoNotDependOnTheThreadCount() throws {
        let plan = try SweepFolderTests.plan(trials: 2500)
        let one = try Self.records(plan, threads: 1)
        #expect(one.map(\.point.index) == [0, 1, 2])
        for threads in [2, 5] {
            let many = try Self.records(plan, threads: threads)
            #expect(many.map(\.rows) == one.map(\.rows), "threads \(threads)")
        }
        #expect(SweepRunner(plan: plan).trials(of: plan.points) == 7500)
    }

    @Test func aStopRequestAbandonsThePointsInFlight() throws {
        let plan = try SweepFolderTests.plan(trials: 2500)
        let blocks = Atomic<Int>(0)
        let finished = Atomic<Int>(0)
        #expect(throws: SimulationError.cancelled) {
            try SweepRunner(plan: plan).run(points: plan.points, threads: 2,
                                            progress: { _ in blocks.wrappingAdd(1, ordering: .relaxed) },
                                            isCancelled: { blocks.load(ordering: .relaxed) >= 2 }) { _, _ in
                finished.wrappingAdd(1, ordering: .relaxed)
            }
        }
        #expect(finished.load(ordering: .relaxed) <= 1)
    }
}
