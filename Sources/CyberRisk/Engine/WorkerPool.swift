import Dispatch
import Synchronization

/// The one pool of worker threads behind every parallel loop of the tool — a forecast's blocks
/// (``Forecast``), a sweep's (point, block) units, the validation of a sweep's points, the
/// sensitivity indices' series — so none of them builds its own, and none nests another.
///
/// Units `0 ..< count` are handed out in increasing order from one atomic cursor to
/// `min(threads, count)` workers (`DispatchQueue.concurrentPerform`); a worker that finishes a
/// unit takes the next one free, so uneven units balance themselves. Each worker keeps its own
/// state (a ``TrialBlock`` and an accumulator, say) from `start` to `finish`. Which worker runs
/// which unit varies from run to run: callers make results that do not depend on it (the
/// engine's random numbers are addressed by trial, its accumulators merge exactly).
///
/// ```swift
/// let sums = WorkerPool(threads: 4).run(units: 100, start: { _ in 0 },
///                                       work: { sum, unit in sum += unit; return true },
///                                       finish: { sum, _ in sum })
/// sums.results.reduce(0, +)   // 4950, however the units were shared
/// ```
package struct WorkerPool: Sendable {
    /// Workers at most, `≥ 1`.
    package let threads: Int

    package init(threads: Int) {
        self.threads = Swift.max(1, threads)
    }

    /// Runs units `0 ..< count`: each worker makes its state with `start(worker)`, then calls
    /// `work(&state, unit)` for the units it takes, and hands its result out with
    /// `finish(&state, stopped)`.
    ///
    /// The run stops early — no worker takes another unit — once a `work` call returns `false`
    /// or `isCancelled` (polled before each unit) returns `true`; units already started run to
    /// their end.
    ///
    /// - Returns: the workers' results in worker order, and whether the run stopped early.
    package func run<State, Result: Sendable>(units count: Int,
                                              isCancelled: (@Sendable () -> Bool)? = nil,
                                              start: @Sendable (_ worker: Int) -> State,
                                              work: @Sendable (inout State, _ unit: Int) -> Bool,
                                              finish: @Sendable (inout State, _ stopped: Bool) -> Result)
        -> (results: [Result], stopped: Bool) {
        let workers = Swift.min(threads, count)
        guard workers > 0 else { return ([], false) }
        let next = Atomic<Int>(0)
        let stopped = Atomic<Bool>(false)
        let results = Mutex<[Int: Result]>([:])
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var state = start(worker)
            while !stopped.load(ordering: .relaxed) {
                if let isCancelled, isCancelled() {
                    stopped.store(true, ordering: .relaxed)
                    break
                }
                let unit = next.wrappingAdd(1, ordering: .relaxed).oldValue
                if unit >= count { break }
                if !work(&state, unit) {
                    stopped.store(true, ordering: .relaxed)
                    break
                }
            }
            let result = finish(&state, stopped.load(ordering: .relaxed))
            results.withLock { $0[worker] = result }
        }
        let all = results.withLock { r in (0..<workers).map { r[$0]! } }
        return (all, stopped.load(ordering: .relaxed))
    }

    /// Calls `body(unit)` for units `0 ..< count`, on the pool's workers.
    package func forEach(units count: Int, _ body: @Sendable (_ unit: Int) -> Void) {
        _ = run(units: count, start: { _ in () }, work: { _, unit in body(unit); return true }, finish: { _, _ in () })
    }
}
