import ArgumentParser
import CyberRisk
import CyberRiskReport
import Foundation

/// `cyberrisk run`: the forecast.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the forecast and write summary.csv, sectors.csv, exceedance.csv, return_periods.csv, horizon.csv, sector_return_periods.csv, event_classes.csv, state.bin and manifest.json.",
        discussion: """
            Prints, per year, the mean and 95th percentile of national_risk, human_risk and \
            economic_loss_usd_bn (or a JSON summary with --json). With --shard I/N it runs the I-th \
            (0-based) of N contiguous block ranges; combine the shards with `cyberrisk merge`.
            """
    )

    @OptionGroup var scenario: ScenarioOptions

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Number of trials, 1…10^12, e.g. 100000 or 1e5 (overrides the config's `trials`).", valueName: "n"))
    var trials: String?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Random seed, 0…2^64−1 (overrides the config's `seed`).", valueName: "n"))
    var seed: String?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Worker threads, 1…4096 (default: all cores). Results do not depend on it.", valueName: "n"))
    var threads: String?

    @Option(help: ArgumentHelp("Output folder. One holding the same forecast (config, seed, trials, shard) is replaced "
                               + "with a note; one holding a different forecast is refused unless --force.", valueName: "dir"))
    var out: String = "out"

    @Flag(help: "Replace the results of a different forecast in --out (and their report).")
    var force = false

    @Option(help: ArgumentHelp("Run only shard I of N (0-based), e.g. 3/8 or $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT.",
                               valueName: "I/N"))
    var shard: String?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Print a JSON summary instead of the table.")
    var json = false

    @Option(help: "Progress bar on stderr: auto (only on a terminal), always, never.")
    var progress: ProgressBar.Mode = .auto

    @Flag(help: "Also write report.html (see `cyberrisk report`).")
    var report = false

    @Flag(help: "Also write each chart as charts/ID.svg (implies --report).")
    var svg = false

    @OptionGroup var precisionOptions: PrecisionOptions

    func run() throws {
        var extra: [String] = []
        let trialCount = try trials.map { try WholeNumberOption.trials($0) }
        let maximumTrials = try precisionOptions.maximumTrials(trials: trialCount, shard: shard)
        if let maximumTrials { extra.append("trials=\(maximumTrials)") }
        if let trialCount { extra.append("trials=\(trialCount)") }
        if let seed { extra.append("seed=\(try WholeNumberOption.seed(seed))") }
        var resolved = try scenario.resolve(extra: extra, quiet: quiet)
        let part = try Shard.forOption(shard)
        let workers = try threadCount(forOption: threads)
        let directory = try OutputDirectory.forOption(out)
        // Watching for SIGINT/SIGTERM starts before the folder's lock is taken: a signal that
        // arrives while the plan is built must not be lost (it was, under load).
        let signals = SignalWatcher()
        let policy = OutputFolderPolicy(out: out, quiet: quiet)
        let replacement = try policy.checkForecast(hash: resolved.hash, yaml: resolved.yaml, shard: part,
                                                   scenario: resolved.scenario.name, force: force)

        let plan = try SimulationPlan(scenario: resolved.scenario)
        let forecast = Forecast(plan: plan)
        if forecast.trials(in: part) == 0 {
            let blocks = forecast.totalBlocks
            policy.note("note: shard \(part) holds no trials (\(resolved.scenario.trials) trials make \(blocks) "
                        + "block\(blocks == 1 ? "" : "s") of \(Forecast.trialsPerBlock), fewer than the \(part.count) shards); "
                        + "its output has no statistics and merges with the other shards")
        }
        let bar = ProgressBar(total: forecast.trials(in: part), mode: progress, quiet: quiet)
        let start = Date()
        let forecastRun: ForecastRun
        var outcome: PrecisionOutcome?
        do {
            let requests = resolved.scenario.toleranceRequests
            if let target = precisionOptions.precision {
                let targets = try precisionOptions.targets(MetricSet(scenario: resolved.scenario))
                let staged = PrecisionRun(forecast: forecast, relativeHalfWidth: target, targets: targets)
                let result = try staged.run(threads: workers, requests: requests, stage: { end, reached in
                    bar.restart(total: end, note: Run.precisionNote(reached, target: target))
                }, progress: { bar.advance(by: $0) }, isCancelled: { signals.isStopRequested })
                (forecastRun, outcome) = (result.run, result.outcome)
                // What was run is a forecast of that many trials: its config says so.
                resolved = try scenario.resolve(extra: extra.filter { !$0.hasPrefix("trials=") }
                                                + ["trials=\(result.outcome.trials)"], quiet: true)
            } else {
                forecastRun = try forecast.run(blocks: part.blocks(of: forecast.totalBlocks), threads: workers, requests: requests,
                                               progress: { bar.advance(by: $0) }, isCancelled: { signals.isStopRequested })
            }
        } catch SimulationError.cancelled {
            bar.finish()
            throw signals.interruption("no output was written to \(out)")
        }
        bar.finish()
        let folder = ForecastFolder(scenario: resolved.scenario, shard: part, run: forecastRun, threads: workers,
                                    startTime: start, endTime: Date(), precision: outcome)
        if signals.isStopRequested { throw signals.interruption("no output was written to \(out)") }
        try folder.write(to: directory)
        try policy.removeStale(replacement, rewritten: svg ? ["report.html", "charts"] : report ? ["report.html"] : [])
        var written = folder.fileNames
        if report || svg {
            do {
                _ = try ReportDocument(folder: out).write(to: directory, name: "report.html", svg: svg)
            } catch let e as OutputError where e.operation == .read {
                throw CLIError.runtime("the forecast was written, but its report failed: \(e.description)")
            }
            written.append(svg ? "report.html, charts/*.svg" : "report.html")
        }
        guard !quiet else { return }
        if json {
            print(ForecastSummary.json(folder))
        } else {
            print(ForecastSummary.text(folder, out: out, files: written))
        }
    }

    /// The progress bar's note in a precision run: `±2.3% (target ±1%)`.
    static func precisionNote(_ reached: Double?, target: Double) -> String {
        let goal = "target ±" + ForecastSummary.percent(target)
        guard let reached else { return goal }
        return "±" + (reached.isFinite ? ForecastSummary.percent(reached) : "∞") + " (\(goal))"
    }
}
