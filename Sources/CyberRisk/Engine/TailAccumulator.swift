/// What a forecast keeps about its tails: per-event accounting and return periods.
///
/// For every trial-year the engine knows the annual aggregate (the AEP basis: the year's
/// `economic_loss_usd_bn` and `national_risk`) and, for each systemic event of the catalogue, the
/// cascade of that event alone; the year's largest event by each metric is the OEP basis.
/// Sector attacks are attritional: they enter the aggregate, not the OEP (docs/model.md,
/// "Per-event accounting"). Per year this keeps the four series in batches (``BatchedSketch``,
/// for standard errors), the moments of the largest event, each sector's largest single-event
/// inoperability, and per event class its counts, its standalone annual loss and which years it
/// drives; over the whole horizon, the total and the worst year of each trial.
///
/// Every part merges exactly (integer counts, exact sums), so the outputs are identical for any
/// thread count or shard split.
struct TailAccumulator: Sendable, Equatable {
    /// The annual series kept in batches, index `year·4 + series`.
    enum Annual: Int, CaseIterable, Sendable {
        case aggregateLoss, aggregateNational, largestEventLoss, largestEventNational
    }

    /// The whole-horizon series, one value per trial.
    enum Horizon: Int, CaseIterable, Sendable {
        case totalLoss, worstYearLoss, totalNational, worstYearNational
    }

    let years: Int
    let sectorCount: Int
    /// Event classes `C`.
    let classCount: Int

    /// ``Annual`` series per year, in batches.
    var annual: [BatchedSketch]
    /// Moments of the largest event's loss and national risk, index `year·2 + (0 loss, 1 national)`.
    var largestEvent: [Moments]
    /// ``Horizon`` series, in batches.
    var horizon: [BatchedSketch]
    /// Their moments.
    var horizonMoments: [Moments]
    /// Each sector's largest single-event inoperability per year, index `year·N + sector`.
    var sectorLargestEvent: [QuantileSketch]
    /// Events of each class, index `year·C + class`.
    var classEvents: [UInt64]
    /// Trial-years with at least one event of the class, same index.
    var classYears: [UInt64]
    /// The class's standalone annual loss (the sum of its events' losses, each cascaded alone),
    /// same index.
    var classLoss: [Moments]
    /// The annual loss by the class of the year's largest event, index `year·(C + 1) + k`,
    /// `k = 0` for years without a (loss-causing) event, `k = class + 1` otherwise.
    var aggregateByLargestClass: [QuantileSketch]
    /// The largest event's loss by its class, index `year·C + class`.
    var largestEventByClass: [QuantileSketch]

    init(years: Int, sectorCount: Int, classCount: Int) {
        self.years = years
        self.sectorCount = sectorCount
        self.classCount = classCount
        annual = Array(repeating: BatchedSketch(), count: years * Annual.allCases.count)
        largestEvent = Array(repeating: Moments(), count: years * 2)
        horizon = Array(repeating: BatchedSketch(), count: Horizon.allCases.count)
        horizonMoments = Array(repeating: Moments(), count: Horizon.allCases.count)
        sectorLargestEvent = Array(repeating: QuantileSketch(), count: years * sectorCount)
        classEvents = Array(repeating: 0, count: years * classCount)
        classYears = Array(repeating: 0, count: years * classCount)
        classLoss = Array(repeating: Moments(), count: years * classCount)
        aggregateByLargestClass = Array(repeating: QuantileSketch(), count: years * (classCount + 1))
        largestEventByClass = Array(repeating: QuantileSketch(), count: years * classCount)
    }

    /// The batched series of `series` in year index `t`.
    func annual(_ series: Annual, year t: Int) -> BatchedSketch {
        annual[t * Annual.allCases.count + series.rawValue]
    }

    /// Adds another accumulator of the same shape (exact).
    mutating func merge(_ other: TailAccumulator) {
        precondition(years == other.years && sectorCount == other.sectorCount && classCount == other.classCount)
        for k in annual.indices { annual[k].merge(other.annual[k]) }
        for k in largestEvent.indices { largestEvent[k].merge(other.largestEvent[k]) }
        for k in horizon.indices {
            horizon[k].merge(other.horizon[k])
            horizonMoments[k].merge(other.horizonMoments[k])
        }
        for k in sectorLargestEvent.indices { sectorLargestEvent[k].merge(other.sectorLargestEvent[k]) }
        for k in classEvents.indices {
            classEvents[k] += other.classEvents[k]
            classYears[k] += other.classYears[k]
            classLoss[k].merge(other.classLoss[k])
            largestEventByClass[k].merge(other.largestEventByClass[k])
        }
        for k in aggregateByLargestClass.indices { aggregateByLargestClass[k].merge(other.aggregateByLargestClass[k]) }
    }

    /// Deterministic binary form (same state ⇒ same bytes).
    func write(to w: inout ByteWriter) {
        w.append(UInt64(classCount))
        for s in annual { s.write(to: &w) }
        for m in largestEvent { m.write(to: &w) }
        for k in horizon.indices {
            horizon[k].write(to: &w)
            horizonMoments[k].write(to: &w)
        }
        for s in sectorLargestEvent { s.write(to: &w) }
        for k in classEvents.indices {
            w.append(classEvents[k])
            w.append(classYears[k])
            classLoss[k].write(to: &w)
            largestEventByClass[k].write(to: &w)
        }
        for s in aggregateByLargestClass { s.write(to: &w) }
    }

    /// Reads the binary form for a forecast of `years × sectors` with `trials` trials; every
    /// count is checked against `trials` (a trial-year adds at most one value to a cell).
    init(from r: inout ByteReader, years: Int, sectorCount: Int, trials: Int64) throws {
        let c = try r.readUInt64()
        // Smallest forms: a sketch 35 bytes, a batched sketch 32 of them, moments 27 bytes.
        let sketch = 35.0, moments = 27.0, batched = 35.0 * Double(BatchedSketch.batchCount)
        guard c <= 65_536 else { throw ByteReader.Error.invalid("event classes \(c) out of range") }
        let classes = Double(c), y = Double(years)
        let minimumBytes = y * (4 * batched + 2 * moments + Double(sectorCount) * sketch
                                + classes * (16 + moments + sketch) + (classes + 1) * sketch)
            + 4 * (batched + moments)
        guard minimumBytes <= Double(r.remainingCount) else {
            throw ByteReader.Error.truncated(offset: r.offset + r.remainingCount)
        }
        self.init(years: years, sectorCount: sectorCount, classCount: Int(c))
        func check(_ count: UInt64, _ what: String, limit: UInt64 = UInt64(trials)) throws {
            guard count <= limit else { throw ByteReader.Error.invalid("\(what) counts \(count) values in \(trials) trials") }
        }
        for k in annual.indices {
            annual[k] = try BatchedSketch(from: &r)
            try check(annual[k].count, "a return-period series")
        }
        for k in largestEvent.indices {
            largestEvent[k] = try Moments(from: &r)
            try check(UInt64(Swift.max(largestEvent[k].count, 0)), "a largest-event series")
        }
        for k in horizon.indices {
            horizon[k] = try BatchedSketch(from: &r)
            horizonMoments[k] = try Moments(from: &r)
            try check(horizon[k].count, "a horizon series")
            try check(UInt64(Swift.max(horizonMoments[k].count, 0)), "a horizon series")
        }
        for k in sectorLargestEvent.indices {
            sectorLargestEvent[k] = try QuantileSketch(from: &r)
            try check(sectorLargestEvent[k].count, "a sector's largest-event series")
        }
        for k in classEvents.indices {
            classEvents[k] = try r.readUInt64()
            classYears[k] = try r.readUInt64()
            classLoss[k] = try Moments(from: &r)
            largestEventByClass[k] = try QuantileSketch(from: &r)
            try check(classYears[k], "an event class's years")
            try check(UInt64(Swift.max(classLoss[k].count, 0)), "an event class's loss")
            try check(largestEventByClass[k].count, "an event class's largest events")
            // Events per trial-year are bounded by validation (docs/config.md); 2⁶⁰ keeps every
            // merge of decoded states far from overflow.
            try check(classEvents[k], "an event class's events", limit: 1 << 60)
        }
        for k in aggregateByLargestClass.indices {
            aggregateByLargestClass[k] = try QuantileSketch(from: &r)
            try check(aggregateByLargestClass[k].count, "an event class's driven years")
        }
    }
}
