/// Preallocated, structure-of-arrays working memory for simulating up to ``capacity`` trials at
/// once, and the loop over their years.
///
/// One `TrialBlock` belongs to one worker thread; after `init` nothing is allocated while it
/// simulates (the hot loop only reads and writes these buffers).
@_spi(Engine) public final class TrialBlock {
    /// Trials per block: a constant of the output format, not of the thread count.
    @_spi(Engine) public static let capacity = 1024

    /// `⌈trials / size⌉`: the blocks that `trials` trials fill, the last one possibly in part.
    package static func count(trials: Int, size: Int = capacity) -> Int {
        (trials + size - 1) / size
    }

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
    /// Each sector's attack-severity sampler for the values it was last used with, `N`: rebuilt
    /// only when a trial's severity values differ (never, when they are fixed numbers), so the
    /// chunk size and gamma constants are not recomputed every sector-year. A pure function of
    /// the values, so caching it changes no result.
    let severitySamplers: UnsafeMutableBufferPointer<SeveritySampler>
    /// The same cache for each event class's severity, `C`.
    let eventSamplers: UnsafeMutableBufferPointer<SeveritySampler>
    /// Each sector's last digital-growth arguments and value in the current year, `4 × N`
    /// (`x0, K, r, d_i(t)`): consecutive trials with the same growth parameters (all of them, when
    /// the parameters are fixed numbers) reuse `d_i(t)` instead of recomputing it. A memo of a
    /// pure function, so it changes no result.
    let digitalMemo: UnsafeMutableBufferPointer<Double>
    /// The year's systemic events (trial, class, sectors hit and severities).
    let events: EventList
    /// Sectors hit by the event being drawn, `N`.
    let hitScratch: UnsafeMutableBufferPointer<Int32>
    /// The threat climate's log-state `X(t)` and factor `F(t)` of each trial, `capacity`.
    let climateState: UnsafeMutableBufferPointer<Double>
    let climate: UnsafeMutableBufferPointer<Double>
    /// Per-event accounting of each trial this year: the largest event's loss and national risk
    /// and the class of the largest by loss (−1: none), `capacity`; each sector's largest
    /// single-event inoperability, `capacity × N`; per class the events and their standalone
    /// losses, `capacity × C`.
    let largestLoss: UnsafeMutableBufferPointer<Double>
    let largestNational: UnsafeMutableBufferPointer<Double>
    let largestClass: UnsafeMutableBufferPointer<Int32>
    let sectorLargest: UnsafeMutableBufferPointer<Double>
    let classCount: UnsafeMutableBufferPointer<Double>
    let classLoss: UnsafeMutableBufferPointer<Double>
    /// Each trial's loss and national risk summed over the years so far and their worst year,
    /// `capacity` each.
    let horizonTotalLoss: UnsafeMutableBufferPointer<Double>
    let horizonWorstLoss: UnsafeMutableBufferPointer<Double>
    let horizonTotalNational: UnsafeMutableBufferPointer<Double>
    let horizonWorstNational: UnsafeMutableBufferPointer<Double>
    /// One event's direct shocks and inoperability (`N` each), and ``eventChunk`` rows of them for
    /// the block cascade of events (`eventChunk × N` each, plus a scratch for the saturating mode).
    let eventShock: UnsafeMutableBufferPointer<Double>
    let eventQ: UnsafeMutableBufferPointer<Double>
    let eventRows: UnsafeMutableBufferPointer<Double>
    let eventRowsQ: UnsafeMutableBufferPointer<Double>
    let eventRowsScratch: UnsafeMutableBufferPointer<Double>
    /// ``eventChunk`` right-hand sides of the two trials of a pair, `eventChunk × N`.
    let pairRows: UnsafeMutableBufferPointer<SIMD2<Double>>
    let eventChunk: Int
    /// Each class's footprint support — the sectors it can hit (a probability whose upper bound is
    /// positive) — flattened, with class `e`'s from `supportStart[e]` to `supportStart[e + 1]`: an
    /// event draws one hit word per supported sector only.
    let support: UnsafeMutableBufferPointer<Int32>
    let supportStart: UnsafeMutableBufferPointer<Int>
    /// Event classes `C`.
    let c: Int
    /// The classes' footprint severity scales `k_i`, `C × N` (a copy of the plan's).
    let eventScales: UnsafeMutableBufferPointer<Double>
    /// Copies of the plan's per-sector and per-class tables the hot loop reads (buffers, so that
    /// reading them costs no reference counting): severity families, whether a class draws one
    /// severity per event, its hub (−1: none), the sectors' outputs `Y_i` and weights `w_i/Σw`.
    let sectorKinds: UnsafeMutableBufferPointer<SeverityKind>
    let eventKinds: UnsafeMutableBufferPointer<SeverityKind>
    let eventSharesDraw: UnsafeMutableBufferPointer<Bool>
    let eventHubs: UnsafeMutableBufferPointer<Int>
    let outputs: UnsafeMutableBufferPointer<Double>
    let weights: UnsafeMutableBufferPointer<Double>

    @_spi(Engine) public init(plan: SimulationPlan) {
        self.plan = plan
        n = plan.sectorCount
        p = plan.parameters.count
        m = plan.metrics.count
        let c0 = TrialBlock.capacity
        func buffer(_ count: Int) -> UnsafeMutableBufferPointer<Double> {
            let b = UnsafeMutableBufferPointer<Double>.allocate(capacity: Swift.max(count, 1))
            b.initialize(repeating: 0)
            return b
        }
        theta = buffer(c0 * p)
        digital = buffer(c0 * n)
        shocks = buffer(c0 * n)
        inoperability = buffer(c0 * n)
        scratch = buffer(c0 * n)
        matrix = buffer(n * n)
        values = buffer(c0 * m)
        devices = buffer(c0)
        defence = buffer(c0)
        pivots = .allocate(capacity: Swift.max(n, 1))
        pivots.initialize(repeating: 0)
        c = plan.scenario.events.count
        severitySamplers = .allocate(capacity: Swift.max(n, 1))
        severitySamplers.initialize(repeating: SeveritySampler(kind: .lognormal, 0, 0))
        eventSamplers = .allocate(capacity: Swift.max(c, 1))
        eventSamplers.initialize(repeating: SeveritySampler(kind: .lognormal, 0, 0))
        events = EventList(rows: TrialBlock.capacity)
        hitScratch = .allocate(capacity: Swift.max(n, 1))
        hitScratch.initialize(repeating: 0)
        climateState = buffer(c0)
        climate = buffer(c0)
        largestLoss = buffer(c0)
        largestNational = buffer(c0)
        largestClass = .allocate(capacity: c0)
        largestClass.initialize(repeating: -1)
        sectorLargest = buffer(c0 * n)
        classCount = buffer(c0 * c)
        classLoss = buffer(c0 * c)
        horizonTotalLoss = buffer(c0)
        horizonWorstLoss = buffer(c0)
        horizonTotalNational = buffer(c0)
        horizonWorstNational = buffer(c0)
        eventChunk = Swift.max(1, Swift.min(256, 65_536 / Swift.max(n, 1)))
        eventShock = buffer(n)
        eventQ = buffer(n)
        eventRows = buffer(eventChunk * n)
        eventRowsQ = buffer(eventChunk * n)
        eventRowsScratch = buffer(eventChunk * n)
        pairRows = .allocate(capacity: Swift.max(eventChunk * n, 1))
        pairRows.initialize(repeating: .zero)
        var supported: [Int32] = [], starts = [0]
        for e in plan.scenario.events {
            supported += e.footprint.indices.filter { e.footprint[$0].probability.upperBound > 0 }.map { Int32($0) }
            starts.append(supported.count)
        }
        eventScales = buffer(c * n)
        for k in plan.eventScales.indices { eventScales[k] = plan.eventScales[k] }
        func copy<T>(_ values: [T]) -> UnsafeMutableBufferPointer<T> {
            let b = UnsafeMutableBufferPointer<T>.allocate(capacity: Swift.max(values.count, 1))
            _ = b.initialize(from: values)
            return b
        }
        sectorKinds = copy(plan.severityKinds)
        eventKinds = copy(plan.eventKinds)
        eventSharesDraw = copy(plan.eventSharesDraw)
        eventHubs = copy(plan.eventHubs)
        outputs = copy(plan.outputs)
        support = copy(supported)
        supportStart = copy(starts)
        weights = copy(plan.nationalWeights)
        digitalMemo = buffer(4 * n)
        pairMatrix = .allocate(capacity: Swift.max(n * n, 1))
        pairMatrix.initialize(repeating: .zero)
        pairShocks = .allocate(capacity: Swift.max(n, 1))
        pairShocks.initialize(repeating: .zero)
    }

    deinit {
        for b in [theta, digital, shocks, inoperability, scratch, matrix, values, devices, defence, digitalMemo,
                  climateState, climate, largestLoss, largestNational, sectorLargest, classCount, classLoss,
                  horizonTotalLoss, horizonWorstLoss, horizonTotalNational, horizonWorstNational,
                  eventShock, eventQ, eventRows, eventRowsQ, eventRowsScratch, eventScales, outputs, weights] {
            b.deallocate()
        }
        pivots.deallocate()
        severitySamplers.deallocate()
        eventSamplers.deallocate()
        hitScratch.deallocate()
        largestClass.deallocate()
        pairRows.deallocate()
        support.deallocate()
        supportStart.deallocate()
        sectorKinds.deallocate()
        eventKinds.deallocate()
        eventSharesDraw.deallocate()
        eventHubs.deallocate()
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
    @_spi(Engine) public func simulate(firstTrial: Int, rows: Int, into accumulator: inout ForecastAccumulator,
                         isCancelled: (() -> Bool)? = nil,
                         afterYear: (_ year: Int, _ values: UnsafeBufferPointer<Double>) -> Void = { _, _ in }) -> Bool {
        precondition(rows > 0 && rows <= TrialBlock.capacity)
        let seed = plan.scenario.seed
        for b in 0..<rows {
            let row = UnsafeMutableBufferPointer(rebasing: theta[(b * p)..<(b * p + p)])
            plan.parameters.draw(seed: seed, trial: UInt64(firstTrial + b), into: row)
        }
        // The tail is taken out of the accumulator for the block (so it is uniquely referenced and
        // updated in place) and put back after it.
        var tail = accumulator.tail
        accumulator.tail = nil
        defer { accumulator.tail = tail }
        let batch = BatchedSketch.batch(ofBlock: firstTrial / TrialBlock.capacity)
        for t in 0..<plan.years {
            if let isCancelled, isCancelled() { return false }
            directShocks(year: t, firstTrial: firstTrial, rows: rows)
            cascade(year: t, rows: rows, accounting: tail != nil)
            metrics(year: t, firstTrial: firstTrial, rows: rows)
            accumulate(year: t, rows: rows, into: &accumulator)
            if tail != nil { accumulateTail(year: t, rows: rows, batch: batch, into: &tail!) }
            afterYear(t, UnsafeBufferPointer(rebasing: values[0..<(rows * m)]))
        }
        accumulator.addTrials(rows)
        return true
    }
}
