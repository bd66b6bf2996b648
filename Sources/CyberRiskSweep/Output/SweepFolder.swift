import CyberRisk
import Foundation

/// A sweep's (or sensitivity analysis's) output folder, held under the folder's lock while it is
/// written: the journal `sweep.journal` (``SweepJournal``, the crash-safe record of the finished
/// points), and once the sweep is finished its CSV files (``File``), with `--keep-points` one
/// forecast folder per point under `points/NNNNNN/`, and `manifest.json`, written last.
///
/// Opening checks the folder before any point runs: a new sweep needs an empty folder; a folder
/// that holds a journal is continued only when resuming, and only with the journal's own tool
/// version, plan (spec and base config) and shard, every recorded point matching the plan's.
///
/// ```swift
/// let folder = try SweepFolder(directory: OutputDirectory(path: "sweep"), plan: plan, shard: .whole, resume: false)
/// try SweepRunner(plan: plan).run(points: plan.points, threads: 2) { record, _ in try folder.journal.append(record) }
/// ```
public final class SweepFolder: Sendable {
    /// The CSV files of a finished sweep folder, in the order they are written.
    public enum File: String, CaseIterable, Sendable {
        case sweep = "sweep.csv"
        case points = "points.csv"
        /// Tornado designs only (``TornadoAnalysis``).
        case tornado = "tornado.csv"
        /// Saltelli designs only (``SensitivityAnalysis``).
        case sensitivity = "sensitivity.csv"
        case sensitivityNoise = "sensitivity_noise.csv"
    }

    /// The name of the manifest, written last.
    public static let manifestName = "manifest.json"
    /// The folder of `--keep-points`' forecast folders.
    public static let pointsFolderName = "points"

    /// What a finished (or merged) sweep folder holds.
    public struct Finished: Sendable {
        public var header: SweepJournal.Header
        /// The shard's records (all of them when unsharded or merged), by point index.
        public var records: [SweepRecord]
        /// The file names written besides the journal and the manifest (none for a shard).
        public var files: [String]
        /// The indices of a finished Saltelli design.
        public var sensitivity: SensitivityAnalysis?
    }

    public let directory: OutputDirectory
    public let header: SweepJournal.Header
    /// The journal, open for appending the points still to run.
    public let journal: SweepJournalWriter
    /// The records already in the journal (resumed), in file order.
    public let resumed: [SweepRecord]
    /// Bytes of an incomplete last record dropped on resuming (that point runs again).
    public let droppedBytes: Int

    /// `DIR/sweep.journal`.
    public var journalPath: String { directory.file(SweepJournal.fileName) }

    /// Opens `directory` for running shard `shard` of `plan`: starts a new journal in an empty
    /// folder, or — when `resume` is set — continues the folder's journal after checking it
    /// against the plan (and cuts a torn last record away).
    ///
    /// - Throws: ``SweepFolderError`` for a folder that cannot be used; ``OutputError`` when the
    ///   journal cannot be written.
    public init(directory: OutputDirectory, plan: SweepPlan, shard: Shard, resume: Bool) throws {
        self.directory = directory
        let header = SweepJournal.Header(plan: plan, shard: shard)
        self.header = header
        let path = directory.file(SweepJournal.fileName)
        let visible = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
        guard visible.contains(SweepJournal.fileName) else {
            guard visible.isEmpty else { throw SweepFolderError.notEmpty(folder: directory.path, files: visible) }
            journal = try SweepJournalWriter(path: path, header: header)
            resumed = []
            droppedBytes = 0
            return
        }
        guard resume else {
            throw SweepFolderError.holdsSweep(folder: directory.path, finished: visible.contains(SweepFolder.manifestName),
                                              resumable: true)
        }
        let contents = try SweepFolder.readJournal(path, missing: SweepFolderError.journal(path: path, reason: "cannot read"))
        let h = contents.header
        guard h.toolVersion == header.toolVersion else {
            throw SweepFolderError.otherToolVersion(path: path, journal: h.toolVersion, tool: header.toolVersion)
        }
        guard h.planHash == header.planHash else {
            throw SweepFolderError.otherPlan(path: path, journalHash: h.planHash, planHash: header.planHash)
        }
        guard h.shard == header.shard else { throw SweepFolderError.otherShard(path: path, journal: h.shard, expected: header.shard) }
        for r in contents.records where r.point != plan.points[r.point.index] {
            throw SweepFolderError.pointMismatch(path: path, point: r.point.index)
        }
        journal = try SweepJournalWriter(path: path, header: header, resumeAt: contents.validLength)
        resumed = contents.records
        droppedBytes = contents.tornBytes
    }

    /// Writes the full forecast folder of a finished point (`--keep-points`) to `points/NNNNNN/`.
    public func writePoint(_ record: SweepRecord, accumulator: ForecastAccumulator, scenario: Scenario) throws {
        let now = Date()
        let point = ForecastFolder(scenario: scenario, accumulator: accumulator, threads: 0,
                                   startTime: now.addingTimeInterval(-record.seconds), endTime: now)
        let name = SweepFolder.pointsFolderName + "/" + String(format: "%06d", record.point.index)
        try point.write(to: OutputDirectory(path: directory.file(name)))
    }

    /// Finishes the folder once the shard's points are recorded: for an unsharded sweep its CSV
    /// files (from the journal's records alone, so a resumed sweep gives the same bytes), then
    /// the manifest.
    ///
    /// - Parameters:
    ///   - pointsRun: the points this process computed (the others were resumed).
    ///   - threads: the worker threads (also for the sensitivity bootstrap).
    ///   - keptPoints: whether `points/` holds the points' forecast folders.
    /// - Throws: ``SweepFolderError/tables(path:_:)`` when a Saltelli design's indices cannot be
    ///   estimated (an incomplete design); ``OutputError`` when a write fails.
    public func finish(records: [SweepRecord], pointsRun: Int, threads: Int, startTime: Date, endTime: Date,
                       keptPoints: Bool) throws -> Finished {
        var files: [(name: String, bytes: [UInt8])] = []
        var sensitivity: SensitivityAnalysis?
        if header.shard.count == 1 {
            do {
                (files, sensitivity) = try SweepFolder.files(header: header, records: records, threads: threads)
            } catch {
                throw SweepFolderError.tables(path: journalPath, error)
            }
        }
        let manifest = SweepManifest(header: header, records: records, pointsRun: pointsRun, threads: threads,
                                     startTime: startTime, endTime: endTime,
                                     files: files.map(\.name) + [SweepJournal.fileName]
                                         + (keptPoints ? [SweepFolder.pointsFolderName + "/"] : []))
        try directory.writeAll(files + [(SweepFolder.manifestName, Array(manifest.json().utf8))])
        return Finished(header: header, records: records, files: files.map(\.name), sensitivity: sensitivity)
    }

    /// The whole sweep merged from the folders of its shards (`sweep --shard I/N`, in any
    /// order), ready to be written: its CSV files, journal and manifest are byte for byte those of
    /// the unsharded sweep.
    public struct Merged: Sendable {
        /// The merged sweep's header, records and analysis.
        public let finished: Finished
        let files: [(name: String, bytes: [UInt8])]

        /// Writes the CSV files, the journal and, last, the manifest into `directory`.
        public func write(to directory: OutputDirectory) throws {
            try directory.writeAll(files)
        }
    }

    /// Reads and merges the shards' journals (writing nothing).
    ///
    /// - Throws: ``SweepFolderError`` for a folder without a journal, an unfinished shard, a
    ///   journal that does not read, or shards that do not make one sweep.
    public static func merge(shards folders: [String], threads: Int, startTime: Date = Date()) throws(SweepFolderError) -> Merged {
        var journals: [(name: String, contents: SweepJournal.Contents)] = []
        for folder in folders {
            let path = folder + "/" + SweepJournal.fileName
            let contents = try readJournal(path, missing: SweepFolderError.missingJournal(path: path, folder: folder))
            guard contents.tornBytes == 0 else { throw SweepFolderError.unfinishedShard(path: path) }
            journals.append((path, contents))
        }
        let merged: (header: SweepJournal.Header, records: [SweepRecord])
        do {
            merged = try SweepMerge.merge(journals)
        } catch {
            throw SweepFolderError.merge(error)
        }
        var journal = SweepJournal.start(merged.header)
        for r in merged.records { journal += SweepJournal.frame(r) }
        let output: (files: [(name: String, bytes: [UInt8])], sensitivity: SensitivityAnalysis?)
        do {
            output = try files(header: merged.header, records: merged.records, threads: threads)
        } catch {
            throw SweepFolderError.merge(error)
        }
        let names = output.files.map(\.name)
        let manifest = SweepManifest(header: merged.header, records: merged.records, pointsRun: 0, threads: 0,
                                     startTime: startTime, endTime: Date(), mergedFrom: folders,
                                     files: names + [SweepJournal.fileName])
        return Merged(finished: Finished(header: merged.header, records: merged.records, files: names,
                                         sensitivity: output.sensitivity),
                      files: output.files + [(SweepJournal.fileName, journal), (manifestName, Array(manifest.json().utf8))])
    }

    /// Every CSV file of a finished (unsharded or merged) sweep, by name — `sweep.csv` and
    /// `points.csv` (``SweepTables``), and for a Saltelli design `sensitivity.csv` and
    /// `sensitivity_noise.csv` with the analysis behind them, for a tornado design `tornado.csv`.
    ///
    /// - Throws: ``SweepJournalError`` if a Saltelli or tornado design is incomplete.
    static func files(header: SweepJournal.Header, records: [SweepRecord], threads: Int) throws(SweepJournalError)
        -> (files: [(name: String, bytes: [UInt8])], sensitivity: SensitivityAnalysis?) {
        let tables = SweepTables(header: header, records: records)
        var files = [(File.sweep.rawValue, Array(tables.sweepCSV.utf8)), (File.points.rawValue, Array(tables.pointsCSV.utf8))]
        if header.design == SweepDesign.tornado.rawValue {
            files.append((File.tornado.rawValue, Array(try TornadoAnalysis(header: header, records: tables.records).csv.utf8)))
        }
        guard header.design == SweepDesign.saltelli.rawValue else { return (files, nil) }
        let analysis = try SensitivityAnalysis(header: header, records: tables.records, threads: threads)
        files.append((File.sensitivity.rawValue, Array(analysis.csv.utf8)))
        files.append((File.sensitivityNoise.rawValue, Array(analysis.noiseCSV.utf8)))
        return (files, analysis)
    }

    /// The contents of the journal at `path`; `missing` when it cannot be read.
    static func readJournal(_ path: String, missing: SweepFolderError) throws(SweepFolderError) -> SweepJournal.Contents {
        guard let data = FileManager.default.contents(atPath: path) else { throw missing }
        do {
            return try SweepJournal.read(Array(data))
        } catch {
            throw SweepFolderError.journal(path: path, reason: error.description)
        }
    }
}
