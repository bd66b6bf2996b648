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
        let r = try scenario.resolve(quiet: true)
        if resolved {
            r.printYAML()
            return
        }
        let s = r.scenario
        let last = s.startYear + s.horizonYears - 1
        let years = s.horizonYears == 1 ? "year \(s.startYear)" : "years \(s.startYear)–\(last)"
        var sectors = ScenarioOptions.sectors(s.sectors.count)
        if r.replacesDefaultSectors { sectors += " (replacing the \(r.defaultSectorIDs.count) default sectors)" }
        print("ok: \(r.source): scenario '\(s.name)', \(sectors), \(years), \(s.trials) trials, config hash \(r.hash)")
        if let note = ScenarioOptions.sectorNote(r) { print("note: " + note) }
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
