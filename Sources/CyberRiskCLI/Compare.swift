import ArgumentParser
import CyberRisk
import CyberRiskReport
import Foundation

/// `cyberrisk compare`: what a policy buys — scenarios run on the same simulated futures, with
/// paired differences.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare scenarios on the same simulated futures (common random numbers) and write comparison.csv.",
        discussion: """
            BASE and each ALT are config files or embedded scenario names (`cyberrisk scenarios`); \
            --scenario NAME adds more after them. The first is the base. All run in one pass on the \
            same trials and seed (the base's, or --trials/--seed), so each scenario's folder \
            OUT/<scenario>/ holds exactly what `cyberrisk run` writes for it, and each difference \
            ALT − BASE has a paired standard error from the per-trial differences. The scenarios \
            must have the same start year, horizon, sectors and human-security dimensions. With \
            --shard I/N it runs the I-th of N block ranges; combine the shards with `cyberrisk merge`.
            """
    )

    @Argument(help: ArgumentHelp("The base, then the alternatives: config files or embedded scenario names.",
                                 valueName: "scenario"))
    var scenarios: [String] = []

    @Option(name: .customLong("scenario"), help: ArgumentHelp("Add an embedded scenario by name (repeatable).", valueName: "name"))
    var named: [String] = []

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a field in every scenario (repeatable).", valueName: "path=value"))
    var overrides: [String] = []

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Number of trials for every scenario, 1…10^12, e.g. 100000 or 1e5 (default: the base's).", valueName: "n"))
    var trials: String?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Random seed for every scenario, 0…2^64−1 (default: the base's).", valueName: "n"))
    var seed: String?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Worker threads, 1…4096 (default: all cores). Results do not depend on it.", valueName: "n"))
    var threads: String?

    @Option(help: ArgumentHelp("Output folder. One holding the same comparison (scenarios, configs, seed, trials, shard) "
                               + "is replaced with a note; one holding a different comparison is refused unless --force.",
                               valueName: "dir"))
    var out: String = "compare"

    @Flag(help: "Replace the results of a different comparison in --out (and their report).")
    var force = false

    @Option(help: ArgumentHelp("Run only shard I of N (0-based).", valueName: "I/N"))
    var shard: String?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Print a JSON summary instead of the table.")
    var json = false

    @Option(help: "Progress bar on stderr: auto (only on a terminal), always, never.")
    var progress: ProgressBar.Mode = .auto

    @Flag(help: "Also write report.html (see `cyberrisk report`).")
    var report = false

    func run() throws {
        let resolved = try resolveAll()
        let part = try Shard.forOption(shard)
        let workers = try threadCount(forOption: threads)
        let comparison: Comparison
        do {
            comparison = try Comparison(scenarios: resolved.map(\.scenario))
            try ComparisonOutput.checkFolders(resolved.map(\.scenario.name))
        } catch let e as ComparisonError {
            throw CLIError.usage(e.description)
        }
        let directory = try OutputDirectory.forOption(out)
        let base = resolved[0].scenario
        let identities = resolved.map { (name: $0.scenario.name, configHash: $0.hash) }
        let policy = OutputFolderPolicy(out: out, quiet: quiet)
        let replacement = try policy.checkComparison(scenarios: identities, seed: base.seed, trials: base.trials,
                                                     shard: part, force: force)
        let blocks = part.blocks(of: comparison.totalBlocks)
        let forecast = Forecast(plan: comparison.plans[0])
        let signals = SignalWatcher()
        let bar = ProgressBar(total: forecast.trials(in: part) * resolved.count, mode: progress, quiet: quiet)
        let start = Date()
        let result: ComparisonRun
        do {
            result = try comparison.run(blocks: blocks, threads: workers, progress: { bar.advance(by: $0) },
                                        isCancelled: { signals.isStopRequested })
        } catch SimulationError.cancelled {
            bar.finish()
            throw signals.interruption("no output was written to \(out)")
        }
        bar.finish()
        let end = Date()
        let trialsRun = Int(result.runs[0].accumulator.trials)
        let parts = zip(resolved, result.runs).map { r, run in
            ForecastFolder(scenario: r.scenario, shard: part, run: run, threads: workers, startTime: start, endTime: end)
        }
        let state = ComparisonState(toolVersion: ToolVersion.current, seed: base.seed, trials: base.trials,
                                    blockSize: Forecast.trialsPerBlock, shard: part, blocks: blocks,
                                    scenarios: identities, result: result)
        let manifest = ComparisonManifest(scenarios: identities, seed: base.seed, trials: base.trials, trialsRun: trialsRun,
                                          shard: part, blocks: blocks, threads: workers, startTime: start, endTime: end)
        if signals.isStopRequested { throw signals.interruption("no output was written to \(out)") }
        try ComparisonOutput.write(parts: parts, state: state, manifest: manifest, to: directory)
        try policy.removeStale(replacement, rewritten: report ? ["report.html"] : [])
        var files = ["comparison.csv", ComparisonState.fileName, "manifest.json"]
            + parts.map { ComparisonOutput.folderName($0.scenario.name) + "/" }
        if report {
            do {
                _ = try ReportDocument(folder: out).write(to: directory, name: "report.html", svg: false)
            } catch let e as OutputError where e.operation == .read {
                throw CLIError.runtime("the comparison was written, but its report failed: \(e.description)")
            }
            files.append("report.html")
        }
        guard !quiet else { return }
        let tables = ComparisonTables(scenarios: parts.map(\.scenario), result: result)
        if json {
            print(ComparisonSummary.json(tables: tables, manifest: manifest))
        } else {
            let seconds = end.timeIntervalSince(start)
            print(ComparisonSummary.text(tables: tables, manifest: manifest, seconds: seconds)
                  + "\n" + ForecastSummary.wrote(files, in: out))
        }
    }

    /// The scenarios in order — positional arguments (a file if one exists at the path, else an
    /// embedded scenario name), then `--scenario` names — with the base's (or the given) trials
    /// and seed applied to every one.
    func resolveAll() throws -> [ResolvedScenario] {
        let items = scenarios.map { (text: $0, named: false) } + named.map { (text: $0, named: true) }
        guard items.count >= 2 else {
            throw CLIError.usage("compare: give a base and at least one alternative (config files or scenario names), found \(items.count)")
        }
        var extra: [String] = []
        if let trials { extra.append("trials=\(try WholeNumberOption.trials(trials))") }
        if let seed { extra.append("seed=\(try WholeNumberOption.seed(seed))") }
        func resolve(_ item: (text: String, named: Bool), _ more: [String]) throws -> ResolvedScenario {
            if !item.named && FileManager.default.fileExists(atPath: item.text) {
                return try ScenarioCatalog.resolve(path: item.text, overrides: overrides + more)
            }
            guard ScenarioCatalog.path(of: item.text) != nil else {
                let what = item.named ? "--scenario" : "'\(item.text)': no such file, and"
                throw CLIError.usage("\(what) \(ScenarioCatalogError.unknown(item.text).description)")
            }
            return try ScenarioCatalog.resolve(scenario: item.text, overrides: overrides + more)
        }
        let base = try resolve(items[0], extra)
        let common = ["trials=\(base.scenario.trials)", "seed=\(base.scenario.seed)"]
        return [base] + (try items.dropFirst().map { try resolve($0, common) })
    }
}
