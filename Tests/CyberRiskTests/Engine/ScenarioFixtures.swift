@testable import CyberRisk

/// Small scenarios built in code, with every parameter fixed unless a test says otherwise.
enum ScenarioFixtures {
    /// A sector with fixed parameters.
    static func sector(_ id: String, digital: Double = 0.5, attacks: Double = 10, success: Double = 0.1,
                       alpha: Double = 1, beta: Double = 1000, output: Double = 100,
                       criticality: Double = 1, reliance: Double = 0.5) -> Sector {
        Sector(id: id, name: id, criticality: criticality, populationReliance: reliance, outputUSDbn: output,
               digital: GrowthCurve(initial: .fixed(digital), ceiling: .fixed(digital), rate: .fixed(0)),
               threat: Threat(attacksPerYear: .fixed(attacks), successProbability: .fixed(success), iotElasticity: .fixed(0)),
               severity: .beta(BetaShape(alpha: .fixed(alpha), beta: .fixed(beta))))
    }

    /// A scenario over `sectors` with matrix `a` (row-major), no event catalogue unless
    /// `botnetEvents > 0` (then one botnet-like class: `botnetEvents × D(t)` events a year, each
    /// hitting every sector with probability `0.25·d_i`, independent `Beta(1, 1000)` severities).
    static func scenario(sectors: [Sector], matrix a: [Double]? = nil, kappa: Parameter = .fixed(0),
                         mode: CascadeMode = .linear, trials: Int = 4096, years: Int = 3, seed: UInt64 = 7,
                         botnetEvents: Double = 0, decline: Double = 0, events: [EventClass] = [],
                         climate: ThreatClimate = .off, shared: [SharedUncertainty] = []) -> Scenario {
        let n = sectors.count
        let matrix = DependencyMatrix(count: n, values: a ?? [Double](repeating: 0, count: n * n))
        return Scenario(
            name: "fixture", description: "", startYear: 2026, horizonYears: years, trials: trials, seed: seed,
            population: 1_000_000, sectors: sectors,
            dependencies: Dependencies(matrix: matrix, lifelineFloors: [Double](repeating: 0, count: n),
                                       lifelineOverlayEnabled: false, cyberCoupling: kappa),
            cascade: CascadeSettings(mode: mode, failureThreshold: 0.3),
            iot: IoTScenario(devices: GrowthCurve(initial: .fixed(20), ceiling: .fixed(80), rate: .fixed(0.2)),
                             personalShare: .fixed(0.5), compromiseRate: .fixed(0.002)),
            neural: NeuralScenario(users: GrowthCurve(initial: .fixed(100), ceiling: .fixed(10_000), rate: .fixed(0.9)),
                                   compromiseProbability: .fixed(0.01), attackerElasticity: .fixed(0.5),
                                   harmSeverity: .fixed(0.9)),
            defense: DefenseScenario(vulnerabilityDecline: .fixed(decline)),
            humanSecurity: HumanSecurity(servicesWeight: 0.6, personalWeight: 0.3, neuralWeight: 0.1,
                                         dimensions: [HumanDimension(name: "personal", sectorWeights: [Double](repeating: 1, count: n))]),
            threatClimate: climate,
            events: events + (botnetEvents > 0 ? [botnet(rate: botnetEvents * 20, sectors: n)] : []),
            shared: shared)
    }

    /// The botnet-like class of ``scenario(sectors:matrix:kappa:mode:trials:years:seed:botnetEvents:decline:events:climate:shared:)``:
    /// `rate` events a year at the start (proportional to `D(t)`).
    static func botnet(rate: Double, sectors n: Int) -> EventClass {
        EventClass(id: "botnet", description: "", frequency: .fixed(rate), iotElasticity: .fixed(1),
                   footprint: [EventFootprint](repeating: EventFootprint(probability: .fixed(0.25)), count: n),
                   severity: .beta(BetaShape(alpha: .fixed(1), beta: .fixed(1000))),
                   dependence: .commonFactor(sigma: .fixed(0)))
    }

    /// Runs a scenario and returns its tables.
    static func run(_ s: Scenario, threads: Int = 1, shard: Shard = .whole) throws -> ForecastAccumulator {
        try Forecast(plan: SimulationPlan(scenario: s)).run(threads: threads, shard: shard)
    }
}
