@testable import CyberRisk
import Testing

/// The `calibration` block: the baseline's values, overrides, and every refusal with its path.
@Suite("Config: the calibration block")
struct CalibrationSettingsTests {
    let loader = ConfigFixtures.loader()

    @Test func theBaselineCarriesTheIC3ReportingAssumption() throws {
        let s = try loader.load(embedded: "baseline.yaml")
        #expect(s.calibration == CalibrationSettings(reportingRate: .pert(lower: 0.2, mode: 0.4, upper: 0.667), incidentsPerAttack: 10))
        // A file that leaves the block out inherits it; one that gives a field replaces that field.
        let partial = try loader.load(text: "calibration: {incidents_per_attack: 1}\n")
        #expect(partial.calibration.incidentsPerAttack == 1 && partial.calibration.reportingRate == s.calibration.reportingRate)
        let set = try loader.load(text: "trials: 5\n", overrides: ["calibration.reporting_rate={uniform: [0.1, 0.3]}"])
        #expect(set.calibration.reportingRate == .uniform(lower: 0.1, upper: 0.3))
    }

    static let cases: [BrokenConfig] = [
        .init("calibration: {reporting_rate: 0}\n", "calibration.reporting_rate", "must be in (0, 1], found 0"),
        .init("calibration: {reporting_rate: 1.5}\n", "calibration.reporting_rate", "must be in (0, 1], found 1.5"),
        .init("calibration: {reporting_rate: {pert: [0, 0.4, 0.7]}}\n", "calibration.reporting_rate", "every draw must be in (0, 1]"),
        .init("calibration: {incidents_per_attack: 0}\n", "calibration.incidents_per_attack", "must be > 0"),
        .init("calibration: {incidents_per_attack: {uniform: [1, 2]}}\n", "calibration.incidents_per_attack", "cannot be uncertain"),
        .init("calibration: {reportng_rate: 0.5}\n", "calibration.reportng_rate", "did you mean 'reporting_rate'?"),
        .init("calibration: 0.5\n", "calibration", "expected a mapping"),
    ]

    @Test(arguments: Self.cases)
    func refusedWithItsPath(_ c: BrokenConfig) {
        expectIssue(configError { try loader.load(text: c.yaml) }, path: c.path, c.phrase)
    }
}
