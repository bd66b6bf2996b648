@_spi(Engine) @testable import CyberRisk
import StatisticalTesting

/// A scenario in which every mechanism of the model is switched off, so that a test can switch on
/// exactly one and compare the forecast with that mechanism's equation in `docs/model.md`.
///
/// "Off" means: no attacks (`attacks_per_year = 0`), no systemic events (an empty catalogue), coupling `κ = 0`, a zero
/// dependency matrix without floors, no vulnerability decline (`δ ≡ 1`), a constant IoT base
/// (`D(t) = 20`) with no personal devices (`personal_share = 0`), no implant users (`U ≡ 0`),
/// every sector fully digital (`d_i ≡ 1`) with unit weight, reliance and output, human-security
/// weights `(1, 0, 0)` and no UNDP dimensions. Every parameter is a fixed number unless a test
/// makes it uncertain. A new mechanism (an event catalogue, dynamic recovery) adds its own "off"
/// default here and its own test file beside the others, in the same pattern.
struct MechanismFixture {
    var scenario: Scenario

    /// `count` quiet sectors `s0, s1, …`; `trials` (times `TestScale.factor`) per run, `years`
    /// simulated years.
    init(sectors count: Int, trials: Int = 16_384, years: Int = 4, seed: UInt64 = 21) {
        let trials = trials * TestScale.factor
        let sectors = (0..<count).map { MechanismFixture.sector("s\($0)") }
        scenario = Scenario(
            name: "mechanism", description: "", startYear: 2030, horizonYears: years, trials: trials, seed: seed,
            population: 1_000_000, sectors: sectors,
            dependencies: Dependencies(matrix: .zero(count: count), lifelineFloors: [Double](repeating: 0, count: count),
                                       lifelineOverlayEnabled: false, cyberCoupling: .fixed(0)),
            cascade: CascadeSettings(mode: .linear, failureThreshold: 0.3),
            iot: IoTScenario(devices: GrowthCurve(initial: .fixed(20), ceiling: .fixed(20), rate: .fixed(0)),
                             personalShare: .fixed(0), compromiseRate: .fixed(0)),
            neural: NeuralScenario(users: GrowthCurve(initial: .fixed(0), ceiling: .fixed(0), rate: .fixed(0)),
                                   compromiseProbability: .fixed(0), attackerElasticity: .fixed(0), harmSeverity: .fixed(0)),
            defense: DefenseScenario(vulnerabilityDecline: .fixed(0)),
            humanSecurity: HumanSecurity(servicesWeight: 1, personalWeight: 0, neuralWeight: 0, dimensions: []))
    }

    /// A quiet sector: fully digital, never attacked, unit weight, reliance and output.
    static func sector(_ id: String) -> Sector {
        Sector(id: id, name: id, criticality: 1, populationReliance: 1, outputUSDbn: 1,
               digital: GrowthCurve(initial: .fixed(1), ceiling: .fixed(1), rate: .fixed(0)),
               threat: Threat(attacksPerYear: .fixed(0), successProbability: .fixed(1), iotElasticity: .fixed(0)),
               severity: .beta(BetaShape(alpha: .fixed(0.5), beta: .fixed(500))))
    }

    /// Switches on attacks on sector `i`: `attacks_per_year`, `success_probability`,
    /// `iot_elasticity` and the severity `Beta(α, β)`.
    mutating func attack(_ i: Int, perYear: Double, success: Double = 1, elasticity: Double = 0,
                         severity: (alpha: Double, beta: Double) = (0.5, 500)) {
        scenario.sectors[i].threat = Threat(attacksPerYear: .fixed(perYear), successProbability: .fixed(success),
                                            iotElasticity: .fixed(elasticity))
        scenario.sectors[i].severity = .beta(BetaShape(alpha: .fixed(severity.alpha), beta: .fixed(severity.beta)))
    }

    /// Switches on the IoT botnet, the catalogue's class `iot_botnet` as `baseline.yaml` ships it:
    /// `eventsPerBnDevices·D(0)` events a year growing with `D(t)` (`iot_elasticity` 1), hitting
    /// every sector with probability `hit` (times `d_i`), independent `Beta(α, β)` severities.
    mutating func botnet(eventsPerBnDevices: Double, hit: Double, severity: (alpha: Double, beta: Double)) {
        let n = scenario.sectors.count
        scenario.events = [EventClass(
            id: "iot_botnet", description: "", frequency: .fixed(eventsPerBnDevices * scenario.iot.devices.initial.mean),
            iotElasticity: .fixed(1), footprint: [EventFootprint](repeating: EventFootprint(probability: .fixed(hit)), count: n),
            severity: .beta(BetaShape(alpha: .fixed(severity.alpha), beta: .fixed(severity.beta))),
            dependence: .commonFactor(sigma: .fixed(0)))]
    }

    /// Sets sector `i`'s digital dependence to the logistic `G(t; initial, ceiling, rate)`.
    mutating func digital(_ i: Int, initial: Double, ceiling: Double? = nil, rate: Double = 0) {
        scenario.sectors[i].digital = GrowthCurve(initial: .fixed(initial), ceiling: .fixed(ceiling ?? initial),
                                                  rate: .fixed(rate))
    }

    /// Sets the IoT installed base `D(t) = G(t; initial, ceiling, rate)` (billions).
    mutating func devices(initial: Double, ceiling: Double, rate: Double) {
        scenario.iot.devices = GrowthCurve(initial: .fixed(initial), ceiling: .fixed(ceiling), rate: .fixed(rate))
    }

    /// Sets the dependency matrix (row-major, `a[i][j]` = dependence of `i` on `j`).
    mutating func dependencies(_ a: [[Double]]) {
        scenario.dependencies.matrix = DependencyMatrix(count: a.count, values: a.flatMap { $0 })
    }

    /// Runs the scenario on two threads.
    func run() throws -> MechanismRun {
        let acc = try Forecast(plan: SimulationPlan(scenario: scenario)).run(threads: 2)
        return MechanismRun(scenario: scenario, accumulator: acc)
    }
}

/// The result of a fixture's run, read the way the output files are: per (year, metric) and per
/// (year, sector).
struct MechanismRun {
    let scenario: Scenario
    let accumulator: ForecastAccumulator

    var tables: ForecastTables { ForecastTables(scenario: scenario, accumulator: accumulator) }
    var metrics: MetricSet { MetricSet(scenario: scenario) }

    /// The `summary.csv` row of a core metric in year index `t`.
    func metric(_ m: MetricSet.Core, year t: Int) -> SeriesSummary {
        tables.summary(year: t, metric: m.rawValue)
    }

    /// The `summary.csv` row of a metric by its CSV name (`human_health`).
    func metric(named name: String, year t: Int) -> SeriesSummary? {
        metrics.names.firstIndex(of: name).map { tables.summary(year: t, metric: $0) }
    }

    /// Moments of sector `i`'s inoperability `q_i` in year index `t`.
    func inoperability(_ i: Int, year t: Int) -> Moments {
        accumulator.inoperability[t * scenario.sectors.count + i]
    }

    /// Moments of sector `i`'s direct shock `c_i` in year index `t`.
    func directShock(_ i: Int, year t: Int) -> Moments {
        accumulator.directShock[t * scenario.sectors.count + i]
    }

    /// `p_disrupted` of sector `i` in year index `t` and its binomial standard error
    /// `√(p(1 − p)/n)`.
    func disrupted(_ i: Int, year t: Int) -> (mean: Double, standardError: Double) {
        let n = Double(accumulator.trials)
        let p = Double(accumulator.disrupted[t * scenario.sectors.count + i]) / n
        return (p, (p * (1 - p) / n).squareRoot())
    }
}
