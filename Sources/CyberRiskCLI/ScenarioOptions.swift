import ArgumentParser
import CyberRisk
import Foundation

/// How a command picks its scenario: a config file, an embedded scenario by name, or the
/// embedded default; then `--set` overrides.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "Scenario config (YAML, or JSON by extension). Default: the embedded baseline.")
    var config: String?

    @Option(help: ArgumentHelp(
        "Use an embedded scenario by name instead of a config file (see `cyberrisk scenarios`).",
        valueName: "name"))
    var scenario: String?

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Override a field by dotted path, e.g. --set scenario.iot.devices_bn.rate=0.25 (repeatable).",
        valueName: "path=value"))
    var overrides: [String] = []

    /// Loads, resolves and validates the scenario. Unless `quiet`, notes on stderr when the
    /// config's `sectors:` list replaced the default sectors.
    func resolve(extra: [String] = [], quiet: Bool = false) throws -> ResolvedScenario {
        let resolved: ResolvedScenario
        do {
            resolved = try load(extra: extra)
        } catch let error as ConfigError {
            if let config, let kind = FileKind.recognise(config, expected: .scenario) { throw kind }
            throw error
        }
        if !quiet, let note = ScenarioOptions.sectorNote(resolved) {
            FileHandle.standardError.write(Data(("note: " + note + "\n").utf8))
        }
        return resolved
    }

    private func load(extra: [String]) throws -> ResolvedScenario {
        guard let scenario else {
            do {
                return try ScenarioCatalog.resolve(path: config, overrides: overrides + extra)
            } catch let e as ConfigError where config != nil
                        && e.issues.contains(where: { $0.file == config && $0.message == ConfigLoader.emptyFileMessage }) {
                // An empty file (a failed download, a truncated write) is not "run the default".
                throw CLIError.usage("invalid configuration\n\(e.description)\n"
                    + "To run the default scenario (configs/baseline.yaml), omit the CONFIG argument; "
                    + "for another embedded one use --scenario NAME (see `cyberrisk scenarios`).")
            }
        }
        if let config {
            throw CLIError.usage("give either a config file ('\(config)') or --scenario '\(scenario)', not both")
        }
        do {
            return try ScenarioCatalog.resolve(scenario: scenario, overrides: overrides + extra)
        } catch let e as ScenarioCatalogError {
            throw CLIError.usage("--scenario: " + e.description)
        }
    }

    /// `1 sector`, `16 sectors`.
    static func sectors(_ n: Int) -> String { n == 1 ? "1 sector" : "\(n) sectors" }

    /// The note for a config whose `sectors:` list replaced the default sectors (a user's file;
    /// the embedded analogues are documented as such), or `nil`.
    static func sectorNote(_ r: ResolvedScenario) -> String? {
        guard r.replacesDefaultSectors, !r.source.hasPrefix("embedded:") else { return nil }
        let ids = r.scenario.sectors.map(\.id)
        let listed = ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? ", …" : "")
        return "\(r.source): its sectors: list replaces the \(r.defaultSectorIDs.count) default sectors, so the model has "
            + "only \(sectors(ids.count)) (\(listed)). To change a default sector and keep the others, leave sectors: "
            + "out and use --set, e.g. --set sectors.energy.digital.initial=0.8"
    }
}
