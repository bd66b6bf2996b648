import Foundation
import Testing
@testable import CyberRisk

/// The forecast output folder as a library type, without the binary: what `run`, `merge` and a
/// sweep's `--keep-points` write, and how `merge` reads shards back.
@Suite struct ForecastFolderTests {
    /// A fresh folder under the temporary directory.
    static func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("cyberrisk-folder-\(UUID().uuidString)").path
    }

    static func read(_ folder: String, _ file: ForecastFolder.File) throws -> [UInt8] {
        try #require(FileManager.default.contents(atPath: folder + "/" + file.rawValue)).map { $0 }
    }

    /// The embedded baseline at 2,500 trials (3 blocks), shard `shard`, written to a new folder.
    static func run(shard: Shard = .whole, threads: Int = 2) throws -> (folder: String, value: ForecastFolder) {
        let scenario = try ScenarioCatalog.resolve(path: nil, overrides: ["trials=2500", "seed=5"]).scenario
        let start = Date()
        let accumulator = try Forecast(plan: SimulationPlan(scenario: scenario)).run(threads: threads, shard: shard)
        let value = ForecastFolder(scenario: scenario, shard: shard, accumulator: accumulator, threads: threads,
                                   startTime: start, endTime: Date())
        let folder = temporaryFolder()
        try value.write(to: OutputDirectory(path: folder))
        return (folder, value)
    }

    @Test func writesEveryFileFromTheStateAndTheStateReadsBack() throws {
        let (folder, value) = try Self.run()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let visible = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.sorted()
        #expect(visible == value.fileNames.sorted())
        #expect(value.fileNames.last == "manifest.json")
        let tables = value.tables
        #expect(try Self.read(folder, .summary) == Array(tables.summaryCSV.utf8))
        #expect(try Self.read(folder, .sectors) == Array(tables.sectorsCSV.utf8))
        #expect(try Self.read(folder, .exceedance) == Array(tables.exceedanceCSV.utf8))
        let tail = try #require(value.tail)
        #expect(try Self.read(folder, .returnPeriods) == Array(tail.returnPeriodsCSV.utf8))
        #expect(try Self.read(folder, .horizon) == Array(tail.horizonCSV.utf8))
        #expect(try Self.read(folder, .sectorReturnPeriods) == Array(tail.sectorReturnPeriodsCSV.utf8))
        #expect(try Self.read(folder, .eventClasses) == Array(tail.eventClassesCSV.utf8))
        let state = try StateFile(decoding: Self.read(folder, .state))
        #expect(state == value.state)
        #expect(state.trials == 2500 && state.seed == 5 && state.blocks == 0..<3 && state.shard == .whole)
        #expect(state.configHash == ScenarioEncoder.configHash(value.scenario))
        #expect(value.manifest.trialsRun == 2500 && value.manifest.threads == 2 && value.manifest.mergedFrom.isEmpty)
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(Self.read(folder, .manifest))) as? [String: Any])
        #expect(manifest["files"] as? [String] == ["summary.csv", "sectors.csv", "exceedance.csv", "return_periods.csv",
                                                   "horizon.csv", "sector_return_periods.csv", "event_classes.csv", "state.bin"])
        #expect(manifest["config_hash"] as? String == state.configHash)
    }

    /// A forecast without per-event accounting (a sweep point's) has no tail files, and its
    /// manifest does not list them.
    @Test func withoutEventAccountingThereAreNoTailFiles() throws {
        let scenario = try ScenarioCatalog.resolve(path: nil, overrides: ["trials=1024", "seed=5"]).scenario
        let accumulator = try Forecast(plan: SimulationPlan(scenario: scenario)).run(threads: 1, eventAccounting: false)
        let value = ForecastFolder(scenario: scenario, accumulator: accumulator, threads: 1, startTime: Date(), endTime: Date())
        #expect(value.tail == nil)
        #expect(value.fileNames == ["summary.csv", "sectors.csv", "exceedance.csv", "state.bin", "manifest.json"])
        #expect(value.manifest.files == ["summary.csv", "sectors.csv", "exceedance.csv", "state.bin"])
    }

    @Test func shardsMergeToTheWholeForecastsBytes() throws {
        let whole = try Self.run(threads: 1)
        let parts = try [Self.run(shard: Shard(index: 1, count: 2)!), Self.run(shard: Shard(index: 0, count: 2)!)]
        defer { for f in [whole.folder] + parts.map(\.folder) { try? FileManager.default.removeItem(atPath: f) } }
        #expect(parts[0].value.state.blocks == 1..<3 && parts[1].value.state.blocks == 0..<1)
        let merged = try ForecastFolder(merging: parts.map(\.folder))
        #expect(merged.state.shard == .whole && merged.state.blocks == 0..<3)
        #expect(merged.manifest.mergedFrom == parts.map(\.folder) && merged.manifest.threads == 0)
        let out = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try merged.write(to: OutputDirectory(path: out))
        for file in ForecastFolder.File.allCases where file != .tolerances && file != .manifest {
            #expect(try Self.read(out, file) == Self.read(whole.folder, file), "\(file.rawValue)")
        }
    }

    @Test func mergeNamesTheStateFileItCannotUse() throws {
        let part = try Self.run(shard: Shard(index: 0, count: 2)!)
        let empty = Self.temporaryFolder()
        defer { for f in [part.folder, empty] { try? FileManager.default.removeItem(atPath: f) } }
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        #expect(throws: OutputError(reading: empty + "/state.bin", reason: "cannot read (missing or unreadable)")) {
            try ForecastFolder(merging: [part.folder, empty])
        }
        var bytes = try Self.read(part.folder, .state)
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: empty + "/state.bin"))
        #expect(throws: OutputError(reading: empty + "/state.bin", reason: "checksum mismatch: the file is truncated or corrupted")) {
            try ForecastFolder(merging: [part.folder, empty])
        }
        // One shard of two, given twice: refused by the merge, naming both files.
        do {
            _ = try ForecastFolder(merging: [part.folder, part.folder])
            Issue.record("expected a refusal")
        } catch let error as StateFileError {
            #expect(error.reason.contains("shard 0/2 was already given by"))
        }
    }
}
