/// The deterministic what-if: a given direct-shock vector propagated through one year's `A(t)`
/// with the scenario's cascade mode — "what if sector X loses half its operability?". Through it
/// the cascade is tested against the published IIM examples (`PublishedIIMExampleTests`:
/// Haimes & Jiang 2001, two and four sectors, the latter with saturation; Lian & Haimes 2006).
///
/// Uncertain parameters are taken at their means (`Parameter.mean`); nothing random is drawn.
///
/// ```swift
/// let r = try StressTest(scenario: s, year: 2030, shocks: ["energy": 0.5])
/// r.inoperability   // q per sector, in scenario order
/// ```
public struct StressTest: Sendable {
    public let scenario: Scenario
    /// Calendar year whose `A(t)` is used.
    public let year: Int
    /// Direct shock `c_i` per sector (scenario order).
    public let directShock: [Double]
    /// Inoperability `q_i` per sector (scenario order).
    public let inoperability: [Double]
    /// `A(t)` used, row-major.
    public let matrix: [Double]

    /// Runs the stress test. Throws ``StressTestError`` for an unknown sector, a shock outside
    /// `[0, 1]` or a year outside the simulated horizon.
    public init(scenario: Scenario, year: Int, shocks: [String: Double]) throws(StressTestError) {
        let n = scenario.sectors.count
        let ids = scenario.sectors.map(\.id)
        var c = [Double](repeating: 0, count: n)
        for (id, value) in shocks {
            guard let i = ids.firstIndex(of: id) else { throw StressTestError.unknownSector(id, sectors: ids) }
            guard value.isFinite, value >= 0, value <= 1 else { throw StressTestError.shockOutOfRange(sector: id, value) }
            c[i] = value
        }
        let t = year - scenario.startYear
        guard t >= 0 && t < scenario.horizonYears else {
            throw StressTestError.yearOutsideHorizon(year, first: scenario.startYear,
                                                     last: scenario.startYear + scenario.horizonYears - 1)
        }
        let table = ParameterTable(scenario: scenario)
        let theta = table.meanValues
        var d = [Double](repeating: 0, count: n)
        SimulationPlan.digitalDependence(theta, parameters: table, year: t, into: &d)
        var a = [Double](repeating: 0, count: n * n)
        SimulationPlan.couplingMatrix(base: scenario.dependencies.effectiveMatrix.values, digital: d,
                                      kappa: theta[table.index(.cyberCoupling)], n: n, into: &a)
        var q = [Double](repeating: 0, count: n)
        var work = a
        var scratch = [Double](repeating: 0, count: n)
        var pivots = [Int32](repeating: 0, count: n)
        c.withUnsafeBufferPointer { cp in
            q.withUnsafeMutableBufferPointer { qp in
                work.withUnsafeMutableBufferPointer { wp in
                    switch scenario.cascade.mode {
                    case .linear:
                        pivots.withUnsafeMutableBufferPointer { pp in
                            Cascade.linearSingle(shocks: cp.baseAddress!, matrix: wp.baseAddress!, into: qp.baseAddress!,
                                                 n: n, pivots: pp.baseAddress!)
                        }
                    case .saturating:
                        scratch.withUnsafeMutableBufferPointer { sp in
                            Cascade.saturatingSingle(shocks: cp.baseAddress!, matrix: wp.baseAddress!,
                                                     into: qp.baseAddress!, scratch: sp.baseAddress!, n: n)
                        }
                    }
                }
            }
        }
        self.scenario = scenario
        self.year = year
        directShock = c
        inoperability = q
        matrix = a
    }

    /// `Σ w_i q_i / Σ w_i`.
    public var nationalRisk: Double { weighted(scenario.sectors.map(\.criticality)) }
    /// `Σ r_i q_i / Σ r_i`.
    public var servicesDeprivation: Double { weighted(scenario.sectors.map(\.populationReliance)) }
    /// `Σ Y_i q_i`.
    public var economicLoss: Double { zip(scenario.sectors, inoperability).reduce(0) { $0 + $1.0.outputUSDbn * $1.1 } }
    /// `#{ i : q_i ≥ failure_threshold }`.
    public var sectorsDisrupted: Int { inoperability.filter { $0 >= scenario.cascade.failureThreshold }.count }

    func weighted(_ w: [Double]) -> Double {
        let total = w.reduce(0, +)
        guard total > 0 else { return 0 }
        return zip(w, inoperability).reduce(0) { $0 + $1.0 * $1.1 } / total
    }
}

/// Bad input to a stress test.
public enum StressTestError: Error, CustomStringConvertible, Equatable {
    /// A shock names a sector the scenario does not have (`sectors`: the scenario's, in order).
    case unknownSector(String, sectors: [String])
    /// A shock outside `[0, 1]` (or not finite).
    case shockOutOfRange(sector: String, Double)
    /// A calendar year outside the simulated years `first … last`.
    case yearOutsideHorizon(Int, first: Int, last: Int)
    /// An event replay names a class the scenario's catalogue does not have (`classes`: its ids).
    case unknownEventClass(String, classes: [String])
    /// An event replay's severity is negative or not finite.
    case invalidSeverity(Double)

    public var description: String {
        switch self {
        case let .unknownSector(id, sectors): "unknown sector '\(id)'; sectors are \(sectors.joined(separator: ", "))"
        case let .shockOutOfRange(id, value): "the shock \(id)=\(value) is outside [0, 1]"
        case let .yearOutsideHorizon(year, first, last): "\(year) is outside the simulated years \(first)…\(last)"
        case let .unknownEventClass(id, classes):
            "unknown event class '\(id)'; classes are \(classes.isEmpty ? "none" : classes.joined(separator: ", "))"
        case let .invalidSeverity(value): "the severity \(value) must be a finite number ≥ 0"
        }
    }
}
