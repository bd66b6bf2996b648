import Glibc

/// Times one operation repeated in a tight loop, in nanoseconds of this thread's CPU time per
/// operation (`CLOCK_THREAD_CPUTIME_ID`, so time the scheduler gives other processes on the shared
/// machine does not count), the best of several rounds (the least disturbed one).
struct OperationTimer {
    /// Operations per round.
    let count: Int
    /// Rounds; the smallest time per operation is reported.
    let rounds: Int

    /// Nanoseconds per call of `body` (which performs one operation per call and returns a value
    /// folded into a sink, so the loop cannot be removed).
    func nanoseconds(_ body: (Int) -> Double) -> Double {
        var best = Double.infinity
        var sink = 0.0
        for _ in 0..<rounds {
            let start = OperationTimer.threadCPU()
            for i in 0..<count { sink += body(i) }
            let elapsed = OperationTimer.threadCPU() - start
            best = Swift.min(best, elapsed / Double(count))
        }
        OperationTimer.keep(sink)
        return best
    }

    /// This thread's CPU time in nanoseconds.
    static func threadCPU() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) * 1e9 + Double(t.tv_nsec)
    }

    /// Makes `x` observable (a volatile-like store), so the timed work is not optimised away.
    @inline(never)
    static func keep(_ x: Double) {
        if x == 0x1.234p-1000 { print(x) }
    }
}
