import CyberRisk
import CyberRiskSweep
import Foundation
import Synchronization

/// Runs the points of a sweep plan (a `sweep` or a `sensitivity`) into an output folder: opens or
/// resumes the journal, runs the missing points of the shard on one pool, commits each finished
/// point, and on SIGINT/SIGTERM keeps the finished points and says how to resume. Then writes the
/// folder's CSV files and its manifest, last (``SweepFolder``).
struct SweepSession {
    var out: String
    var resume: Bool
    var force: Bool
    var keepPoints: Bool
    var quiet: Bool
    var progress: ProgressBar.Mode
    var threads: String?

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
        let preparation = try SweepFolderPreparation(folder: out, resume: resume, force: force)
        OutputFolderPolicy(out: out, quiet: quiet).note(preparation)
        let folder = try SweepFolder(directory: directory, plan: plan, shard: part, resume: resume)
        if folder.droppedBytes > 0 && !quiet {
            FileHandle.standardError.write(Data("note: \(folder.journalPath): dropped \(folder.droppedBytes) bytes of an incomplete last record (the point will run again)\n".utf8))
        }
        let records = Mutex(folder.resumed)
        let doneIndices = Set(folder.resumed.map(\.point.index))
        let todo = plan.points(in: part).filter { !doneIndices.contains($0.index) }
        let total = plan.points(in: part).count

        let runner = SweepRunner(plan: plan)
        let signals = SignalWatcher()
        let bar = ProgressBar(total: runner.trials(of: todo), mode: progress, quiet: quiet)
        let start = Date()
        let keep = keepPoints
        do {
            try runner.run(points: todo, threads: workers, progress: { bar.advance(by: $0) },
                           isCancelled: { signals.isStopRequested }) { record, accumulator in
                if keep { try folder.writePoint(record, accumulator: accumulator, scenario: plan.scenario(at: record.point.index)) }
                try folder.journal.append(record)
                records.withLock { $0.append(record) }
            }
        } catch SimulationError.cancelled {
            bar.finish()
            let saved = records.withLock { $0.count }
            throw signals.interruption("\(saved) of \(total) points are saved in \(folder.journalPath); "
                                       + "continue with the same command and --resume")
        }
        bar.finish()
        let end = Date()
        let finished = try folder.finish(records: records.withLock { $0 }, pointsRun: todo.count, threads: workers,
                                         startTime: start, endTime: end, keptPoints: keepPoints)
        return Outcome(header: finished.header, records: finished.records, pointsRun: todo.count,
                       seconds: end.timeIntervalSince(start), sensitivity: finished.sensitivity)
    }
}

extension SweepFolderError {
    /// The message, with what to do about the problem in the command line's terms.
    var usageMessage: String {
        switch self {
        case .notEmpty:
            "--out \(description); choose an empty or new folder"
        case let .holdsSweep(_, _, resumable):
            "--out \(description); \(resumable ? "add --resume to continue it with the same spec, " : "")"
                + "choose another folder, or add --force to delete it and start over"
        case .holdsForecast, .holdsResults:
            "--out \(description); a sweep needs a folder of its own: "
                + "choose another --out (--force does not replace one kind of results with the other)"
        case .resumeAndForce:
            "give --resume (continue the sweep in --out) or --force (start it over), not both"
        case .otherToolVersion:
            "\(description) — start a new sweep"
        case .otherPlan:
            "\(description); resume with the original spec, or start a new sweep in another folder"
        case let .missingJournal(path, folder):
            "\(path): cannot read (missing or unreadable; is \(folder) a sweep shard folder?)"
        case let .unfinishedShard(path):
            "\(path): ends in an incomplete record (the shard did not finish; re-run it with --resume)"
        case let .tables(_, error) where error.isUnfinished:
            "\(description) (finish the run with --resume)"
        case let .merge(error) where error.isUnfinished:
            "\(description) (finish it with `sweep --resume`)"
        case .journal, .tables, .otherShard, .pointMismatch, .merge:
            description
        }
    }
}
