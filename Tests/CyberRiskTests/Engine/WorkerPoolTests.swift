@testable import CyberRisk
import Synchronization
import Testing

/// The pool every parallel loop runs on: each unit runs exactly once whatever the thread count,
/// and a stop (a unit's `false`, or cancellation) keeps workers from taking new units.
@Suite struct WorkerPoolTests {
    @Test(arguments: [1, 2, 3, 8])
    func everyUnitRunsOnceAndTheWorkersResultsAddUp(threads: Int) {
        let seen = Mutex<[Int]>([])
        let run = WorkerPool(threads: threads).run(
            units: 1000, start: { _ in (sum: 0, count: 0) },
            work: { state, unit in
                state.sum += unit
                state.count += 1
                seen.withLock { $0.append(unit) }
                return true
            },
            finish: { state, _ in state })
        #expect(!run.stopped)
        #expect(run.results.count == min(threads, 1000))
        #expect(run.results.reduce(0) { $0 + $1.sum } == 999 * 1000 / 2)
        #expect(run.results.reduce(0) { $0 + $1.count } == 1000)
        #expect(seen.withLock { $0.sorted() } == Array(0..<1000))
    }

    @Test func noUnitsMeansNoWorkers() {
        let run = WorkerPool(threads: 4).run(units: 0, start: { _ in 0 }, work: { _, _ in true }, finish: { s, _ in s })
        #expect(run.results.isEmpty && !run.stopped)
    }

    @Test(arguments: [1, 2, 4])
    func aUnitReturningFalseStopsTheRun(threads: Int) {
        let ran = Atomic<Int>(0)
        let run = WorkerPool(threads: threads).run(
            units: 10_000, start: { _ in () },
            work: { _, unit in
                ran.wrappingAdd(1, ordering: .relaxed)
                return unit != 10
            },
            finish: { _, stopped in stopped })
        #expect(run.stopped)
        #expect(run.results.allSatisfy { $0 })
        // Units 0…10 were taken before the stop; each other worker finishes at most the unit it
        // had taken when unit 10 returned.
        #expect(ran.load(ordering: .relaxed) <= 11 + threads)
    }

    @Test func cancellationIsPolledBeforeEachUnit() {
        let ran = Atomic<Int>(0)
        let run = WorkerPool(threads: 2).run(
            units: 100, isCancelled: { ran.load(ordering: .relaxed) >= 5 }, start: { _ in () },
            work: { _, _ in ran.wrappingAdd(1, ordering: .relaxed); return true },
            finish: { _, _ in () })
        #expect(run.stopped)
        #expect(ran.load(ordering: .relaxed) <= 5 + 2)
    }

    @Test func forEachVisitsEveryUnit() {
        let seen = Mutex(Set<Int>())
        WorkerPool(threads: 3).forEach(units: 257) { unit in _ = seen.withLock { $0.insert(unit) } }
        #expect(seen.withLock { $0 } == Set(0..<257))
    }
}
