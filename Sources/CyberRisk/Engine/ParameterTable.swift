/// The scenario's parameters flattened into one vector per trial, and the draw that fills it.
///
/// Layout (`P = 8·N + 17` entries): for each sector `i`, at `8·i` (``slotsPerSector``): digital
/// initial, ceiling, rate, attacks per year, success probability, IoT elasticity, severity alpha,
/// beta (``SectorSlot``); then the globals at `8·N + Global.rawValue` (``Global``). A fixed parameter is copied; an uncertain one is drawn from the
/// stream `(seed, trial, stream: RandomStreamID.parameters, site: entry index)`, so each place a
/// distribution occurs is drawn independently and every trial's draw is the same on any thread or shard.
package struct ParameterTable: Sendable {
    /// Per-sector entries, offsets within a sector's 8 slots.
    enum SectorSlot: Int, CaseIterable, Sendable {
        case digitalInitial, digitalCeiling, digitalRate, attacksPerYear, successProbability,
             iotElasticity, severityAlpha, severityBeta
    }

    /// Scenario-wide entries, after the sectors' slots.
    enum Global: Int, CaseIterable, Sendable {
        case iotInitial, iotCeiling, iotRate, personalShare, compromiseRate,
             neuralInitial, neuralCeiling, neuralRate, neuralCompromiseProbability,
             attackerElasticity, harmSeverity, botnetEvents, botnetHitProbability,
             botnetAlpha, botnetBeta, vulnerabilityDecline, cyberCoupling
    }

    /// Slots of each sector, `8`.
    static let slotsPerSector = SectorSlot.allCases.count

    /// Number of sectors `N`.
    let sectorCount: Int
    /// The `P` parameters in layout order.
    let entries: [Parameter]
    /// Indices of the uncertain entries (the only ones drawn).
    let uncertainIndices: [Int]

    init(scenario s: Scenario) {
        var e: [Parameter] = []
        e.reserveCapacity(ParameterTable.slotsPerSector * s.sectors.count + Global.allCases.count)
        for sector in s.sectors {
            e += [sector.digital.initial, sector.digital.ceiling, sector.digital.rate,
                  sector.threat.attacksPerYear, sector.threat.successProbability, sector.threat.iotElasticity,
                  sector.severity.alpha, sector.severity.beta]
        }
        e += [s.iot.devices.initial, s.iot.devices.ceiling, s.iot.devices.rate,
              s.iot.personalShare, s.iot.compromiseRate,
              s.neural.users.initial, s.neural.users.ceiling, s.neural.users.rate,
              s.neural.compromiseProbability, s.neural.attackerElasticity, s.neural.harmSeverity,
              s.botnet.eventsPerBnDevices, s.botnet.sectorHitProbability,
              s.botnet.severity.alpha, s.botnet.severity.beta,
              s.defense.vulnerabilityDecline, s.dependencies.cyberCoupling]
        sectorCount = s.sectors.count
        entries = e
        uncertainIndices = e.indices.filter { e[$0].isUncertain }
    }

    /// `P`, the length of one trial's vector.
    var count: Int { entries.count }

    /// Index of a sector slot.
    @inline(__always) func index(sector i: Int, _ slot: SectorSlot) -> Int { ParameterTable.slotsPerSector * i + slot.rawValue }
    /// Index of a global entry.
    @inline(__always) func index(_ g: Global) -> Int { ParameterTable.slotsPerSector * sectorCount + g.rawValue }

    /// Whether `A(t)` differs between trials (uncertain digital dependence or coupling), in which
    /// case the cascade is solved per trial instead of with one Leontief inverse per year.
    var couplingVariesByTrial: Bool {
        uncertainIndices.contains { i in
            i == index(.cyberCoupling) || (i < ParameterTable.slotsPerSector * sectorCount
                                           && i % ParameterTable.slotsPerSector <= SectorSlot.digitalRate.rawValue)
        }
    }

    /// The vector with every entry at its fixed value or its mean (for `stress` and calibration).
    var meanValues: [Double] { entries.map(\.mean) }

    /// Writes trial `trial`'s vector into `out[0..<P]`: fixed entries copied, uncertain ones drawn.
    func draw(seed: UInt64, trial: UInt64, into out: UnsafeMutableBufferPointer<Double>) {
        for k in 0..<entries.count {
            switch entries[k] {
            case .fixed(let x):
                out[k] = x
            case let p:
                var rng = RandomStream(seed: seed, trial: trial, stream: RandomStreamID.parameters, site: UInt64(k))
                out[k] = ParameterTable.sample(p, using: &rng)
            }
        }
    }

    /// One draw of a parameter's distribution.
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
    /// Number of botnet events (site 0).
    static func botnetCount(year: Int) -> UInt64 { UInt64(year) << 8 | 3 }
    /// Whether botnet event `m` hits each sector (site = m; word `i` for sector `i`).
    static func botnetHit(year: Int) -> UInt64 { UInt64(year) << 8 | 4 }
    /// Number of compromised neural implants (site 0).
    static func neural(year: Int) -> UInt64 { UInt64(year) << 8 | 5 }
    /// Severities of the botnet hits on a sector, in order (site = sector).
    static func botnetSeverity(year: Int) -> UInt64 { UInt64(year) << 8 | 6 }
}
