import ArgumentParser
import CyberRisk
import CyberRiskReport
import Foundation

/// `cyberrisk run`: the forecast.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the forecast and write summary.csv, sectors.csv, exceedance.csv, state.bin and manifest.json.",
        discussion: """
            Prints, per year, the mean and 95th percentile of national_risk, human_risk and \
            economic_loss_usd_bn (or a JSON summary with --json). With --shard I/N it runs the I-th \
            (0-based) of N contiguous block ranges; combine the shards with `cyberrisk merge`.
            """
    )

    @OptionGroup var scenario: ScenarioOptions

    @Option(help: "Number of trials (overrides the config's `trials`).")
    var trials: Int?

    @Option(help: "Random seed (overrides the config's `seed`).")
    var seed: UInt64?

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    @Option(help: "Output folder.")
    var out: String = "out"

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

    func run() throws {
        var extra: [String] = []
        if let trials { extra.append("trials=\(try trialCount(forOption: trials))") }
        if let seed { extra.append("seed=\(seed)") }
        let resolved = try scenario.resolve(extra: extra)
        let part = try Shard.forOption(shard)
        let workers = try threadCount(forOption: threads)
        let directory = try OutputDirectory.forOption(out)

        let plan = try SimulationPlan(scenario: resolved.scenario)
        let forecast = Forecast(plan: plan)
        let signals = SignalWatcher()
        let bar = ProgressBar(total: forecast.trials(in: part), mode: progress, quiet: quiet)
        let start = Date()
        let accumulator: ForecastAccumulator
        do {
            accumulator = try forecast.run(threads: workers, shard: part,
                                           progress: { bar.advance(by: $0) },
                                           isCancelled: { signals.isStopRequested })
        } catch SimulationError.cancelled {
            bar.finish()
            throw signals.interruption("no output was written to \(out)")
        }
        bar.finish()
        let folder = ForecastFolder(scenario: resolved.scenario, shard: part, accumulator: accumulator,
                                    threads: workers, startTime: start, endTime: Date())
        if signals.isStopRequested { throw signals.interruption("no output was written to \(out)") }
        try folder.write(to: directory)
        var written = ForecastFolder.fileNames
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
}
