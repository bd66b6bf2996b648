import CyberRisk
import CyberRiskSweep
import Foundation
import Synchronization

/// Runs the points of a sweep plan (a `sweep` or a `sensitivity`) into an output folder: opens or
/// resumes the journal, runs the missing points of the shard on one pool, commits each finished
/// point, and on SIGINT/SIGTERM keeps the finished points and says how to resume. Then writes the
/// folder's CSV files (``SweepTables/files(threads:)``) and its manifest, last.
struct SweepSession {
    var out: String
    var resume: Bool
    var keepPoints: Bool
    var quiet: Bool
    var progress: ProgressBar.Mode
    var threads: Int?

    /// What a finished session did.
    struct Outcome {
        var header: SweepJournal.Header
        /// Every recorded point of the shard (resumed and new).
        var records: [SweepRecord]
        var pointsRun: Int
        var seconds: Double
        /// The indices of a finished, unsharded Saltelli design.
        var sensitivity: SensitivityAnalysis?
    }

    func run(_ plan: SweepPlan, shard part: Shard) throws -> Outcome {
        let workers = try threadCount(forOption: threads)
        let directory = try OutputDirectory.forOption(out)
        let header = SweepJournal.Header(plan: plan, shard: part)
        let journalPath = directory.file(SweepJournal.fileName)
        let (writer, resumed) = try openJournal(at: journalPath, header: header, plan: plan, in: directory)
        let records = Mutex(resumed)
        let doneIndices = Set(resumed.map(\.point.index))
        let todo = plan.points(in: part).filter { !doneIndices.contains($0.index) }
        let total = plan.points(in: part).count

        let runner = SweepRunner(plan: plan)
        let signals = SignalWatcher()
        let bar = ProgressBar(total: runner.trials(of: todo), mode: progress, quiet: quiet)
        let start = Date()
        let keep = keepPoints
        let folder = out
        do {
            try runner.run(points: todo, threads: workers, progress: { bar.advance(by: $0) },
                           isCancelled: { signals.isStopRequested }) { record, accumulator in
                if keep { try SweepSession.writePoint(record, accumulator, plan: plan, into: folder) }
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
        var files: [(name: String, bytes: [UInt8])] = []
        var sensitivity: SensitivityAnalysis?
        if part.count == 1 {
            do {
                (files, sensitivity) = try SweepTables(header: header, records: all).files(threads: workers)
            } catch {
                throw CLIError.usage("\(journalPath): \(error.description)")
            }
        }
        let manifest = SweepManifest(header: header, records: all, pointsRun: todo.count, threads: workers,
                                     startTime: start, endTime: end,
                                     files: files.map(\.name) + [SweepJournal.fileName] + (keepPoints ? ["points/"] : []))
        try directory.writeAll(files + [("manifest.json", Array(manifest.json().utf8))])
        return Outcome(header: header, records: all, pointsRun: todo.count, seconds: end.timeIntervalSince(start),
                       sensitivity: sensitivity)
    }

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

    /// Writes one point's full forecast output to `OUT/points/NNNNNN/` (`--keep-points`).
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
}
