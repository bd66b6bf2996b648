import Foundation
import Synchronization
import Testing
@testable import CyberRisk
@testable import CyberRiskSweep

/// The sweep output folder as a library type, without the binary: a new folder, the checks
/// before resuming, a torn last record, the finished tables, and the merge of shard folders.
@Suite struct SweepFolderTests {
    static func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("cyberrisk-sweep-\(UUID().uuidString)").path
    }

    /// A 3-point grid of the embedded baseline, 300 trials per point (or `trials`).
    static func plan(trials: Int = 300, design: SweepDesign = .grid) throws -> SweepPlan {
        var spec = SweepSpec()
        spec.design = design
        if design == .grid {
            spec.parameters = try SweepSpec.parameters(parsing: ["scenario.defense.vulnerability_decline=0,0.04,0.08"], source: "test")
        } else {
            spec.samples = 2
            spec.parameters = try SweepSpec.parameters(parsing: ["scenario.defense.vulnerability_decline={range: [0, 0.08]}",
                                                                 "scenario.iot.devices_bn.rate={range: [0.1, 0.3]}"], source: "test")
        }
        spec.trials = trials
        spec.seed = 3
        return try SweepPlan(spec: spec, threads: 2)
    }

    /// Runs `shard` of `plan` into `path` (all of its points, or the first `limit`) and finishes it.
    @discardableResult
    static func run(_ plan: SweepPlan, into path: String, shard: Shard = .whole, resume: Bool = false,
                    limit: Int? = nil, finish: Bool = true) throws -> SweepFolder.Finished? {
        let folder = try SweepFolder(directory: OutputDirectory(path: path), plan: plan, shard: shard, resume: resume)
        let done = Set(folder.resumed.map(\.point.index))
        var todo = plan.points(in: shard).filter { !done.contains($0.index) }
        if let limit { todo = Array(todo.prefix(limit)) }
        let records = Mutex(folder.resumed)
        try SweepRunner(plan: plan).run(points: todo, threads: 2) { record, _ in
            try folder.journal.append(record)
            records.withLock { $0.append(record) }
        }
        guard finish else { return nil }
        return try folder.finish(records: records.withLock { $0 }, pointsRun: todo.count, threads: 2,
                                 startTime: Date(), endTime: Date(), keptPoints: false)
    }

    static func contents(_ path: String, _ name: String) -> Data? {
        FileManager.default.contents(atPath: path + "/" + name)
    }

    func refusal(_ body: () throws -> Void) -> SweepFolderError? {
        do {
            try body()
        } catch let error as SweepFolderError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
        }
        return nil
    }

    @Test func aFinishedFolderIsRefusedWithoutResumeAndResumesToTheSameBytes() throws {
        let plan = try Self.plan()
        let path = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let finished = try #require(try Self.run(plan, into: path))
        #expect(finished.files == ["sweep.csv", "points.csv"] && finished.records.count == 3 && finished.sensitivity == nil)
        let csv = try #require(Self.contents(path, "sweep.csv"))
        #expect(Self.contents(path, "manifest.json") != nil)
        #expect(refusal { _ = try SweepFolder(directory: OutputDirectory(path: path), plan: plan, shard: .whole, resume: false) }
                == .holdsSweep(folder: path, finished: true, resumable: true))
        try Self.run(plan, into: path, resume: true)
        #expect(Self.contents(path, "sweep.csv") == csv)
    }

    @Test func resumingChecksThePlanAndTheShard() throws {
        let plan = try Self.plan()
        let path = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.run(plan, into: path, limit: 1, finish: false)
        let other = try Self.plan(trials: 301)
        guard case .otherPlan(let journalPath, let was, let now)? = refusal({
            _ = try SweepFolder(directory: OutputDirectory(path: path), plan: other, shard: .whole, resume: true)
        }) else { Issue.record("expected otherPlan"); return }
        #expect(journalPath == path + "/sweep.journal" && was == plan.hash && now == other.hash)
        #expect(refusal { _ = try SweepFolder(directory: OutputDirectory(path: path), plan: plan, shard: Shard(index: 0, count: 2)!, resume: true) }
                == .otherShard(path: path + "/sweep.journal", journal: .whole, expected: Shard(index: 0, count: 2)!))
        #expect(refusal { _ = try SweepFolder(directory: OutputDirectory(path: path), plan: plan, shard: .whole, resume: false) }
                == .holdsSweep(folder: path, finished: false, resumable: true))
    }

    @Test func aFolderWithOtherFilesIsNotASweepFolder() throws {
        let path = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for name in ["e", "d", "c", "b", "a"] { try Data().write(to: URL(fileURLWithPath: path + "/" + name)) }
        let error = refusal { _ = try SweepFolder(directory: OutputDirectory(path: path), plan: Self.plan(), shard: .whole, resume: false) }
        #expect(error == .notEmpty(folder: path, files: ["a", "b", "c", "d", "e"]))
        #expect(error?.description == "\(path) is not empty (it holds a, b, c, d, …) and is not a sweep folder")
    }

    @Test func aTornLastRecordIsDroppedAndItsPointRunsAgain() throws {
        let plan = try Self.plan()
        let path = Self.temporaryFolder(), clean = Self.temporaryFolder()
        defer { for p in [path, clean] { try? FileManager.default.removeItem(atPath: p) } }
        try Self.run(plan, into: clean)
        try Self.run(plan, into: path, limit: 2, finish: false)
        let journal = URL(fileURLWithPath: path + "/sweep.journal")
        let bytes = try Data(contentsOf: journal)
        try bytes.dropLast(9).write(to: journal)
        do {
            let folder = try SweepFolder(directory: OutputDirectory(path: path), plan: plan, shard: .whole, resume: true)
            #expect(folder.resumed.count == 1 && folder.droppedBytes > 0)
        }
        try Self.run(plan, into: path, resume: true)
        #expect(Self.contents(path, "sweep.csv") == Self.contents(clean, "sweep.csv"))
    }

    @Test func shardFoldersMergeToTheUnshardedFolder() throws {
        let plan = try Self.plan()
        let whole = Self.temporaryFolder(), a = Self.temporaryFolder(), b = Self.temporaryFolder(), out = Self.temporaryFolder()
        defer { for p in [whole, a, b, out] { try? FileManager.default.removeItem(atPath: p) } }
        try Self.run(plan, into: whole)
        try Self.run(plan, into: a, shard: Shard(index: 0, count: 2)!)
        #expect(Self.contents(a, "sweep.csv") == nil)   // a shard writes only its journal and manifest
        #expect(refusal { _ = try SweepFolder.merge(shards: [a], threads: 1) }
                == .merge(SweepJournalError("missing shard 1/2")))
        try Self.run(plan, into: b, shard: Shard(index: 1, count: 2)!, limit: 0)
        guard case .merge(let incomplete)? = refusal({ _ = try SweepFolder.merge(shards: [a, b], threads: 1) }) else {
            Issue.record("expected an incomplete shard"); return
        }
        #expect(incomplete.isUnfinished && incomplete.reason.contains("is incomplete: 0 of 1 points recorded"))
        try Self.run(plan, into: b, shard: Shard(index: 1, count: 2)!, resume: true)
        let merged = try SweepFolder.merge(shards: [b, a], threads: 2)
        try merged.write(to: OutputDirectory(path: out))
        #expect(merged.finished.records.map(\.point.index) == [0, 1, 2])
        for name in ["sweep.csv", "points.csv"] {
            #expect(Self.contents(out, name) == Self.contents(whole, name), "\(name)")
        }
        #expect(refusal { _ = try SweepFolder.merge(shards: [a, out + "/nothing"], threads: 1) }
                == .missingJournal(path: out + "/nothing/sweep.journal", folder: out + "/nothing"))
    }

    @Test func aSaltelliFolderAlsoHoldsTheSensitivityIndices() throws {
        let plan = try Self.plan(trials: 200, design: .saltelli)
        let path = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let finished = try #require(try Self.run(plan, into: path))
        #expect(finished.files == ["sweep.csv", "points.csv", "sensitivity.csv", "sensitivity_noise.csv"])
        let analysis = try #require(finished.sensitivity)
        #expect(analysis.baseRows == 2 && analysis.parameters.count == 2)
        #expect(Self.contents(path, "sensitivity.csv") == Data(analysis.csv.utf8))
    }
}
