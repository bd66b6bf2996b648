/// The deterministic what-if, day by day: the dynamic inoperability model (DIIM) from a given initial inoperability
/// with a given shock held for the first days — "what if energy is knocked out for three days,
/// and how long until everything is back?".
///
/// Semantics (fixed so results compare with published examples): days `0 … D−1`; `q(0)` = the
/// initial vector; for `k = 0 … D−2`, `q(k+1) = clamp₀¹(q(k) + K[A q(k) + c(k) − q(k)])` with
/// `c(k)` = the shock for `k < T` and 0 after; `A` is that year's `A(t)`, as in ``StressTest``.
/// Resilience `k_i` from each sector's ``Recovery`` with uncertain values at their means and
/// `a_ii` of the base matrix. Nothing random is drawn.
///
/// ```swift
/// let r = try DynamicStressTest(scenario: s, year: 2026, shocks: ["energy": 1], shockDays: 3)
/// r.inoperability(day: 10, sector: 0)
/// ```
public struct DynamicStressTest: Sendable {
    /// Most days a run may ask for (a century).
    public static let maximumDays = 36_500

    public let scenario: Scenario
    /// Calendar year whose `A(t)` is used.
    public let year: Int
    /// `D`.
    public let days: Int
    /// `T`: the shock is held on days `0 … T−1`.
    public let shockDays: Int
    /// Direct shock `c_i` while held (scenario order).
    public let directShock: [Double]
    /// `q(0)` (scenario order).
    public let initial: [Double]
    /// `k_i` per day (scenario order).
    public let resilience: [Double]
    /// `A(t)` used, row-major.
    public let matrix: [Double]
    /// `q(k)_i` at `k·N + i`, `D × N`.
    public let path: [Double]
    /// `max_k q(k)_i`.
    public let peak: [Double]
    /// `#{k : q(k)_i ≥ failure_threshold}`.
    public let daysDisrupted: [Int]
    /// `Σ_k q(k)_i` over the `D` days (each day's inoperability counts for one day).
    public let inoperabilityDays: [Double]

    /// Runs the dynamic stress test. Throws ``StressTestError`` naming the option for an unknown
    /// sector, a shock or initial value outside `[0, 1]`, `days` outside `1…36,500`, a negative
    /// `shockDays` or a year outside the simulated horizon.
    public init(scenario: Scenario, year: Int, shocks: [String: Double], shockDays: Int = 1,
                initial: [String: Double] = [:], days: Int = 365) throws(StressTestError) {
        guard (1...DynamicStressTest.maximumDays).contains(days) else {
            throw StressTestError.daysOutOfRange(days, maximum: DynamicStressTest.maximumDays)
        }
        guard shockDays >= 0 else { throw StressTestError.negativeShockDays(shockDays) }
        let c = try StressTest.vector(shocks, sectors: scenario.sectors)
        let q0 = try StressTest.vector(initial, sectors: scenario.sectors, initial: true)
        let a = try StressTest.couplingMatrix(scenario: scenario, year: year)
        let n = scenario.sectors.count
        let base = scenario.dependencies.effectiveMatrix.values
        let k = scenario.sectors.enumerated().map { i, sector in
            sector.recovery.resilience(value: sector.recovery.parameter.mean, selfDependence: base[i * n + i])
        }
        var path = [Double](repeating: 0, count: days * n)
        var q = q0
        var next = [Double](repeating: 0, count: n)
        var mt = [Double](repeating: 0, count: n * n)
        let input = zip(k, c).map { $0 * $1 }   // K c
        a.withUnsafeBufferPointer { ap in
            k.withUnsafeBufferPointer { kp in
                mt.withUnsafeMutableBufferPointer { DynamicCascade.transitionColumns(matrix: ap.baseAddress!, resilience: kp.baseAddress!,
                                                                                      into: $0.baseAddress!, n: n) }
            }
        }
        path.withUnsafeMutableBufferPointer { out in
            mt.withUnsafeBufferPointer { mp in
            input.withUnsafeBufferPointer { up in
            q.withUnsafeMutableBufferPointer { qp in
            next.withUnsafeMutableBufferPointer { np in
                out.baseAddress!.update(from: qp.baseAddress!, count: n)
                for day in 0..<(days - 1) {
                    DynamicCascade.step(qp.baseAddress!, transitionColumns: mp.baseAddress!,
                                        input: day < shockDays ? up.baseAddress! : nil, scratch: np.baseAddress!, n: n)
                    (out.baseAddress! + (day + 1) * n).update(from: qp.baseAddress!, count: n)
                }
            }
            }
            }
            }
        }
        let threshold = scenario.cascade.failureThreshold
        var peak = [Double](repeating: 0, count: n)
        var disrupted = [Int](repeating: 0, count: n)
        var total = [Double](repeating: 0, count: n)
        for day in 0..<days {
            for i in 0..<n {
                let x = path[day * n + i]
                peak[i] = Swift.max(peak[i], x)
                if x >= threshold { disrupted[i] += 1 }
                total[i] += x
            }
        }
        self.scenario = scenario
        self.year = year
        self.days = days
        self.shockDays = shockDays
        directShock = c
        self.initial = q0
        resilience = k
        matrix = a
        self.path = path
        self.peak = peak
        daysDisrupted = disrupted
        inoperabilityDays = total
    }

    /// `q(day)_sector`.
    public func inoperability(day: Int, sector i: Int) -> Double { path[day * scenario.sectors.count + i] }

    /// The last day's `q(D−1)`.
    public var finalInoperability: [Double] {
        let n = scenario.sectors.count
        return Array(path[((days - 1) * n)...])
    }

    /// `Σ w_i q_i / Σ w_i` on the last day.
    public var nationalRisk: Double { StressTest.weighted(scenario.sectors.map(\.criticality), finalInoperability) }
    /// `Σ r_i q_i / Σ r_i` on the last day.
    public var servicesDeprivation: Double { StressTest.weighted(scenario.sectors.map(\.populationReliance), finalInoperability) }
    /// `Σ Y_i q_i` on the last day.
    public var economicLoss: Double { zip(scenario.sectors, finalInoperability).reduce(0) { $0 + $1.0.outputUSDbn * $1.1 } }

    /// `#{i : peak_i ≥ failure_threshold}`: sectors disrupted on at least one day.
    public var sectorsDisrupted: Int { peak.filter { $0 >= scenario.cascade.failureThreshold }.count }

    /// `Σ_i days disrupted`: sector-days at or above the threshold.
    public var outageDays: Int { daysDisrupted.reduce(0, +) }
}
