/// The deterministic replay of one systemic event: the direct shocks one event of a catalogue
/// class with event-level severity `S` would cause, `c_i = min(1, d_i(t)·min(1, k_i·S))` for the
/// sectors it hits (`k_i` the class's severity scale), through ``StressTest`` — how each shipped
/// class is checked against its historical instance (docs/events.md, "Replays").
extension StressTest {
    /// The shocks of one event of class `id` with severity `severity` in calendar `year`, hitting
    /// `hit` (sector ids; by default every sector the class can hit), at the parameters' means.
    ///
    /// - Throws: ``StressTestError``: an unknown class (``StressTestError/unknownEventClass(_:classes:)``),
    ///   a severity that is negative or not finite, a year outside the horizon, or a `hit` sector
    ///   the scenario does not have (``StressTestError/unknownSector(_:sectors:)``).
    public static func eventShocks(scenario: Scenario, event id: String, severity: Double, hit: [String]? = nil,
                                   year: Int) throws(StressTestError) -> [String: Double] {
        guard let event = scenario.events.first(where: { $0.id == id }) else {
            throw .unknownEventClass(id, classes: scenario.events.map(\.id))
        }
        guard severity.isFinite, severity >= 0 else {
            throw .invalidSeverity(severity)
        }
        let t = year - scenario.startYear
        guard t >= 0 && t < scenario.horizonYears else {
            throw .yearOutsideHorizon(year, first: scenario.startYear, last: scenario.startYear + scenario.horizonYears - 1)
        }
        let ids = scenario.sectors.map(\.id)
        var sectors = ids.indices.filter { event.footprint[$0].probability.upperBound > 0 }
        if let hit {
            sectors = []
            for name in hit {
                guard let i = ids.firstIndex(of: name) else {
                    throw .unknownSector(name, sectors: ids)
                }
                sectors.append(i)
            }
        }
        let table = ParameterTable(scenario: scenario)
        var d = [Double](repeating: 0, count: ids.count)
        SimulationPlan.digitalDependence(table.meanValues, parameters: table, year: t, into: &d)
        var shocks: [String: Double] = [:]
        for i in sectors {
            let s = Swift.min(1, event.footprint[i].severityScale * severity)
            shocks[ids[i]] = Swift.min(1, d[i] * s)
        }
        return shocks
    }
}
