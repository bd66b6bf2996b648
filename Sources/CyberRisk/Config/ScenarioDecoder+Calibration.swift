/// The `calibration` block: how reported incidents relate to the simulated attacks.
extension ScenarioDecoder {
    /// `{reporting_rate: P in (0, 1], incidents_per_attack: number > 0}`.
    mutating func decodeCalibration(_ node: ConfigValue, _ path: ConfigPath) -> CalibrationSettings? {
        guard let r = record(node, path, ConfigSchema.calibration) else { return nil }
        let rate = parameter(r, "reporting_rate", .threshold)
        let incidents = number(r, "incidents_per_attack", .positive)
        guard let rate, let incidents else { return nil }
        return CalibrationSettings(reportingRate: rate, incidentsPerAttack: incidents)
    }
}
