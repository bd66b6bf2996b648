/// Preallocated, structure-of-arrays working memory for simulating up to ``capacity`` trials at
/// once, and the loop over their years.
///
/// One `TrialBlock` belongs to one worker thread; after `init` nothing is allocated while it
/// simulates (the hot loop only reads and writes these buffers).
public final class TrialBlock {
    /// Trials per block: a constant of the output format, not of the thread count.
    public static let capacity = 1024

    let plan: SimulationPlan
    let n: Int
    let p: Int
    let m: Int
    /// Parameter vectors, `capacity × P`.
    let theta: UnsafeMutableBufferPointer<Double>
    /// Digital dependence `d_i(t)`, `capacity × N`.
    let digital: UnsafeMutableBufferPointer<Double>
    /// Summed severities that hit each sector this year, then direct shocks `c`, `capacity × N`.
    let shocks: UnsafeMutableBufferPointer<Double>
    /// Inoperability `q`, `capacity × N`.
    let inoperability: UnsafeMutableBufferPointer<Double>
    /// Saturating-iteration scratch, `capacity × N`.
    let scratch: UnsafeMutableBufferPointer<Double>
    /// One trial's `A(t)` (per-trial coupling), `N × N`.
    let matrix: UnsafeMutableBufferPointer<Double>
    /// Two trials' `I − A(t)` interleaved (lane = trial), `N × N`, and their shocks, `N`, for
    /// `Cascade.solveSmallPair`.
    let pairMatrix: UnsafeMutableBufferPointer<SIMD2<Double>>
    let pairShocks: UnsafeMutableBufferPointer<SIMD2<Double>>
    /// LU pivots, `N`.
    let pivots: UnsafeMutableBufferPointer<Int32>
    /// IoT devices `D(t)` (bn) of each trial this year, `capacity`.
    let devices: UnsafeMutableBufferPointer<Double>
    /// Defence factor `δ(t)` of each trial this year, `capacity`.
    let defence: UnsafeMutableBufferPointer<Double>
    /// Metric values of this year, `capacity × M`.
    let values: UnsafeMutableBufferPointer<Double>
    /// Each sector's severity-sum sampler for the shapes it was last used with, `N`: rebuilt only
    /// when a trial's `(α_i, β_i)` differ (never, when the shapes are fixed numbers), so the chunk
    /// size and gamma constants are not recomputed every sector-year. A pure function of the
    /// shapes, so caching it changes no result.
    let severitySums: UnsafeMutableBufferPointer<BetaSum>
    /// Each sector's last digital-growth arguments and value in the current year, `4 × N`
    /// (`x0, K, r, d_i(t)`): consecutive trials with the same growth parameters (all of them, when
    /// the parameters are fixed numbers) reuse `d_i(t)` instead of recomputing it. A memo of a
    /// pure function, so it changes no result.
    let digitalMemo: UnsafeMutableBufferPointer<Double>
    /// Each sector's stream of botnet severities in the current trial-year, `N`.
    let botnetSeverities: UnsafeMutableBufferPointer<RandomStream>

    public init(plan: SimulationPlan) {
        self.plan = plan
        n = plan.sectorCount
        p = plan.parameters.count
        m = plan.metrics.count
        let c = TrialBlock.capacity
        func buffer(_ count: Int) -> UnsafeMutableBufferPointer<Double> {
            let b = UnsafeMutableBufferPointer<Double>.allocate(capacity: Swift.max(count, 1))
            b.initialize(repeating: 0)
            return b
        }
        theta = buffer(c * p)
        digital = buffer(c * n)
        shocks = buffer(c * n)
        inoperability = buffer(c * n)
        scratch = buffer(c * n)
        matrix = buffer(n * n)
        values = buffer(c * m)
        devices = buffer(c)
        defence = buffer(c)
        pivots = .allocate(capacity: Swift.max(n, 1))
        pivots.initialize(repeating: 0)
        severitySums = .allocate(capacity: Swift.max(n, 1))
        severitySums.initialize(repeating: BetaSum(alpha: 0, beta: 0))
        digitalMemo = buffer(4 * n)
        pairMatrix = .allocate(capacity: Swift.max(n * n, 1))
        pairMatrix.initialize(repeating: .zero)
        pairShocks = .allocate(capacity: Swift.max(n, 1))
        pairShocks.initialize(repeating: .zero)
        botnetSeverities = .allocate(capacity: Swift.max(n, 1))
        botnetSeverities.initialize(repeating: RandomStream(seed: 0, trial: 0, stream: 0, site: 0))
    }

    deinit {
        for b in [theta, digital, shocks, inoperability, scratch, matrix, values, devices, defence, digitalMemo] {
            b.deallocate()
        }
        pivots.deallocate()
        severitySums.deallocate()
        botnetSeverities.deallocate()
        pairMatrix.deallocate()
        pairShocks.deallocate()
    }

    /// Simulates trials `firstTrial ..< firstTrial + rows` (`rows ≤ capacity`) over all years and
    /// adds them to `accumulator`.
    ///
    /// - Parameter isCancelled: polled before each simulated year, so a stop request is seen
    ///   within one year of one block (a block of a large scenario can take seconds). Once it
    ///   returns `true` the call returns `false` and `accumulator` holds part of the block: it
    ///   must be discarded.
    /// - Parameter afterYear: called after each year with the year index and that year's metric
    ///   values, `rows × M` (value of metric `k` of row `b` at `b·M + k`), valid only during the
    ///   call: what `compare` and batch means read.
    /// - Returns: `true` when the whole block was added.
    @discardableResult
    public func simulate(firstTrial: Int, rows: Int, into accumulator: inout ForecastAccumulator,
                         isCancelled: (() -> Bool)? = nil,
                         afterYear: (_ year: Int, _ values: UnsafeBufferPointer<Double>) -> Void = { _, _ in }) -> Bool {
        precondition(rows > 0 && rows <= TrialBlock.capacity)
        let seed = plan.scenario.seed
        for b in 0..<rows {
            let row = UnsafeMutableBufferPointer(rebasing: theta[(b * p)..<(b * p + p)])
            plan.parameters.draw(seed: seed, trial: UInt64(firstTrial + b), into: row)
        }
        for t in 0..<plan.years {
            if let isCancelled, isCancelled() { return false }
            directShocks(year: t, firstTrial: firstTrial, rows: rows)
            cascade(year: t, rows: rows)
            metrics(year: t, firstTrial: firstTrial, rows: rows)
            accumulate(year: t, rows: rows, into: &accumulator)
            afterYear(t, UnsafeBufferPointer(rebasing: values[0..<(rows * m)]))
        }
        accumulator.addTrials(rows)
        return true
    }
}
