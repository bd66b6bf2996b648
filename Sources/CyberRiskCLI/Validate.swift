import ArgumentParser
import CyberRisk

/// `cyberrisk validate`: check a config and report every problem.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a config; report every problem with file, field path and reason (exit 2 if any)."
    )

    @OptionGroup var scenario: ScenarioOptions

    @Flag(help: "Print the fully resolved config as YAML.")
    var resolved = false

    func run() throws {
        let r = try scenario.resolve()
        if resolved {
            r.printYAML()
            return
        }
        let s = r.scenario
        print("ok: \(r.source): scenario '\(s.name)', \(s.sectors.count) sectors, years \(s.startYear)–\(s.startYear + s.horizonYears - 1), \(s.trials) trials, config hash \(r.hash)")
    }
}

/// `cyberrisk config --dump`: the resolved config.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the fully resolved config (defaults, extends and --set applied) as YAML."
    )

    @OptionGroup var scenario: ScenarioOptions

    @Flag(help: "Print the resolved config (the default action).")
    var dump = false

    func run() throws {
        try scenario.resolve().printYAML()
    }
}
