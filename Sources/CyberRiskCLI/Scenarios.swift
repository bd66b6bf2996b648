import ArgumentParser
import CyberRisk

/// `cyberrisk scenarios [list]` / `cyberrisk scenarios show NAME`: the embedded scenario library.
struct Scenarios: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the embedded scenarios (baseline, variants, historical analogues), or show one.",
        discussion: "Run one with `cyberrisk run --scenario NAME`.",
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self
    )

    /// `cyberrisk scenarios list`: name and one-line description of each embedded scenario.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the embedded scenarios with their one-line description (the default).")

        func run() throws {
            let names = ScenarioCatalog.names
            let width = names.map(\.count).max() ?? 0
            for name in names {
                let padded = name + String(repeating: " ", count: width - name.count)
                print("\(padded)  \(try ScenarioCatalog.description(of: name))")
            }
        }
    }

    /// `cyberrisk scenarios show NAME`: the resolved YAML of one embedded scenario.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print an embedded scenario's fully resolved config as YAML.")

        @Argument(help: "Scenario name (see `cyberrisk scenarios`).")
        var name: String

        func run() throws {
            let r: ResolvedScenario
            do {
                r = try ScenarioCatalog.resolve(scenario: name, overrides: [])
            } catch let e as ScenarioCatalogError {
                throw CLIError.usage(e.description)
            }
            r.printYAML()
        }
    }
}
