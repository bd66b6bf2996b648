/// How reported incident counts relate to the simulated attacks: the `calibration` block of a
/// configuration. The forecast never reads it; `cyberrisk calibrate` does (`docs/calibration.md`).
///
/// A data source records a share `ρ` (``reportingRate``) of the successful incidents, and one
/// simulated attack stands for ``incidentsPerAttack`` incidents (the baseline counts attacks in
/// campaigns of 10 intrusions), so a sector whose model rate is `λ` successful attacks a year
/// reports on average `ρ · incidentsPerAttack · λ` incidents a year.
///
/// ```yaml
/// calibration:
///   reporting_rate: {pert: [0.2, 0.4, 0.667]}
///   incidents_per_attack: 10
/// ```
package struct CalibrationSettings: Sendable, Equatable, Hashable {
    /// `ρ ∈ (0, 1]`: the share of successful incidents the data source records, used (with its
    /// uncertainty, as the prior of `ρ`) for data rows that do not give their own reporting rate.
    package var reportingRate: Parameter
    /// Incidents one simulated attack stands for, `> 0`.
    package var incidentsPerAttack: Double

    init(reportingRate: Parameter, incidentsPerAttack: Double) {
        self.reportingRate = reportingRate
        self.incidentsPerAttack = incidentsPerAttack
    }

    /// Every incident recorded, one incident per attack: the value of a scenario built in code
    /// without a `calibration` block (a loaded configuration takes the defaults' block).
    static let complete = CalibrationSettings(reportingRate: .fixed(1), incidentsPerAttack: 1)
}
