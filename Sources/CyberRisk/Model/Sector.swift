/// One critical-infrastructure sector: its weight in national risk, how much people rely on it,
/// its economic size, how digital it is and how often and how hard it is hit.
public struct Sector: Sendable, Equatable, Hashable {
    /// Identifier, `[a-z0-9_]+`, unique within a scenario; the matrix row/column name.
    public var id: String
    /// Display name.
    public var name: String
    /// National weight `w_i ≥ 0` (normalised over sectors in `national_risk`).
    public var criticality: Double
    /// `r_i ∈ [0, 1]`: how much the population relies on the sector's services.
    public var populationReliance: Double
    /// Annual economic output in billions of USD (value added in the shipped scenarios),
    /// lost in proportion to inoperability: `economic_loss_usd_bn = Σ output_i·q_i`.
    public var outputUSDbn: Double
    /// Digital dependence `d_i(t) ∈ [0, 1]`, logistic.
    public var digital: GrowthCurve
    /// Attack frequency and success.
    public var threat: Threat
    /// The distribution of the inoperability one successful attack causes (``Severity``: a share
    /// of the national sector's year at full digital dependence).
    public var severity: Severity

    init(id: String, name: String, criticality: Double, populationReliance: Double,
         outputUSDbn: Double, digital: GrowthCurve, threat: Threat, severity: Severity) {
        self.id = id
        self.name = name
        self.criticality = criticality
        self.populationReliance = populationReliance
        self.outputUSDbn = outputUSDbn
        self.digital = digital
        self.threat = threat
        self.severity = severity
    }
}

/// How often a sector is attacked and how often an attack succeeds.
///
/// Successful attacks in year `t`: `K ~ Poisson(attacksPerYear·(D(t)/D(0))^iotElasticity·successProbability·δ(t))`.
public struct Threat: Sendable, Equatable, Hashable {
    /// Significant intrusion attempts per year at the start year, `≥ 0`.
    public var attacksPerYear: Parameter
    /// Probability in `[0, 1]` that an attempt succeeds.
    public var successProbability: Parameter
    /// Elasticity `≥ 0` of attack frequency to the IoT installed base.
    public var iotElasticity: Parameter

    init(attacksPerYear: Parameter, successProbability: Parameter, iotElasticity: Parameter) {
        self.attacksPerYear = attacksPerYear
        self.successProbability = successProbability
        self.iotElasticity = iotElasticity
    }
}

/// The two shape parameters of a Beta distribution, both `> 0`.
public struct BetaShape: Sendable, Equatable, Hashable {
    public var alpha: Parameter
    public var beta: Parameter

    init(alpha: Parameter, beta: Parameter) {
        self.alpha = alpha
        self.beta = beta
    }
}
