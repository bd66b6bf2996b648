/// Writes a forecast's output folder: `summary.csv`, `sectors.csv`, `exceedance.csv`, `state.bin`
/// and, last, `manifest.json` — all staged first and renamed into place (see ``OutputDirectory``).
/// The manifest gets the scenario's ``EconomicLossBasis``.
public enum ForecastOutput {
    public static func write(scenario: Scenario, state: StateFile, manifest: Manifest,
                             to directory: OutputDirectory) throws {
        let tables = ForecastTables(scenario: scenario, accumulator: state.accumulator)
        var manifest = manifest
        manifest.economicLoss = EconomicLossBasis(scenario: scenario)
        try directory.writeAll([
            ("summary.csv", Array(tables.summaryCSV.utf8)),
            ("sectors.csv", Array(tables.sectorsCSV.utf8)),
            ("exceedance.csv", Array(tables.exceedanceCSV.utf8)),
            ("state.bin", state.encoded()),
            ("manifest.json", Array(manifest.json().utf8)),
        ])
    }
}
