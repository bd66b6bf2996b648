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
        let c = try StressTest.vector(shocks, sectors: scenario.sectors)
        let a = try StressTest.couplingMatrix(scenario: scenario, year: year)
        var q = [Double](repeating: 0, count: n)
        var work = a
        var scratch = [Double](repeating: 0, count: n)
        var pivots = [Int32](repeating: 0, count: n)
        c.withUnsafeBufferPointer { cp in
            q.withUnsafeMutableBufferPointer { qp in
                work.withUnsafeMutableBufferPointer { wp in
                    switch scenario.cascade.mode {
                    case .linear, .dynamic:   // the dynamic mode's time integral is the linear IIM
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

    func weighted(_ w: [Double]) -> Double { StressTest.weighted(w, inoperability) }

    /// `Σ w_i q_i / Σ w_i` (0 when `Σ w = 0`).
    static func weighted(_ w: [Double], _ q: [Double]) -> Double {
        let total = w.reduce(0, +)
        guard total > 0 else { return 0 }
        return zip(w, q).reduce(0) { $0 + $1.0 * $1.1 } / total
    }

    /// Values by sector id as a vector in scenario order (0 where not given); every id must be a
    /// sector and every value in `[0, 1]` (`initial`: the values are ``DynamicStressTest``'s
    /// initial inoperability, and the errors say so).
    static func vector(_ values: [String: Double], sectors: [Sector], initial: Bool = false) throws(StressTestError) -> [Double] {
        let ids = sectors.map(\.id)
        var x = [Double](repeating: 0, count: ids.count)
        for (id, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let i = ids.firstIndex(of: id) else {
                throw initial ? StressTestError.unknownInitialSector(id, sectors: ids) : StressTestError.unknownSector(id, sectors: ids)
            }
            guard value.isFinite, value >= 0, value <= 1 else {
                throw initial ? StressTestError.initialOutOfRange(sector: id, value) : StressTestError.shockOutOfRange(sector: id, value)
            }
            x[i] = value
        }
        return x
    }

    /// `A(t)` of calendar year `year` with uncertain parameters at their means, row-major.
    static func couplingMatrix(scenario: Scenario, year: Int) throws(StressTestError) -> [Double] {
        let t = year - scenario.startYear
        guard t >= 0 && t < scenario.horizonYears else {
            throw StressTestError.yearOutsideHorizon(year, first: scenario.startYear,
                                                     last: scenario.startYear + scenario.horizonYears - 1)
        }
        let n = scenario.sectors.count
        let table = ParameterTable(scenario: scenario)
        let theta = table.meanValues
        var d = [Double](repeating: 0, count: n)
        SimulationPlan.digitalDependence(theta, parameters: table, year: t, into: &d)
        var a = [Double](repeating: 0, count: n * n)
        SimulationPlan.couplingMatrix(base: scenario.dependencies.effectiveMatrix.values, digital: d,
                                      kappa: theta[table.index(.cyberCoupling)], n: n, into: &a)
        return a
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
    /// A dynamic stress test's initial inoperability names a sector the scenario does not have.
    case unknownInitialSector(String, sectors: [String])
    /// A dynamic stress test's initial inoperability outside `[0, 1]` (or not finite).
    case initialOutOfRange(sector: String, Double)
    /// A dynamic stress test's day count outside `1 … maximum`.
    case daysOutOfRange(Int, maximum: Int)
    /// A dynamic stress test's shock held a negative number of days.
    case negativeShockDays(Int)

    public var description: String {
        switch self {
        case let .unknownSector(id, sectors): "unknown sector '\(id)'; sectors are \(sectors.joined(separator: ", "))"
        case let .shockOutOfRange(id, value): "the shock \(id)=\(value) is outside [0, 1]"
        case let .yearOutsideHorizon(year, first, last): "\(year) is outside the simulated years \(first)…\(last)"
        case let .unknownEventClass(id, classes):
            "unknown event class '\(id)'; classes are \(classes.isEmpty ? "none" : classes.joined(separator: ", "))"
        case let .invalidSeverity(value): "the severity \(value) must be a finite number ≥ 0"
        case let .unknownInitialSector(id, sectors): "unknown sector '\(id)' in the initial inoperability; sectors are \(sectors.joined(separator: ", "))"
        case let .initialOutOfRange(id, value): "the initial inoperability \(id)=\(value) is outside [0, 1]"
        case let .daysOutOfRange(days, maximum): "\(days) is outside 1…\(maximum) (days)"
        case let .negativeShockDays(days): "the shock is held \(days) days; give 0 or more"
        }
    }
}
