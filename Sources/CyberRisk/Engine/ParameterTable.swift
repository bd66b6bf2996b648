/// The scenario's parameters flattened into one vector per trial, and the draw that fills it.
///
/// Layout (`P` entries, then one slot per shared uncertainty):
/// - for each sector `i`, ``sectorStride`` slots from `sectorStride·i` (``SectorSlot``): digital
///   initial, ceiling, rate, attacks per year, success probability, IoT elasticity, then the
///   severity's six values (``SeveritySampler`` order);
/// - the scenario-wide entries (``Global``);
/// - for each event class `e`, ``eventStride`` slots (``EventSlot``): frequency, IoT, hub and
///   climate elasticities, common-factor `σ`, the severity's six values, then one footprint
///   probability per sector;
/// - after the `P` entries, one slot per entry of `shared:` (its one draw per trial).
///
/// A fixed parameter is copied; an uncertain one is drawn from the stream
/// `(seed, trial, stream: RandomStreamID.parameters, site: entry index)`, a shared root from site
/// `P + j`; a reference `{shared: name, scale: k}` is `k ×` its root's slot. So each place a
/// distribution is written is drawn independently, each shared uncertainty once, and every
/// trial's draw is the same on any thread or shard.
package struct ParameterTable: Sendable {
    /// Per-sector entries, offsets within a sector's slots (the severity takes six from ``severity``).
    enum SectorSlot: Int, CaseIterable, Sendable {
        case digitalInitial, digitalCeiling, digitalRate, attacksPerYear, successProbability,
             iotElasticity, severity
    }

    /// Scenario-wide entries, after the sectors' slots.
    enum Global: Int, CaseIterable, Sendable {
        case iotInitial, iotCeiling, iotRate, personalShare, compromiseRate,
             neuralInitial, neuralCeiling, neuralRate, neuralCompromiseProbability,
             attackerElasticity, harmSeverity, vulnerabilityDecline, cyberCoupling,
             climateSigma, climateCorrelation
    }

    /// Per-event-class entries, offsets within a class's slots (six severity values from
    /// ``severity``, then one footprint probability per sector from ``footprint``).
    enum EventSlot: Int, CaseIterable, Sendable {
        case frequency, iotElasticity, hubElasticity, climateElasticity, factorSigma, severity
        /// First footprint slot (after the six severity values).
        static let footprint = severity.rawValue + SeveritySampler.slotCount
    }

    /// Slots per sector.
    static let sectorStride = SectorSlot.severity.rawValue + SeveritySampler.slotCount

    /// Number of sectors `N`.
    let sectorCount: Int
    /// Number of event classes.
    let eventCount: Int
    /// Slots per event class, `EventSlot.footprint + N`.
    let eventStride: Int
    /// The `P` parameters in layout order.
    let entries: [Parameter]
    /// The definitions of the shared uncertainties (slots `P …`).
    let shared: [Parameter]
    /// Indices of the uncertain entries.
    let uncertainIndices: [Int]

    init(scenario s: Scenario) {
        let n = s.sectors.count
        var e: [Parameter] = []
        for sector in s.sectors {
            e += [sector.digital.initial, sector.digital.ceiling, sector.digital.rate,
                  sector.threat.attacksPerYear, sector.threat.successProbability, sector.threat.iotElasticity]
            e += sector.severity.parameters
        }
        e += [s.iot.devices.initial, s.iot.devices.ceiling, s.iot.devices.rate,
              s.iot.personalShare, s.iot.compromiseRate,
              s.neural.users.initial, s.neural.users.ceiling, s.neural.users.rate,
              s.neural.compromiseProbability, s.neural.attackerElasticity, s.neural.harmSeverity,
              s.defense.vulnerabilityDecline, s.dependencies.cyberCoupling,
              s.threatClimate.sigma, s.threatClimate.correlation]
        for event in s.events {
            var factor = Parameter.fixed(0)
            if case .commonFactor(let sigma) = event.dependence { factor = sigma }
            e += [event.frequency, event.iotElasticity, event.hub?.elasticity ?? .fixed(0),
                  event.climateElasticity, factor]
            e += event.severity.parameters
            e += event.footprint.map(\.probability)
        }
        sectorCount = n
        eventCount = s.events.count
        eventStride = EventSlot.footprint + n
        entries = e
        shared = s.shared.map(\.definition)
        uncertainIndices = e.indices.filter { e[$0].isUncertain }
    }

    /// `P`, the number of entries.
    var entryCount: Int { entries.count }
    /// The length of one trial's vector: the entries and the shared slots.
    var count: Int { entries.count + shared.count }

    /// Index of a sector slot.
    @inline(__always) func index(sector i: Int, _ slot: SectorSlot) -> Int {
        ParameterTable.sectorStride * i + slot.rawValue
    }
    /// Index of a global entry.
    @inline(__always) func index(_ g: Global) -> Int { ParameterTable.sectorStride * sectorCount + g.rawValue }
    /// Index of an event class's slot.
    @inline(__always) func index(event e: Int, _ slot: EventSlot) -> Int {
        ParameterTable.sectorStride * sectorCount + Global.allCases.count + eventStride * e + slot.rawValue
    }
    /// Index of an event class's footprint probability for sector `i`.
    @inline(__always) func index(event e: Int, footprint i: Int) -> Int {
        ParameterTable.sectorStride * sectorCount + Global.allCases.count + eventStride * e + EventSlot.footprint + i
    }
    /// Index of the slot of shared uncertainty `j`.
    @inline(__always) func index(shared j: Int) -> Int { entries.count + j }

    /// Whether `A(t)` differs between trials (uncertain digital dependence or coupling), in which
    /// case the cascade is solved per trial instead of with one Leontief inverse per year.
    var couplingVariesByTrial: Bool {
        let digitalEnd = ParameterTable.sectorStride * sectorCount
        return uncertainIndices.contains { i in
            i == index(.cyberCoupling)
                || (i < digitalEnd && i % ParameterTable.sectorStride <= SectorSlot.digitalRate.rawValue)
        }
    }

    /// The vector with every entry at its fixed value or its mean (for `stress` and calibration).
    var meanValues: [Double] { entries.map(\.mean) + shared.map(\.mean) }

    /// Writes trial `trial`'s vector into `out[0..<count]`: shared roots drawn once, fixed entries
    /// copied, references scaled from their root, other uncertain entries drawn.
    func draw(seed: UInt64, trial: UInt64, into out: UnsafeMutableBufferPointer<Double>) {
        let p = entries.count
        for j in shared.indices {
            switch shared[j] {
            case .shared: continue
            case .fixed(let x): out[p + j] = x
            case let d:
                var rng = RandomStream(seed: seed, trial: trial, stream: RandomStreamID.parameters, site: UInt64(p + j))
                out[p + j] = ParameterTable.sample(d, using: &rng)
            }
        }
        for j in shared.indices {
            if case .shared(let r) = shared[j] { out[p + j] = r.totalScale * out[p + r.root] }
        }
        for k in 0..<p {
            switch entries[k] {
            case .fixed(let x):
                out[k] = x
            case .shared(let r):
                out[k] = r.totalScale * out[p + r.root]
            case let d:
                var rng = RandomStream(seed: seed, trial: trial, stream: RandomStreamID.parameters, site: UInt64(k))
                out[k] = ParameterTable.sample(d, using: &rng)
            }
        }
    }

    /// One draw of a parameter's distribution (a reference: of its scaled root, independently —
    /// the table draws shared roots once instead).
    @inline(__always)
    package static func sample(_ p: Parameter, using rng: inout RandomStream) -> Double {
        switch p {
        case .fixed(let x): return x
        case .uniform(let a, let b): return Uniform.sample(lower: a, upper: b, using: &rng)
        case .triangular(let a, let m, let b): return Triangular.sample(lower: a, mode: m, upper: b, using: &rng)
        case .pert(let a, let m, let b): return PERT.sample(lower: a, mode: m, upper: b, using: &rng)
        case .lognormal(let median, let sigma): return Lognormal.sample(median: median, sigma: sigma, using: &rng)
        case .normal(let mu, let sd, let lo, let hi):
            return TruncatedNormal.sample(mean: mu, sd: sd, lower: lo, upper: hi, using: &rng)
        case .shared(let r): return r.totalScale * sample(r.distribution, using: &rng)
        }
    }
}

/// The `stream` word of the random counter: what a draw is for. With `year` folded in, a draw
/// is addressed by `(seed, trial, stream, site)` and never depends on what other draws happened.
enum RandomStreamID {
    /// Uncertain parameters (site = parameter index); drawn once per trial.
    static let parameters: UInt64 = 0
    /// Successful attacks on a sector (site = sector): their number, then the sum of their
    /// severities (`BetaSum`), from one stream.
    static func attacks(year: Int) -> UInt64 { UInt64(year) << 8 | 1 }
    /// Number of events of each class: word `e` of site 0 for class `e` (a mean below 10), or
    /// site `e + 1` (a larger mean).
    static func eventCount(year: Int) -> UInt64 { UInt64(year) << 8 | 3 }
    /// Whether event `m` of class `e` hits each sector (site = ``eventSite(class:event:)``; word
    /// `i` for sector `i`), then its event-level draws (severity or common factor).
    static func eventHit(year: Int) -> UInt64 { UInt64(year) << 8 | 4 }
    /// Number of compromised neural implants (site 0).
    static func neural(year: Int) -> UInt64 { UInt64(year) << 8 | 5 }
    /// The per-sector severity of event `m` of class `e` on sector `i` (common-factor dependence;
    /// site = ``eventSite(class:event:sector:)``).
    static func eventSeverity(year: Int) -> UInt64 { UInt64(year) << 8 | 6 }
    /// The threat climate's standard normal of the year (site 0).
    static func climate(year: Int) -> UInt64 { UInt64(year) << 8 | 7 }

    /// The site of event `m` of class `e`: `e·2⁴⁸ + m` (classes < 2¹⁶, events < 2⁴⁸ a year).
    @inline(__always)
    static func eventSite(class e: Int, event m: Double) -> UInt64 { UInt64(e) << 48 | UInt64(m) }
    /// The site of sector `i` in event `m` of class `e`: `e·2⁴⁸ + m·2¹² + i`, folded so that it
    /// is unique for `m < 2³⁶` and `i < 2¹²` (the decoder caps sectors at 2,000).
    @inline(__always)
    static func eventSite(class e: Int, event m: Double, sector i: Int) -> UInt64 {
        UInt64(e) << 48 | UInt64(m) << 12 | UInt64(i)
    }
}
