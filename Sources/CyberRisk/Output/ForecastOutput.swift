/// Writes a forecast's output folder: `summary.csv`, `sectors.csv`, `exceedance.csv`,
/// `tolerances.csv` (when the scenario has tolerances), the tail files (`return_periods.csv`,
/// `horizon.csv`, `sector_return_periods.csv`, `event_classes.csv`, when the accumulator has event
/// accounting; see ``TailTables``), `state.bin` and, last, `manifest.json` — all staged first and
/// renamed into place (see ``OutputDirectory``). The manifest gets the scenario's ``EconomicLossBasis``.
public enum ForecastOutput {
    public static func write(scenario: Scenario, state: StateFile, manifest: Manifest,
                             to directory: OutputDirectory) throws {
        try directory.writeAll(files(scenario: scenario, state: state, manifest: manifest))
    }

    /// The folder's files by name, in writing order (the manifest last).
    public static func files(scenario: Scenario, state: StateFile, manifest: Manifest) -> [(name: String, bytes: [UInt8])] {
        let tables = ForecastTables(scenario: scenario, accumulator: state.accumulator)
        var files: [(name: String, bytes: [UInt8])] = [
            ("summary.csv", Array(tables.summaryCSV.utf8)),
            ("sectors.csv", Array(tables.sectorsCSV.utf8)),
            ("exceedance.csv", Array(tables.exceedanceCSV.utf8)),
        ]
        if !scenario.tolerances.isEmpty {
            files.append(("tolerances.csv", Array(ToleranceTable(tables: tables, batches: state.batches).csv.utf8)))
        }
        if let tail = TailTables(scenario: scenario, accumulator: state.accumulator) {
            files += [
                ("return_periods.csv", Array(tail.returnPeriodsCSV.utf8)),
                ("horizon.csv", Array(tail.horizonCSV.utf8)),
                ("sector_return_periods.csv", Array(tail.sectorReturnPeriodsCSV.utf8)),
                ("event_classes.csv", Array(tail.eventClassesCSV.utf8)),
            ]
        }
        files.append(("state.bin", state.encoded()))
        var manifest = manifest
        manifest.economicLoss = EconomicLossBasis(scenario: scenario)
        manifest.files = files.map(\.name)
        files.append(("manifest.json", Array(manifest.json().utf8)))
        return files
    }
}
