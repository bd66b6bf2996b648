import ArgumentParser
import CyberRisk
import CyberRiskReport
import CyberRiskSweep
import Foundation

/// `cyberrisk tornado`: one-at-a-time swings of each parameter over its range, on common random
/// numbers, on the sweep machinery (journal, resume, shards, merge).
struct Tornado: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What moves the forecast: one-at-a-time swings of each parameter from the low to the high end of its range, into tornado.csv.",
        discussion: """
            SPEC has the sweep file's shape (docs/sweeps.md): a base and parameters with range or \
            log_range (design: and steps are ignored). The base and each parameter alone at each end \
            of its range, the others as in the base, run on the same seed (the spec's, else the \
            base's), so a swing is the parameter's effect without sampling noise between the points: \
            1 + 2k forecasts for k parameters. Like a sweep it is resumable (--resume) and shardable \
            (--shard I/N, then `cyberrisk merge`). `cyberrisk report OUT` draws the tornado and spider charts.
            """
    )

    @OptionGroup var specOptions: SweepSpecOptions

    @Option(name: .customLong("vary"), help: ArgumentHelp(
        "Swing a parameter over a range: path='{range: [lo, hi]}' or path='{log_range: [1e5, 1e8]}' (repeatable; "
            + "value lists are refused and steps are ignored).",
        valueName: "path=range"))
    var vary: [String] = []

    @Option(help: ArgumentHelp("Output folder. See --resume and --force for a folder that already holds a sweep.",
                               valueName: "dir"))
    var out: String = "tornado"

    @Flag(help: "Print the 1 + 2k points (the base, then each parameter at its low and high end) as CSV and exit without running them.")
    var plan = false

    @OptionGroup var runOptions: SweepRunOptions

    func run() throws {
        var spec = try specOptions.sweepSpec(command: "tornado", design: .tornado,
                                             .init(vary: vary, samples: nil, scramble: false))
        if let ignored = spec.ignoredDesign, !runOptions.quiet {
            FileHandle.standardError.write(Data("note: \(spec.file): design: \(ignored) ignored; tornado swings one parameter at a time\n".utf8))
        }
        spec.samples = nil
        let plan = try SweepSpecOptions.plan(spec, threads: runOptions.threads, quiet: runOptions.quiet)
        let part = try Shard.forOption(runOptions.shard)
        if self.plan {
            print(SweepTables.pointsCSV(parameterPaths: plan.parameterPaths, points: plan.points(in: part)), terminator: "")
            return
        }
        let session = runOptions.session(out: out)
        let outcome = try session.run(plan, shard: part)
        guard !runOptions.quiet else { return }
        if part.count == 1 {
            let analysis = try TornadoAnalysis(header: outcome.header, records: outcome.records)
            print(Tornado.rankedTables(analysis, trials: plan.trials, seed: plan.seed))
            print("wrote \(session.out)/tornado.csv, sweep.csv, points.csv, manifest.json (journal: \(SweepJournal.fileName))")
        } else {
            print("\(outcome.records.count) of \(outcome.header.totalPoints) points (shard \(outcome.header.shard)); "
                  + "wrote \(session.out)/\(SweepJournal.fileName) and manifest.json; combine all shards with `cyberrisk merge SHARD_DIRS… --out DIR`")
        }
    }

    /// The last year's swings of each headline metric, largest first.
    static func rankedTables(_ a: TornadoAnalysis, trials: Int, seed: UInt64) -> String {
        guard let year = a.years.last else { return "" }
        var text = "tornado of the \(year) means: each parameter alone from its low to its high end "
            + "(\(trials) trials per point, seed \(seed) for every point)\n"
        for metric in ForecastSummary.headline.map(\.name) {
            guard let k = a.metrics.firstIndex(of: metric) else { continue }
            let bars = a.bars[(a.years.count - 1) * a.metrics.count + k]
            var table = TextTable(header: ["parameter", "low", "high", "at low", "at high", "swing"])
            for b in bars {
                table.append([IndexBarChart.label(b.parameter), TextTable.format(b.low), TextTable.format(b.high),
                              TextTable.format(b.valueLow), TextTable.format(b.valueHigh), TextTable.format(b.swing, digits: 3)])
            }
            let base = bars.first.map { TextTable.format($0.valueBase) } ?? "-"
            text += "\n\(metric), \(year) (base \(base))\n" + table.rendered
        }
        return text
    }
}
