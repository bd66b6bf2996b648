/// A fully resolved forecast configuration: what the engine simulates.
///
/// Built by the config loader (see ``ScenarioCatalog``) from YAML/JSON (with `extends` and `--set` overrides applied and
/// every field validated). Field meanings, units and defaults are documented in `docs/config.md`;
/// the equations in `docs/model.md`.
public struct Scenario: Sendable, Equatable, Hashable {
    /// Scenario name, the `scenario` column of every output.
    public var name: String
    /// One-line description (shown by `cyberrisk scenarios`).
    public var description: String
    /// First simulated calendar year (`t = 0`).
    public var startYear: Int
    /// Number of simulated years `H`: `startYear … startYear + H − 1`.
    public var horizonYears: Int
    /// Number of Monte Carlo trials (possible futures).
    public var trials: Int
    /// Most trials a scenario may ask for (`trials` and `--trials`).
    public static let maximumTrials = 1_000_000_000_000
    /// Seed of the counter-based random numbers.
    public var seed: UInt64
    /// Population (people), for devices per person.
    public var population: Double
    /// Sectors in matrix order.
    public var sectors: [Sector]
    /// Sector dependencies and their coupling to digitalisation.
    public var dependencies: Dependencies
    /// How shocks propagate.
    public var cascade: CascadeSettings
    /// IoT growth and personal-device compromise.
    public var iot: IoTScenario
    /// Neural-link (brain implant) adoption and compromise.
    public var neural: NeuralScenario
    /// Security improvements over time.
    public var defense: DefenseScenario
    /// The per-trial-year threat climate multiplying attack rates (``ThreatClimate/off`` by default).
    public var threatClimate: ThreatClimate
    /// The systemic event catalogue (the IoT botnet is one of its classes).
    public var events: [EventClass]
    /// Named uncertainties drawn once per trial, in the order written (`shared:`).
    public var shared: [SharedUncertainty]
    /// Human-security weights and UNDP dimensions.
    public var humanSecurity: HumanSecurity
    /// Risk tolerances evaluated per year (`tolerances.csv`); empty when none are given.
    public var tolerances: [Tolerance]
    /// How reported incidents relate to the simulated attacks (read by `calibrate` only).
    package var calibration: CalibrationSettings

    /// The simulated calendar years, `startYear … startYear + horizonYears − 1`.
    public var calendarYears: [Int] { (0..<horizonYears).map { startYear + $0 } }

    init(name: String, description: String, startYear: Int, horizonYears: Int, trials: Int,
                seed: UInt64, population: Double, sectors: [Sector], dependencies: Dependencies,
                cascade: CascadeSettings, iot: IoTScenario, neural: NeuralScenario,
                defense: DefenseScenario, humanSecurity: HumanSecurity, threatClimate: ThreatClimate = .off,
                events: [EventClass] = [], shared: [SharedUncertainty] = [], tolerances: [Tolerance] = [],
                calibration: CalibrationSettings = .complete) {
        self.name = name
        self.description = description
        self.startYear = startYear
        self.horizonYears = horizonYears
        self.trials = trials
        self.seed = seed
        self.population = population
        self.sectors = sectors
        self.dependencies = dependencies
        self.cascade = cascade
        self.iot = iot
        self.neural = neural
        self.defense = defense
        self.humanSecurity = humanSecurity
        self.threatClimate = threatClimate
        self.events = events
        self.shared = shared
        self.tolerances = tolerances
        self.calibration = calibration
    }
}

/// Sector dependencies: the economic matrix, an optional lifeline overlay and the cyber coupling `κ`.
///
/// The effective base matrix is `a = max(a_economic, floors)` off the diagonal when the overlay is
/// enabled; in year `t`, `A(t)_ij = a_ij·(1 + κ·d_i(t)·d_j(t))`.
public struct Dependencies: Sendable, Equatable, Hashable {
    /// `a_ij` as given (matrix or CSV).
    public var matrix: DependencyMatrix
    /// Where the matrix came from (a CSV path as written in the config), for the resolved dump.
    public var source: String?
    /// Expert minimum dependencies on lifeline sectors, one floor per sector (0 = none).
    public var lifelineFloors: [Double]
    /// Whether the floors apply.
    public var lifelineOverlayEnabled: Bool
    /// `κ ≥ 0`: how much coupling tightens as both sectors digitalise.
    public var cyberCoupling: Parameter

    init(matrix: DependencyMatrix, source: String? = nil, lifelineFloors: [Double],
                lifelineOverlayEnabled: Bool, cyberCoupling: Parameter) {
        self.matrix = matrix
        self.source = source
        self.lifelineFloors = lifelineFloors
        self.lifelineOverlayEnabled = lifelineOverlayEnabled
        self.cyberCoupling = cyberCoupling
    }

    /// The base matrix the engine uses: the overlay applied if enabled.
    public var effectiveMatrix: DependencyMatrix {
        lifelineOverlayEnabled ? matrix.applyingFloors(lifelineFloors) : matrix
    }
}

/// How a direct-shock vector becomes inoperability.
public enum CascadeMode: String, Sendable, Equatable, Hashable, CaseIterable {
    /// `q = min(1, (I − A)⁻¹ c)`: the Leontief (IIM) solution, clamped.
    case linear
    /// The least fixed point of `q = min(1, c + A q)`.
    case saturating
}

/// Cascade settings.
public struct CascadeSettings: Sendable, Equatable, Hashable {
    public var mode: CascadeMode
    /// Inoperability at or above which a sector counts as disrupted, in `(0, 1]`.
    public var failureThreshold: Double

    init(mode: CascadeMode, failureThreshold: Double) {
        self.mode = mode
        self.failureThreshold = failureThreshold
    }
}

/// IoT installed base `D(t)` (billions of devices) and personal-device compromise.
public struct IoTScenario: Sendable, Equatable, Hashable {
    public var devices: GrowthCurve
    /// Share of devices that are personal (consumer), in `[0, 1]`.
    public var personalShare: Parameter
    /// Annual compromise probability per personal device at the start year, in `[0, 1]`.
    public var compromiseRate: Parameter

    init(devices: GrowthCurve, personalShare: Parameter, compromiseRate: Parameter) {
        self.devices = devices
        self.personalShare = personalShare
        self.compromiseRate = compromiseRate
    }
}

/// Neural-link adoption `U(t)` (implant users) and compromise.
public struct NeuralScenario: Sendable, Equatable, Hashable {
    public var users: GrowthCurve
    /// Annual compromise probability per implant at the start year, in `[0, 1]`.
    public var compromiseProbability: Parameter
    /// Elasticity `≥ 0` of attacker interest to the user base.
    public var attackerElasticity: Parameter
    /// Harm of one compromise, in `[0, 1]`.
    public var harmSeverity: Parameter

    init(users: GrowthCurve, compromiseProbability: Parameter, attackerElasticity: Parameter,
                harmSeverity: Parameter) {
        self.users = users
        self.compromiseProbability = compromiseProbability
        self.attackerElasticity = attackerElasticity
        self.harmSeverity = harmSeverity
    }
}

/// Security by design: vulnerability falls by `vulnerabilityDecline` per year, `δ(t) = (1 − v)^t`.
public struct DefenseScenario: Sendable, Equatable, Hashable {
    public var vulnerabilityDecline: Parameter
    /// The annual cost of the scenario's security measures, bn USD per year, when given
    /// (`cost_usd_bn_per_year`; `nil` = not stated). Only `compare` uses it: the avoided expected
    /// loss per dollar of added cost.
    public var costUSDbnPerYear: Double?

    init(vulnerabilityDecline: Parameter, costUSDbnPerYear: Double? = nil) {
        self.vulnerabilityDecline = vulnerabilityDecline
        self.costUSDbnPerYear = costUSDbnPerYear
    }
}

/// Human-security weights (`ω_s, ω_p, ω_n`, normalised to sum 1 by the engine) and the UNDP
/// (1994) dimensions as sector weight tables.
public struct HumanSecurity: Sendable, Equatable, Hashable {
    public var servicesWeight: Double
    public var personalWeight: Double
    public var neuralWeight: Double
    /// Dimensions in output order; each has one weight `W_ik ≥ 0` per sector.
    public var dimensions: [HumanDimension]

    init(servicesWeight: Double, personalWeight: Double, neuralWeight: Double,
                dimensions: [HumanDimension]) {
        self.servicesWeight = servicesWeight
        self.personalWeight = personalWeight
        self.neuralWeight = neuralWeight
        self.dimensions = dimensions
    }
}

/// One human-security dimension: `human_<name> = Σ_i W_i r_i q_i / Σ_i W_i r_i`.
public struct HumanDimension: Sendable, Equatable, Hashable {
    /// `[a-z_]+`, the metric is `human_<name>`.
    public var name: String
    /// One weight per sector, in sector order.
    public var sectorWeights: [Double]

    init(name: String, sectorWeights: [Double]) {
        self.name = name
        self.sectorWeights = sectorWeights
    }
}
