@_spi(Engine) @testable import CyberRisk
@testable import CyberRiskSweep
import Foundation

/// Scenarios and incident data for the calibration tests: the baseline with the shipped IC3
/// data, a small five-sector scenario, and synthetic data drawn from the model itself (from the
/// prior, or from given rate factors), so that tests know the truth.
enum CalibrationFixtures {
    static let loader = ConfigLoader(embedded: EmbeddedConfigs.fileSystem)

    static let baseline: Scenario = try! loader.load(embedded: "baseline.yaml")

    /// Five default sectors (the baseline's matrix restricted to them), baseline otherwise.
    static let small: Scenario = try! loader.load(text: """
        sectors:
          - {id: energy}
          - {id: healthcare_public_health}
          - {id: financial_services}
          - {id: water_wastewater}
          - {id: dams}
        """)

    static var ic3: IncidentData {
        try! IncidentCSV.parse(EmbeddedConfigs.files["data/incidents_ic3.csv"]!, file: "incidents_ic3.csv",
                               sectorIDs: baseline.sectors.map(\.id))
    }

    /// The true values behind a synthetic dataset.
    struct Truth {
        var theta: [Double]
        var cv: Double
        var mean: Double
        var rho: Double
        var dispersion: Double

        func value(_ q: PosteriorDraws.Quantity) -> Double {
            switch q {
            case .factor(let i): return theta[i]
            case .factorCV: return cv
            case .factorMean: return mean
            case .reportingRate: return rho
            case .dispersion: return dispersion
            }
        }
    }

    /// One draw of every parameter from `prior` (the factors of all `sectors`), from the stream
    /// `(seed, trial: index, stream: 1, site: 0)`.
    static func drawTruth(prior: CalibrationPrior, sectors: Int, seed: UInt64, index: Int) -> Truth {
        var rng = RandomStream(seed: seed, trial: UInt64(index), stream: 1, site: 0)
        let cv = Swift.abs(prior.factorCVScale * rng.standardNormal())
        let mean = Foundation.exp(prior.factorMeanSD * rng.standardNormal())
        let rho = ParameterTable.sample(prior.reportingRate, using: &rng)
        let dispersion = prior.dispersionScale.map { Swift.abs($0 * rng.standardNormal()) } ?? 0
        let alpha = 1 / (cv * cv)
        let theta = (0..<sectors).map { _ in
            Swift.max(Double.leastNormalMagnitude, Foundation.exp(Gamma.logSample(shape: alpha, using: &rng) - Foundation.log(alpha / mean)))
        }
        return Truth(theta: theta, cv: cv, mean: mean, rho: rho, dispersion: dispersion)
    }

    /// Rows `(sector, year, known reporting rate)` and counts drawn from the model with `truth`:
    /// `y ~ NB(θ_i · incidents_per_attack · λ_i(t) · r, s)`, from the stream `(seed, trial: index, stream: 2, site: 0)`.
    static func data(_ scenario: Scenario, layout: [(sector: Int, year: Int, rate: Double?)], truth: Truth,
                     seed: UInt64, index: Int) -> IncidentData {
        let projection = AttackRateProjection(scenario: scenario)
        var rng = RandomStream(seed: seed, trial: UInt64(index), stream: 2, site: 0)
        let rows = layout.enumerated().map { k, cell -> IncidentRow in
            let mu = truth.theta[cell.sector] * scenario.calibration.incidentsPerAttack
                * projection.rate(sector: cell.sector, year: cell.year) * (cell.rate ?? truth.rho)
            let y = CountLikelihood.sample(mean: mu, dispersion: truth.dispersion, using: &rng)
            return IncidentRow(line: k + 2, label: scenario.sectors[cell.sector].id, sectors: [cell.sector], kind: .sector,
                               year: cell.year, count: y, reportingRate: cell.rate)
        }
        return IncidentData(file: "synthetic.csv", rows: rows)
    }

    /// The ranks of the true values among a chain's draws (thinned): `#{draws < truth}`.
    static func ranks(_ draws: PosteriorDraws, truth: Truth, quantities: [PosteriorDraws.Quantity], thin: Int) -> [Int] {
        quantities.map { q in
            let values = draws.pooled(q)
            return stride(from: thin - 1, to: values.count, by: thin).filter { values[$0] < truth.value(q) }.count
        }
    }
}
