import Foundation

/// What the engine precomputes once per forecast from a ``Scenario``: the parameter layout,
/// normalised weights, and — when coupling is the same for every trial — each year's `A(t)` and
/// Leontief inverse `L(t) = (I − A(t))⁻¹`.
public struct SimulationPlan: Sendable {
    public let scenario: Scenario
    let parameters: ParameterTable
    @_spi(Engine) public let metrics: MetricSet
    /// `N`.
    @_spi(Engine) public let sectorCount: Int
    /// `H`.
    @_spi(Engine) public let years: Int
    /// Base matrix `a` (overlay applied), row-major.
    let baseMatrix: [Double]
    /// `w_i / Σ w`.
    let nationalWeights: [Double]
    /// `output_usd_bn_i`.
    let outputs: [Double]
    /// `r_i / Σ r` (zeros if `Σ r = 0`).
    let servicesWeights: [Double]
    /// For each dimension `k`, `W_ik r_i / Σ_i W_ik r_i`, row-major `dimensions × N`.
    let dimensionWeights: [Double]
    /// Index of the `personal` dimension, which also carries the device and implant components.
    let personalDimension: Int?
    /// `(ω_s, ω_p, ω_n)` normalised to sum 1.
    let humanWeights: (services: Double, personal: Double, neural: Double)
    /// Whether `A(t)` is solved per trial (uncertain digital dependence or coupling).
    let perTrialCoupling: Bool
    /// `A(t)` per year (row-major, `years` blocks of `N²`) when shared; empty otherwise.
    let sharedMatrices: [Double]
    /// `L(t)` per year when shared and the mode is linear; empty otherwise.
    let sharedLeontief: [Double]
    /// Each sector's attack-severity family.
    let severityKinds: [SeverityKind]
    /// Each event class's severity family.
    let eventKinds: [SeverityKind]
    /// Whether each event class draws one severity per event (``EventDependence/shared``).
    let eventSharesDraw: [Bool]
    /// Each class's hub sector (−1: none).
    let eventHubs: [Int]
    /// Footprint severity scales `k_i`, row-major `C × N`.
    let eventScales: [Double]
    /// Whether the threat climate can differ from 1 (`σ`'s upper bound > 0).
    let climateActive: Bool

    /// Prepares a scenario; throws if some year's `I − A(t)` is singular (validation normally
    /// refuses such a scenario first).
    public init(scenario s: Scenario) throws {
        scenario = s
        parameters = ParameterTable(scenario: s)
        metrics = MetricSet(scenario: s)
        let n = s.sectors.count
        sectorCount = n
        years = s.horizonYears
        baseMatrix = s.dependencies.effectiveMatrix.values
        nationalWeights = SimulationPlan.normalised(s.sectors.map(\.criticality))
        outputs = s.sectors.map(\.outputUSDbn)
        let reliance = s.sectors.map(\.populationReliance)
        servicesWeights = SimulationPlan.normalised(reliance)
        var dims: [Double] = []
        for d in s.humanSecurity.dimensions {
            dims += SimulationPlan.normalised(zip(d.sectorWeights, reliance).map { $0 * $1 })
        }
        dimensionWeights = dims
        personalDimension = s.humanSecurity.dimensions.firstIndex { $0.name == "personal" }
        let hs = s.humanSecurity
        let total = hs.servicesWeight + hs.personalWeight + hs.neuralWeight
        humanWeights = total > 0
            ? (hs.servicesWeight / total, hs.personalWeight / total, hs.neuralWeight / total)
            : (0, 0, 0)
        severityKinds = s.sectors.map(\.severity.kind)
        eventKinds = s.events.map(\.severity.kind)
        eventSharesDraw = s.events.map { $0.dependence == .shared }
        eventHubs = s.events.map { $0.hub?.sector ?? -1 }
        eventScales = s.events.flatMap { $0.footprint.map(\.severityScale) }
        climateActive = s.threatClimate.sigma.upperBound > 0
        perTrialCoupling = parameters.couplingVariesByTrial
        if perTrialCoupling {
            sharedMatrices = []
            sharedLeontief = []
        } else {
            let theta = parameters.meanValues // all coupling entries are fixed here
            var mats: [Double] = []
            var invs: [Double] = []
            var digital = [Double](repeating: 0, count: n)
            var a = [Double](repeating: 0, count: n * n)
            for t in 0..<s.horizonYears {
                SimulationPlan.digitalDependence(theta, parameters: parameters, year: t, into: &digital)
                SimulationPlan.couplingMatrix(base: baseMatrix, digital: digital,
                                              kappa: theta[parameters.index(.cyberCoupling)], n: n, into: &a)
                mats += a
                if s.cascade.mode == .linear {
                    guard let l = LinearAlgebra.leontiefInverse(a, n: n) else {
                        throw SimulationError.singularCascade(year: s.startYear + t)
                    }
                    invs += l
                }
            }
            sharedMatrices = mats
            sharedLeontief = invs
        }
    }

    /// `x / Σ x`, or zeros when the sum is 0.
    static func normalised(_ x: [Double]) -> [Double] {
        let total = x.reduce(0, +)
        return total > 0 ? x.map { $0 / total } : x.map { _ in 0 }
    }

    /// `d_i(t)` for every sector from a trial's parameter vector.
    static func digitalDependence(_ theta: [Double], parameters p: ParameterTable, year t: Int, into d: inout [Double]) {
        for i in 0..<p.sectorCount {
            d[i] = GrowthCurve.value(at: Double(t), initial: theta[p.index(sector: i, .digitalInitial)],
                                     ceiling: theta[p.index(sector: i, .digitalCeiling)],
                                     rate: theta[p.index(sector: i, .digitalRate)])
        }
    }

    /// `A(t)_ij = a_ij·(1 + κ·d_i·d_j)`, row-major.
    static func couplingMatrix(base: [Double], digital d: [Double], kappa: Double, n: Int, into a: inout [Double]) {
        for i in 0..<n {
            for j in 0..<n {
                a[i * n + j] = base[i * n + j] * (1 + kappa * d[i] * d[j])
            }
        }
    }
}

/// Failures of a forecast that validation did not catch.
public enum SimulationError: Error, CustomStringConvertible, Equatable {
    /// `I − A(t)` is singular in the given calendar year.
    case singularCascade(year: Int)
    /// The run was interrupted before it finished.
    case cancelled

    public var description: String {
        switch self {
        case .singularCascade(let year):
            "dependencies: I − A(\(year)) is singular; the linear cascade has no solution"
        case .cancelled:
            "interrupted"
        }
    }
}
