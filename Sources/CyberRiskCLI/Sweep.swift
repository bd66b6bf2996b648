import ArgumentParser
import CyberRisk
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

    @Argument(help: "Sweep spec file (YAML or JSON).")
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

    @Option(help: "Design: grid, lhs or sobol (overrides the spec).")
    var design: String?

    @Option(help: "Points of an lhs or sobol design (overrides the spec).")
    var samples: Int?

    @Option(help: "Trials per point (overrides the spec and the base).")
    var trials: Int?

    @Option(help: "Design seed; point seeds derive from it (overrides the spec).")
    var seed: UInt64?

    @Flag(help: "Scramble a sobol design (overrides the spec).")
    var scramble = false

    @Option(help: "Output folder.")
    var out: String = "sweep"

    @Flag(help: "Continue the sweep in --out where it stopped (refused if the spec changed).")
    var resume = false

    @Flag(help: "Print the design's points as CSV and exit without running them.")
    var plan = false

    @Option(help: ArgumentHelp("Run only points with index ≡ I (mod N), e.g. $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT.",
                               valueName: "I/N"))
    var shard: String?

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    @Flag(help: "Also write each point's full forecast output to OUT/points/NNNNNN/.")
    var keepPoints = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Option(help: "Progress bar on stderr: auto (only on a terminal), always, never.")
    var progress: ProgressBar.Mode = .auto

    func run() throws {
        let sweepPlan = try makePlan()
        let part = try Shard.forOption(shard)
        if plan {
            printPlan(sweepPlan, part)
            return
        }
        let workers = try threadCount(forOption: threads)
        let directory = try OutputDirectory.forOption(out)
        let header = SweepJournal.Header(plan: sweepPlan, shard: part)
        let journalPath = directory.file(SweepJournal.fileName)
        let (writer, resumed) = try openJournal(at: journalPath, header: header, plan: sweepPlan, in: directory)
        let records = Mutex(resumed)
        let doneIndices = Set(resumed.map(\.point.index))
        let todo = sweepPlan.points(in: part).filter { !doneIndices.contains($0.index) }
        let total = sweepPlan.points(in: part).count

        let runner = SweepRunner(plan: sweepPlan)
        let signals = SignalWatcher()
        let bar = ProgressBar(total: runner.trials(of: todo), mode: progress, quiet: quiet)
        let start = Date()
        let keep = keepPoints
        let folder = out
        do {
            try runner.run(points: todo, threads: workers, progress: { bar.advance(by: $0) },
                           isCancelled: { signals.isStopRequested }) { record, accumulator in
                if keep { try Sweep.writePoint(record, accumulator, plan: sweepPlan, into: folder) }
                try writer.append(record)
                records.withLock { $0.append(record) }
            }
        } catch SimulationError.cancelled {
            bar.finish()
            let saved = records.withLock { $0.count }
            throw signals.interruption("\(saved) of \(total) points are saved in \(journalPath); "
                                       + "continue with the same command and --resume")
        }
        bar.finish()
        let all = records.withLock { $0 }
        let end = Date()
        try writeOutputs(header: header, records: all, pointsRun: todo.count, threads: workers,
                         start: start, end: end, to: directory)
        guard !quiet else { return }
        print(summary(header: header, records: all, run: todo.count, seconds: end.timeIntervalSince(start)))
    }

    // MARK: Plan

    func makePlan() throws -> SweepPlan {
        var s: SweepSpec
        if let spec {
            guard let data = FileManager.default.contents(atPath: spec) else {
                throw CLIError.usage("\(spec): cannot read the sweep spec (missing or unreadable)")
            }
            s = try SweepSpec(parsing: Array(data), file: spec)
        } else {
            guard !vary.isEmpty else { throw CLIError.usage("sweep: give a spec file or at least one --vary path=values") }
            s = SweepSpec()
        }
        s.parameters += try SweepSpec.parameters(vary: vary)
        if base != nil && scenario != nil { throw CLIError.usage("give either --base or --scenario, not both") }
        if let base { s.base = .file(base) }
        if let scenario { s.base = .named(scenario) }
        s.overrides += overrides
        if let design {
            guard let d = SweepDesign(rawValue: design) else { throw CLIError.usage("--design: expected grid, lhs or sobol, found '\(design)'") }
            s.design = d
        }
        if let samples {
            guard samples >= 1 && samples <= SweepSpec.maximumPoints else {
                throw CLIError.usage("--samples: expected 1…\(SweepSpec.maximumPoints), found \(samples)")
            }
            s.samples = samples
        }
        if let trials {
            guard trials >= 1 else { throw CLIError.usage("--trials: expected a positive integer, found \(trials)") }
            s.trials = trials
        }
        if let seed { s.seed = seed }
        if scramble { s.scramble = true }
        do {
            return try SweepPlan(spec: s, threads: try threadCount(forOption: threads))
        } catch let e as ScenarioCatalogError {
            throw CLIError.usage("base scenario: " + e.description)
        }
    }

    func printPlan(_ p: SweepPlan, _ part: Shard) {
        let points = p.points(in: part)
        print(SweepTables.pointsCSV(parameterPaths: p.parameterPaths, points: points), terminator: "")
        if !quiet {
            var line = "\(p.spec.design) sweep: \(p.points.count) points × \(p.trials) trials, base \(p.base.source), spec hash \(p.hash)"
            if part.count > 1 { line += "; shard \(part) runs \(points.count) of them" }
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    // MARK: Journal

    /// Opens (or creates) the journal; returns the records already done.
    func openJournal(at path: String, header: SweepJournal.Header, plan: SweepPlan,
                     in directory: OutputDirectory) throws -> (SweepJournalWriter, [SweepRecord]) {
        let visible = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
        guard visible.contains(SweepJournal.fileName) else {
            guard visible.isEmpty else {
                throw CLIError.usage("--out \(out) is not empty (it holds \(visible.prefix(4).joined(separator: ", "))\(visible.count > 4 ? ", …" : "")) "
                                     + "and is not a sweep folder; choose an empty or new folder")
            }
            return (try SweepJournalWriter(path: path, header: header), [])
        }
        guard resume else {
            let state = visible.contains("manifest.json") ? "a finished sweep" : "an unfinished sweep"
            throw CLIError.usage("--out \(out) already holds \(state) (\(SweepJournal.fileName)); add --resume to continue it with the same spec, or choose another folder")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError.usage("\(path): cannot read")
        }
        let contents: SweepJournal.Contents
        do {
            contents = try SweepJournal.read(Array(data))
        } catch {
            throw CLIError.usage("\(path): \(error.description)")
        }
        let h = contents.header
        guard h.toolVersion == header.toolVersion else {
            throw CLIError.usage("\(path): written by cyberrisk \(h.toolVersion), this is \(header.toolVersion); results would differ — start a new sweep")
        }
        guard h.planHash == header.planHash else {
            throw CLIError.usage("\(path): the sweep spec or its base config changed since this sweep started (spec hash \(h.planHash), now \(header.planHash)); "
                                 + "resume with the original spec, or start a new sweep in another folder")
        }
        guard h.shard == header.shard else {
            throw CLIError.usage("\(path): this folder holds shard \(h.shard), not \(header.shard)")
        }
        for r in contents.records {
            let p = plan.points[r.point.index]
            guard r.point == p else {
                throw CLIError.usage("\(path): the record of point \(r.point.index) does not match the plan (values or seed differ)")
            }
        }
        if contents.tornBytes > 0 && !quiet {
            FileHandle.standardError.write(Data("note: \(path): dropped \(contents.tornBytes) bytes of an incomplete last record (the point will run again)\n".utf8))
        }
        let writer = try SweepJournalWriter(path: path, header: header, resumeAt: contents.validLength)
        return (writer, contents.records)
    }

    // MARK: Outputs

    func writeOutputs(header: SweepJournal.Header, records: [SweepRecord], pointsRun: Int, threads: Int,
                      start: Date, end: Date, to directory: OutputDirectory) throws {
        var files: [(name: String, bytes: [UInt8])] = []
        if header.shard.count == 1 {
            let tables = SweepTables(header: header, records: records)
            files = [("sweep.csv", Array(tables.sweepCSV.utf8)), ("points.csv", Array(tables.pointsCSV.utf8))]
        }
        let manifest = SweepManifest(header: header, records: records, pointsRun: pointsRun, threads: threads,
                                     startTime: start, endTime: end,
                                     files: files.map(\.name) + [SweepJournal.fileName] + (keepPoints ? ["points/"] : []))
        try directory.writeAll(files + [("manifest.json", Array(manifest.json().utf8))])
    }

    static func writePoint(_ record: SweepRecord, _ accumulator: ForecastAccumulator, plan: SweepPlan, into out: String) throws {
        let scenario = plan.scenario(at: record.point.index)
        let yaml = ScenarioEncoder.yaml(scenario)
        let hash = ScenarioEncoder.configHash(yaml: yaml)
        let blocks = 0..<((scenario.trials + TrialBlock.capacity - 1) / TrialBlock.capacity)
        let state = StateFile(toolVersion: ToolVersion.current, configHash: hash, resolvedConfig: yaml, seed: scenario.seed,
                              trials: scenario.trials, blockSize: TrialBlock.capacity, shard: .whole, blocks: blocks,
                              accumulator: accumulator)
        let now = Date()
        let manifest = Manifest(scenario: scenario.name, configHash: hash, resolvedConfig: yaml, seed: scenario.seed,
                                trials: scenario.trials, trialsRun: Int(accumulator.trials), years: scenario.calendarYears,
                                blockSize: TrialBlock.capacity, threads: 0, shard: .whole, blocks: blocks,
                                startTime: now.addingTimeInterval(-record.seconds), endTime: now)
        let folder = try OutputDirectory(path: out + "/points/" + String(format: "%06d", record.point.index))
        try ForecastOutput.write(scenario: scenario, state: state, manifest: manifest, to: folder)
    }

    func summary(header: SweepJournal.Header, records: [SweepRecord], run: Int, seconds: Double) -> String {
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

import Synchronization
