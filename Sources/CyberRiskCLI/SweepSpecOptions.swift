import ArgumentParser
import CyberRisk
import CyberRiskSweep
import Foundation

/// The options that say what a `sweep` or `sensitivity` varies and on which base: a spec file
/// and/or `--vary`, and overrides of the spec's base, samples, trials and seed.
struct SweepSpecOptions: ParsableArguments {
    @Argument(help: "Spec file (YAML or JSON; docs/sweeps.md).")
    var spec: String?

    @Option(name: .customLong("vary"), help: ArgumentHelp(
        "Vary a parameter: path=v1,v2,… or path='{log_range: [1e5, 1e8], steps: 4}' (repeatable).",
        valueName: "path=values"))
    var vary: [String] = []

    @Option(help: ArgumentHelp("Base config file (default: the spec's base, else the embedded baseline).", valueName: "file"))
    var base: String?

    @Option(help: ArgumentHelp("Base on an embedded scenario by name (see `cyberrisk scenarios`).", valueName: "name"))
    var scenario: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a base field for every point (repeatable).",
                                                         valueName: "path=value"))
    var overrides: [String] = []

    @Option(help: "Points of an lhs or sobol sweep; base rows N of a sensitivity analysis (a power of two, rounded up; default 128) (overrides the spec).")
    var samples: Int?

    @Option(help: "Trials per point (overrides the spec and the base; sensitivity default: 2048).")
    var trials: Int?

    @Option(help: "Design seed; point seeds derive from it (overrides the spec).")
    var seed: UInt64?

    @Flag(help: "Scramble the Sobol' points (overrides the spec).")
    var scramble = false

    /// The spec from the file (if any), with `--vary` parameters and every override applied.
    /// `command` names the command in messages; `design` replaces the spec file's design.
    func sweepSpec(command: String, design: SweepDesign? = nil) throws -> SweepSpec {
        var s: SweepSpec
        if let spec {
            guard let data = FileManager.default.contents(atPath: spec) else {
                throw CLIError.usage("\(spec): cannot read the \(command) spec (missing or unreadable)")
            }
            s = try SweepSpec(parsing: Array(data), file: spec, design: design)
        } else {
            guard !vary.isEmpty else { throw CLIError.usage("\(command): give a spec file or at least one --vary path=values") }
            s = SweepSpec()
            s.file = "--vary"
            if let design { s.design = design }
        }
        s.parameters += try SweepSpec.parameters(parsing: vary, source: "--vary")
        if base != nil && scenario != nil { throw CLIError.usage("give either --base or --scenario, not both") }
        if let base { s.base = .file(base) }
        if let scenario { s.base = .named(scenario) }
        s.overrides += overrides
        if let samples {
            guard samples >= 1 && samples <= SweepSpec.maximumPoints else {
                throw CLIError.usage("--samples: expected 1…\(SweepSpec.maximumPoints), found \(samples)")
            }
            s.samples = samples
        }
        if let trials { s.trials = try trialCount(forOption: trials) }
        if let seed { s.seed = seed }
        if scramble { s.scramble = true }
        return s
    }

    /// Resolves and checks `spec` against its base (every point validated, in parallel).
    static func plan(_ spec: SweepSpec, threads: Int?) throws -> SweepPlan {
        do {
            return try SweepPlan(spec: spec, threads: try threadCount(forOption: threads))
        } catch let e as ScenarioCatalogError {
            throw CLIError.usage("base scenario: " + e.description)
        }
    }
}
