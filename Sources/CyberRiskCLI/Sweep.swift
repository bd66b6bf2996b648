import ArgumentParser
import CyberRisk
import CyberRiskSweep
import Foundation

/// `cyberrisk sweep`: a parameter sweep, crash-safe and resumable, shardable over Slurm.
struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a parameter sweep (grid, Latin hypercube or Sobol') and write one tidy sweep.csv.",
        discussion: """
            SPEC is a sweep file (docs/sweeps.md); or give the parameters with --vary. Each finished \
            point is committed to OUT/sweep.journal (fsync'd) before the next counts as done: after a \
            crash, kill -9 or pre-emption, re-run the same command with --resume. With --shard I/N \
            only points with index ≡ I (mod N) run; combine the shard folders with `cyberrisk merge`.
            """
    )

    @OptionGroup var specOptions: SweepSpecOptions

    @Option(name: .customLong("vary"), help: ArgumentHelp(
        "Vary a parameter: path=v1,v2,… (values, grid only) or path='{range: [lo, hi], steps: n}' or "
            + "path='{log_range: [1e5, 1e8], steps: 4}' (steps: grid only) (repeatable).",
        valueName: "path=values"))
    var vary: [String] = []

    @Option(help: "Design: grid, lhs or sobol (overrides the spec).")
    var design: String?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Points of an lhs or sobol design, 1…100000 (overrides the spec; a grid's points are its value combinations).",
                               valueName: "n"))
    var samples: String?

    @Flag(help: "Scramble the Sobol' points by the design seed (sobol design; overrides the spec).")
    var scramble = false

    @Option(help: ArgumentHelp("Output folder. See --resume and --force for a folder that already holds a sweep.",
                               valueName: "dir"))
    var out: String = "sweep"

    @Flag(help: "Print the design's points as CSV (point, one column per parameter, seed) and exit without running them.")
    var plan = false

    @OptionGroup var runOptions: SweepRunOptions

    @Flag(help: "Also write each point's full forecast output to OUT/points/NNNNNN/.")
    var keepPoints = false

    func run() throws {
        let sweepPlan = try makePlan()
        let part = try Shard.forOption(runOptions.shard)
        if plan {
            printPlan(sweepPlan, part)
            return
        }
        let session = runOptions.session(out: out, keepPoints: keepPoints)
        let outcome = try session.run(sweepPlan, shard: part)
        guard !runOptions.quiet else { return }
        print(summary(outcome))
    }

    // MARK: Plan

    func makePlan() throws -> SweepPlan {
        var s = try specOptions.sweepSpec(command: "sweep", .init(vary: vary, samples: samples, scramble: scramble))
        if let design {
            guard let d = SweepDesign(rawValue: design) else {
                throw CLIError.usage("--design: expected grid, lhs or sobol, found '\(design)'")
            }
            s.design = d
        }
        if s.design == .saltelli {
            throw CLIError.usage("design saltelli: run it with `cyberrisk sensitivity`, which also estimates the Sobol' indices")
        }
        if s.design == .tornado {
            throw CLIError.usage("design tornado: run it with `cyberrisk tornado`, which also writes tornado.csv")
        }
        return try SweepSpecOptions.plan(s, threads: runOptions.threads, quiet: runOptions.quiet)
    }

    func printPlan(_ p: SweepPlan, _ part: Shard) {
        let points = p.points(in: part)
        print(SweepTables.pointsCSV(parameterPaths: p.parameterPaths, points: points), terminator: "")
        if !runOptions.quiet {
            var line = "\(p.spec.design) sweep: \(p.points.count) points × \(p.trials) trials, base \(p.base.source), spec hash \(p.hash)"
            if part.count > 1 { line += "; shard \(part) runs \(points.count) of them" }
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    func summary(_ outcome: SweepSession.Outcome) -> String {
        let (header, records, run, seconds) = (outcome.header, outcome.records, outcome.pointsRun, outcome.seconds)
        var text = "\(header.design) sweep of \(header.baseScenario): \(records.count) of \(header.totalPoints) points"
        if header.shard.count > 1 { text += " (shard \(header.shard))" }
        text += String(format: ", %d run now in %.1f s, %d resumed; %d trials per point\n", run, seconds, records.count - run, header.trials)
        if header.shard.count == 1 && records.count <= 40 {
            text += Sweep.lastYearTable(header: header, records: records) + "\n"
            text += "wrote \(out)/sweep.csv, points.csv, manifest.json (journal: \(SweepJournal.fileName))"
        } else if header.shard.count == 1 {
            text += "wrote \(out)/sweep.csv, points.csv, manifest.json (journal: \(SweepJournal.fileName))"
        } else {
            text += "wrote \(out)/\(SweepJournal.fileName) and manifest.json; combine all shards with `cyberrisk merge SHARD_DIRS… --out DIR`"
        }
        return text
    }

    /// Last-year means of the headline metrics per point, with the parameters by their last key.
    static func lastYearTable(header: SweepJournal.Header, records: [SweepRecord]) -> String {
        let names = header.parameterPaths.map { $0.split(separator: ".").suffix(2).joined(separator: ".") }
        let headline = ["national_risk", "human_risk", "economic_loss_usd_bn"]
        let year = records.first?.years.last.map(String.init) ?? ""
        var table = TextTable(header: ["point"] + names + ["national " + year, "human", "loss $bn"])
        for r in records.sorted(by: { $0.point.index < $1.point.index }) {
            let t = r.years.count - 1
            let cells = headline.map { m -> String in
                guard let k = r.metrics.firstIndex(of: m) else { return "-" }
                return TextTable.format(r.rows[t * r.metrics.count + k].mean)
            }
            table.append(["\(r.point.index)"] + r.point.values.map { TextTable.format($0) } + cells)
        }
        return "last-year means per point\n" + table.rendered
    }
}

