/// Writes a forecast's output folder: `summary.csv`, `sectors.csv`, `exceedance.csv`, the tail files
/// (`return_periods.csv`, `horizon.csv`, `sector_return_periods.csv`, `event_classes.csv`; see
/// ``TailTables``), `state.bin` and, last, `manifest.json` — all staged first and renamed into
/// place (see ``OutputDirectory``).
public enum ForecastOutput {
    public static func write(scenario: Scenario, state: StateFile, manifest: Manifest,
                             to directory: OutputDirectory) throws {
        let tables = ForecastTables(scenario: scenario, accumulator: state.accumulator)
        var files: [(name: String, bytes: [UInt8])] = [
            ("summary.csv", Array(tables.summaryCSV.utf8)),
            ("sectors.csv", Array(tables.sectorsCSV.utf8)),
            ("exceedance.csv", Array(tables.exceedanceCSV.utf8)),
        ]
        if let tail = TailTables(scenario: scenario, accumulator: state.accumulator) {
            files += [
                ("return_periods.csv", Array(tail.returnPeriodsCSV.utf8)),
                ("horizon.csv", Array(tail.horizonCSV.utf8)),
                ("sector_return_periods.csv", Array(tail.sectorReturnPeriodsCSV.utf8)),
                ("event_classes.csv", Array(tail.eventClassesCSV.utf8)),
            ]
        }
        try directory.writeAll(files + [
            ("state.bin", state.encoded()),
            ("manifest.json", Array(manifest.json().utf8)),
        ])
    }
}
