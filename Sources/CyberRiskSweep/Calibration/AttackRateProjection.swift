import CyberRisk
import Foundation

/// A scenario's successful-attack rate of each sector, projected to any calendar year with the
/// scenario's own growth and defence curves (`docs/calibration.md`, "Years before the start"):
///
///     λ_i(t) = A_i · p_i · (D(t)/D(0))^{e_i} · δ(t),    t = year − start_year,
///
/// with `A_i` attacks per year, `p_i` success probability, `e_i` IoT elasticity, `D(t)` the
/// logistic IoT curve and `δ(t) = (1 − v)^t` the defence factor — the engine's `λ_i` (docs/model.md,
/// step 1) with every uncertain parameter at its mean. For `t < 0` the logistic runs backwards
/// (`D(t) < D(0)`, falling towards 0 as `t → −∞`) and `δ(t) = (1 − v)^t > 1`: attacks were fewer
/// (smaller attack surface) but succeeded more often (weaker defence). A sector that is offline
/// (`digital.initial = 0`) has no attacks in the engine, so its rate is 0.
///
/// ```swift
/// let p = AttackRateProjection(scenario: baseline)
/// p.startRate(sector: 11)                  // λ of healthcare in 2026
/// p.trend(sector: 11, year: 2023)          // λ(2023)/λ(2026) ≈ 0.84
/// ```
package struct AttackRateProjection: Sendable {
    let startYear: Int
    /// `λ_i(0) = E[A_i]·E[p_i]`, successful attacks per year at the start year (0 if offline).
    let startRates: [Double]
    let elasticities: [Double]
    let iot: (initial: Double, ceiling: Double, rate: Double)
    let decline: Double

    init(scenario s: Scenario) {
        startYear = s.startYear
        startRates = s.sectors.map { sector in
            sector.digital.initial.mean > 0 ? sector.threat.attacksPerYear.mean * sector.threat.successProbability.mean : 0
        }
        elasticities = s.sectors.map(\.threat.iotElasticity.mean)
        iot = (s.iot.devices.initial.mean, s.iot.devices.ceiling.mean, s.iot.devices.rate.mean)
        decline = s.defense.vulnerabilityDecline.mean
    }

    /// `λ_i(0)`.
    func startRate(sector i: Int) -> Double { startRates[i] }

    /// `λ_i(t)/λ_i(0) = (D(t)/D(0))^{e_i}·δ(t)` for calendar year `year`; `+∞` before the start
    /// when `v = 1` (a defence that removes every vulnerability after the start year cannot be
    /// run backwards).
    func trend(sector i: Int, year: Int) -> Double {
        let t = Double(year - startYear)
        let defence = Foundation.pow(1 - decline, t)
        guard iot.initial > 0 else { return defence }
        let devices = GrowthCurve.value(at: t, initial: iot.initial, ceiling: iot.ceiling, rate: iot.rate)
        return Foundation.exp(elasticities[i] * Foundation.log(devices / iot.initial)) * defence
    }

    /// `λ_i(t)` for calendar year `year`.
    func rate(sector i: Int, year: Int) -> Double {
        startRates[i] == 0 ? 0 : startRates[i] * trend(sector: i, year: year)
    }
}
