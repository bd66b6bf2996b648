import ArgumentParser
import CyberRisk

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

    /// Loads, resolves and validates the scenario.
    func resolve(extra: [String] = []) throws -> ResolvedScenario {
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
}
