import ArgumentParser
import CyberRisk
import CyberRiskSweep
import Foundation

/// The options `sweep` and `sensitivity` share to say on which base they run: a spec file, and
/// overrides of its base, trials and seed. What they vary (`--vary`, `--samples`, `--scramble`)
/// each command declares with its own help, since their designs take different domains.
struct SweepSpecOptions: ParsableArguments {
    @Argument(help: "Spec file (YAML or JSON; docs/sweeps.md).")
    var spec: String?

    @Option(help: ArgumentHelp("Base config file (default: the spec's base, else the embedded baseline).", valueName: "file"))
    var base: String?

    @Option(help: ArgumentHelp("Base on an embedded scenario by name (see `cyberrisk scenarios`).", valueName: "name"))
    var scenario: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a base field for every point (repeatable).",
                                                         valueName: "path=value"))
    var overrides: [String] = []

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Trials per point, 1…10^12, e.g. 20000 or 2e4 (overrides the spec and the base).", valueName: "n"))
    var trials: String?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Design seed, 0…2^64−1; point seeds derive from it (overrides the spec).", valueName: "n"))
    var seed: String?

    /// What the command itself varies.
    struct Variation {
        var vary: [String]
        var samples: String?
        var scramble: Bool
    }

    /// The spec from the file (if any), with `--vary` parameters and every override applied.
    /// `command` names the command in messages; `design` replaces the spec file's design.
    func sweepSpec(command: String, design: SweepDesign? = nil, _ variation: Variation) throws -> SweepSpec {
        var s: SweepSpec
        if let spec {
            guard let data = FileManager.default.contents(atPath: spec) else {
                throw CLIError.usage("\(spec): cannot read the \(command) spec (missing or unreadable)")
            }
            do {
                s = try SweepSpec(parsing: Array(data), file: spec, design: design)
            } catch let error as ConfigError {
                if let kind = FileKind.recognise(spec, expected: .sweepSpec) { throw kind }
                throw error
            }
        } else {
            guard !variation.vary.isEmpty else { throw CLIError.usage("\(command): give a spec file or at least one --vary path=values") }
            s = SweepSpec()
            s.file = "--vary"
            if let design { s.design = design }
        }
        s.parameters += try SweepSpec.parameters(parsing: variation.vary, source: "--vary")
        if base != nil && scenario != nil { throw CLIError.usage("give either --base or --scenario, not both") }
        if let base { s.base = .file(base) }
        if let scenario { s.base = .named(scenario) }
        s.overrides += overrides
        if let samples = variation.samples {
            s.samples = try WholeNumberOption.integer(samples, option: "--samples", in: 1...SweepSpec.maximumPoints,
                                                      what: "samples", example: "64")
        }
        if let trials { s.trials = try WholeNumberOption.trials(trials) }
        if let seed { s.seed = try WholeNumberOption.seed(seed) }
        if variation.scramble { s.scramble = true }
        return s
    }

    /// Resolves and checks `spec` against its base (every point validated, in parallel); unless
    /// `quiet`, notes on stderr when the base's `sectors:` list replaced the default sectors.
    static func plan(_ spec: SweepSpec, threads: String?, quiet: Bool) throws -> SweepPlan {
        let plan: SweepPlan
        do {
            plan = try SweepPlan(spec: spec, threads: try threadCount(forOption: threads))
        } catch let e as ScenarioCatalogError {
            throw CLIError.usage("base scenario: " + e.description)
        }
        if !quiet, let note = ScenarioOptions.sectorNote(plan.base) {
            FileHandle.standardError.write(Data(("note: base " + note + "\n").utf8))
        }
        return plan
    }
}
