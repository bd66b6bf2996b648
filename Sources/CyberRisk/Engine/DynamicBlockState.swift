/// The per-block working memory of the dynamic cascade (`cascade.mode: dynamic`), beside a
/// ``TrialBlock``'s: each trial's per-sector peak, days disrupted and inoperability-days of the
/// year, the year's outages and the day-by-day workspace. Allocated once per block; the outage
/// list and workspace grow (rarely) when a trial-year has more outages than any before.
final class DynamicBlockState {
    /// `max_k q_i(k)`, `capacity × N`.
    let peaks: UnsafeMutableBufferPointer<Double>
    /// `#{k : q_i(k) ≥ threshold}`, `capacity × N`.
    let daysDisrupted: UnsafeMutableBufferPointer<Double>
    /// `Σ_k q_i(k)`, `capacity × N`.
    let inoperabilityDays: UnsafeMutableBufferPointer<Double>
    /// One trial's `k_i`, `N`.
    var resilience: [Double]
    /// One trial-year's outages.
    var outages: [Outage]
    var workspace: DynamicYear.Workspace
    /// `a_ii` of the base matrix, `N`.
    let selfDependence: [Double]
    /// Each sector's attack `duration_days`, `N`, and each event class's, `C`.
    let attackDurations: [Int]
    let eventDurations: [Int]

    init(capacity: Int, plan: SimulationPlan) {
        let n = plan.sectorCount
        func buffer() -> UnsafeMutableBufferPointer<Double> {
            let b = UnsafeMutableBufferPointer<Double>.allocate(capacity: Swift.max(capacity * n, 1))
            b.initialize(repeating: 0)
            return b
        }
        peaks = buffer()
        daysDisrupted = buffer()
        inoperabilityDays = buffer()
        resilience = [Double](repeating: 1, count: n)
        outages = []
        outages.reserveCapacity(1024)
        workspace = DynamicYear.Workspace(sectors: n)
        selfDependence = (0..<n).map { plan.baseMatrix[$0 * n + $0] }
        attackDurations = plan.scenario.sectors.map(\.threat.durationDays)
        eventDurations = plan.scenario.events.map(\.durationDays)
    }

    deinit {
        peaks.deallocate()
        daysDisrupted.deallocate()
        inoperabilityDays.deallocate()
    }
}

extension RandomStreamID {
    /// The days and severities of a sector's successful attacks in the dynamic mode, in order
    /// (site = sector): per attack one uniform for the day, then its severity.
    static func outageAttacks(year: Int) -> UInt64 { UInt64(year) << 8 | 8 }
    /// The day of a trial-year's `j`-th listed catalogue event in the dynamic mode (site = `j`).
    static func outageEventDay(year: Int) -> UInt64 { UInt64(year) << 8 | 9 }
}
