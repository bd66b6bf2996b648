import ArgumentParser
import CyberRisk
import CyberRiskSweep
import Foundation

/// `cyberrisk sensitivity`: variance-based global sensitivity (Sobol' indices) of the forecast to
/// the spec's parameters, on the sweep machinery (journal, resume, shards, merge).
struct Sensitivity: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Which assumptions drive the forecast: Sobol' indices S1 and ST of every parameter, year and metric.",
        discussion: """
            SPEC has the sweep file's shape (docs/sweeps.md): a base and parameters with range or \
            log_range (its design: key is ignored). The Saltelli design runs N·(k + 2) points for k \
            parameters, N a power of two (rounded up), T trials each; the indices of each point's \
            mean are estimated with bootstrap 95% intervals and written to OUT/sensitivity.csv. \
            Like a sweep it is resumable (--resume) and shardable (--shard I/N, then `cyberrisk merge`). \
            See the README's "Sensitivity analysis" for what the indices mean and how to choose N and T.
            """
    )

    /// Base rows when neither the spec nor `--samples` gives them.
    static let defaultBaseRows = 128
    /// Trials per point when neither the spec nor `--trials` gives them (the base's trials are
    /// sized for one forecast, not for N·(k + 2) of them).
    static let defaultTrials = 2048

    @OptionGroup var specOptions: SweepSpecOptions

    @Option(name: .customLong("vary"), help: ArgumentHelp(
        "Vary a parameter over a range: path='{range: [lo, hi]}' or path='{log_range: [1e5, 1e8]}' (repeatable; "
            + "at least two parameters in all; value lists and steps are refused).",
        valueName: "path=range"))
    var vary: [String] = []

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Base rows N of the Saltelli design: a power of two (rounded up), default 128; "
                               + "the design runs N·(k + 2) points (overrides the spec).", valueName: "n"))
    var samples: String?

    @Flag(help: "Scramble the design's Sobol' points by the design seed (overrides the spec).")
    var scramble = false

    @Option(help: ArgumentHelp("Output folder. See --resume and --force for a folder that already holds a sweep.",
                               valueName: "dir"))
    var out: String = "sensitivity"

    @Flag(help: "Print the Saltelli design's N·(k + 2) points as CSV (point, one column per parameter, seed) and exit without running them.")
    var plan = false

    @OptionGroup var runOptions: SweepRunOptions

    func run() throws {
        let sensitivityPlan = try makePlan()
        let part = try Shard.forOption(runOptions.shard)
        note(describe(sensitivityPlan, part))
        if plan {
            let points = sensitivityPlan.points(in: part)
            print(SweepTables.pointsCSV(parameterPaths: sensitivityPlan.parameterPaths, points: points), terminator: "")
            return
        }
        let session = runOptions.session(out: out)
        let outcome = try session.run(sensitivityPlan, shard: part)
        guard !runOptions.quiet else { return }
        if let analysis = outcome.sensitivity {
            print(Sensitivity.rankedTables(analysis))
            print("wrote \(session.out)/sensitivity.csv, sensitivity_noise.csv, sweep.csv, points.csv, manifest.json (journal: \(SweepJournal.fileName))")
        } else {
            print("\(outcome.records.count) of \(outcome.header.totalPoints) points (shard \(outcome.header.shard)); "
                  + "wrote \(session.out)/\(SweepJournal.fileName) and manifest.json; combine all shards with `cyberrisk merge SHARD_DIRS… --out DIR`")
        }
    }

    // MARK: Plan

    func makePlan() throws -> SweepPlan {
        var s = try specOptions.sweepSpec(command: "sensitivity", design: .saltelli,
                                          .init(vary: vary, samples: samples, scramble: scramble))
        if let ignored = s.ignoredDesign {
            note("note: \(s.file): design: \(ignored) ignored; sensitivity runs a Saltelli design")
        }
        let asked = s.samples ?? Sensitivity.defaultBaseRows
        let rows = SaltelliDesign.baseRows(forSamples: asked)
        if s.samples == nil {
            note("note: no samples given; using N = \(rows) base rows")
        } else if rows != asked {
            note("note: samples \(asked) rounded up to N = \(rows) (the Saltelli design's Sobol' points need a power of two)")
        }
        s.samples = rows
        if s.trials == nil {
            s.trials = Sensitivity.defaultTrials
            note("note: no trials given; using T = \(Sensitivity.defaultTrials) trials per point")
        }
        return try SweepSpecOptions.plan(s, threads: runOptions.threads, quiet: runOptions.quiet)
    }

    func describe(_ p: SweepPlan, _ part: Shard) -> String {
        let k = p.parameterPaths.count, g = p.factors.count
        let n = p.points.count / (g + 2)
        let inputs = g == k ? "k = \(k) parameters" : "\(g) inputs: \(p.spec.groups.count) groups and \(g - p.spec.groups.count) ungrouped of k = \(k) parameters"
        var line = "Saltelli design: N = \(n) base rows × (\(inputs) + 2) = \(p.points.count) points × \(p.trials) trials"
            + " (\(p.points.count * p.trials) trials in all)" + (p.spec.tailOutputs ? ", tail outputs" : "")
            + ", base \(p.base.source), spec hash \(p.hash)"
        if part.count > 1 { line += "; shard \(part) runs \(p.points(in: part).count) points" }
        return line
    }

    func note(_ text: String) {
        guard !runOptions.quiet else { return }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    // MARK: Summary

    /// The last year's indices of each headline metric, most influential parameter first, with
    /// the share of inner Monte-Carlo noise in the output variance.
    static func rankedTables(_ analysis: SensitivityAnalysis) -> String {
        let headline = [("national_risk", "national risk"), ("human_risk", "human risk"),
                        ("economic_loss_usd_bn", "economic loss")]
        let year = analysis.years.last.map(String.init) ?? ""
        var text = "Sobol' indices of the \(year) means (N = \(analysis.baseRows); 95% bootstrap intervals)\n"
        for (metric, label) in headline {
            guard let series = analysis.series(metric: metric) else { continue }
            var table = TextTable(header: ["rank", "parameter", "S1", "S1 95% CI", "ST", "ST 95% CI"])
            for (r, e) in analysis.ranked(metric: metric).enumerated() {
                table.append(["\(r + 1)", e.parameter,
                              TextTable.format(e.firstOrder.value, digits: 3), interval(e.firstOrder),
                              TextTable.format(e.total.value, digits: 3), interval(e.total)])
            }
            let sumS1 = series.indices.firstOrder.reduce(0) { $0 + $1.value }
            text += "\n\(label) (\(metric)), \(year): ΣS1 = \(TextTable.format(sumS1, digits: 3))"
                + "; inner-noise share of the variance \(percent(series.noiseShare))"
                + (series.noiseShare > 0.05 ? " — high: raise --trials (an inert parameter reads ST ≈ this share)" : "")
                + "\n" + table.rendered
        }
        return text
    }

    static func interval(_ e: SobolIndices.Estimate) -> String {
        "[\(TextTable.format(e.low, digits: 3)), \(TextTable.format(e.high, digits: 3))]"
    }

    static func percent(_ x: Double) -> String {
        x.isNaN ? "n/a" : String(format: x < 0.01 ? "%.2g%%" : "%.1f%%", 100 * x)
    }
}
