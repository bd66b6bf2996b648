/// One class of systemic events in the catalogue (`events:` in the config; docs/events.md): events
/// that hit several sectors in the same trial-year — a cloud-provider outage, a software
/// supply-chain compromise, a grid attack, a contagious wiper, an IoT botnet.
///
/// In year `t` of a trial the class has `M ~ Poisson(μ(t))` events,
///
///     μ(t) = frequency · (D(t)/D(0))^iot_elasticity · (d_h(t)/d_h(0))^hub_elasticity · F(t)^climate_elasticity,
///
/// (`D` the IoT installed base, `d_h` the hub sector's digital dependence, `F(t)` the threat
/// climate). Event `m` hits sector `i` with probability `min(1, p_i·d_i(t))` (``footprint``), and
/// a hit sector takes the severity `S_mi = min(1, k_i·X_mi)` (`k_i` the footprint's severity scale):
/// with ``EventDependence/shared`` one event-level draw `X_m` for all its sectors; with a
/// common factor, `X_mi = F_m·Y_mi`, `Y_mi` independent draws and `F_m = e^{σZ_m − σ²/2}` one
/// lognormal factor of the event (mean 1). The event's direct shock on sector `i` is
/// `min(1, d_i(t)·S_mi)`, and its severities add to the sector-year's sum like attacks do.
public struct EventClass: Sendable, Equatable, Hashable {
    /// Identifier, `[a-z0-9_]+`, unique in the catalogue (the `event_class` column).
    public var id: String
    /// One line: what the class is and its historical instances.
    public var description: String
    /// Events per year at the start year, `≥ 0`.
    public var frequency: Parameter
    /// Elasticity `≥ 0` of the frequency to the IoT installed base (`1`: proportional to `D(t)`).
    public var iotElasticity: Parameter
    /// A sector whose digital dependence the frequency follows, with its elasticity.
    public var hub: EventHub?
    /// Elasticity `≥ 0` of the frequency to the per-year threat climate `F(t)` (0: unaffected).
    public var climateElasticity: Parameter
    /// One entry per sector, in sector order (probability 0: never hit).
    public var footprint: [EventFootprint]
    /// The distribution of the event-level (or per-sector) severity draw.
    public var severity: Severity
    /// How the severities of one event's sectors depend on each other.
    public var dependence: EventDependence

    init(id: String, description: String, frequency: Parameter, iotElasticity: Parameter = .fixed(0),
                hub: EventHub? = nil, climateElasticity: Parameter = .fixed(0), footprint: [EventFootprint],
                severity: Severity, dependence: EventDependence = .shared) {
        self.id = id
        self.description = description
        self.frequency = frequency
        self.iotElasticity = iotElasticity
        self.hub = hub
        self.climateElasticity = climateElasticity
        self.footprint = footprint
        self.severity = severity
        self.dependence = dependence
    }
}

/// The sector whose digital dependence an event class's frequency follows:
/// `× (d_h(t)/d_h(0))^elasticity`.
public struct EventHub: Sendable, Equatable, Hashable {
    /// Sector index in scenario order.
    public var sector: Int
    /// Elasticity `≥ 0`.
    public var elasticity: Parameter

    init(sector: Int, elasticity: Parameter) {
        self.sector = sector
        self.elasticity = elasticity
    }
}

/// How an event class reaches one sector.
public struct EventFootprint: Sendable, Equatable, Hashable {
    /// `p_i ∈ [0, 1]`: the probability that an event hits the sector when it is fully digital
    /// (the engine uses `min(1, p_i·d_i(t))`).
    public var probability: Parameter
    /// `k_i ≥ 0`: the sector's severity as a multiple of the event's draw.
    public var severityScale: Double

    init(probability: Parameter, severityScale: Double = 1) {
        self.probability = probability
        self.severityScale = severityScale
    }

    /// A sector the class never hits.
    public static let none = EventFootprint(probability: .fixed(0), severityScale: 1)
}

/// Within-event dependence of the sectors' severities.
public enum EventDependence: Sendable, Equatable, Hashable {
    /// One draw per event, scaled per sector (comonotone).
    case shared
    /// Independent draws per sector times a lognormal event factor with this `σ ≥ 0`
    /// (`σ = 0`: independent).
    case commonFactor(sigma: Parameter)
}
