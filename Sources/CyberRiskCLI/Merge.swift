import ArgumentParser
import CyberRisk
import CyberRiskSweep
import Foundation

/// `cyberrisk merge`: combine shard outputs into the whole forecast's output.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge the output folders of `run --shard I/N` (or `sweep`/`sensitivity --shard I/N`) into one output, identical to an unsharded one.",
        discussion: "Refuses shards of different configs, seeds or trial counts, and missing or duplicate shards."
    )

    @Argument(help: "Shard output folders (each holding state.bin).")
    var shards: [String]

    @Option(help: "Output folder for the merged result.")
    var out: String

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Print a JSON summary instead of the table.")
    var json = false

    func run() throws {
        guard !shards.isEmpty else { throw CLIError.usage("merge: give at least one shard folder") }
        if FileManager.default.fileExists(atPath: shards[0] + "/" + SweepJournal.fileName) {
            return try mergeSweep()
        }
        let start = Date()
        var states: [(name: String, state: StateFile)] = []
        for folder in shards {
            let path = folder + "/state.bin"
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIError.usage("\(path): cannot read (missing or unreadable)")
            }
            do {
                states.append((path, try StateFile(decoding: Array(data))))
            } catch {
                throw CLIError.usage("\(path): \(error.description)")
            }
        }
        let merged = try ShardMerge.merge(states)
        let scenario: Scenario
        do {
            scenario = try merged.scenario(source: states[0].name)
        } catch {
            throw CLIError.usage("\(states[0].name): \(error)")
        }
        let directory = try OutputDirectory.forOption(out)
        let manifest = Manifest(scenario: scenario.name, configHash: merged.configHash, resolvedConfig: merged.resolvedConfig,
                                seed: merged.seed, trials: merged.trials, trialsRun: Int(merged.accumulator.trials),
                                years: scenario.calendarYears,
                                blockSize: merged.blockSize, threads: 0, shard: .whole, blocks: merged.blocks,
                                startTime: start, endTime: Date(), mergedFrom: shards)
        try ForecastOutput.write(scenario: scenario, state: merged, manifest: manifest, to: directory)
        guard !quiet else { return }
        let tables = ForecastTables(scenario: scenario, accumulator: merged.accumulator)
        print(json ? ForecastSummary.json(tables: tables, manifest: manifest)
                   : ForecastSummary.text(tables: tables, manifest: manifest, out: out))
    }

    /// Merges the folders of `sweep --shard I/N` into the whole sweep's folder.
    func mergeSweep() throws {
        let start = Date()
        var journals: [(name: String, contents: SweepJournal.Contents)] = []
        for folder in shards {
            let path = folder + "/" + SweepJournal.fileName
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIError.usage("\(path): cannot read (missing or unreadable; is \(folder) a sweep shard folder?)")
            }
            do {
                let contents = try SweepJournal.read(Array(data))
                guard contents.tornBytes == 0 else {
                    throw SweepJournalError("ends in an incomplete record (the shard did not finish; re-run it with --resume)")
                }
                journals.append((path, contents))
            } catch {
                throw CLIError.usage("\(path): \(error)")
            }
        }
        let merged: (header: SweepJournal.Header, records: [SweepRecord])
        do {
            merged = try SweepMerge.merge(journals)
        } catch {
            throw CLIError.usage(error.description)
        }
        let directory = try OutputDirectory.forOption(out)
        var journal = SweepJournal.start(merged.header)
        for r in merged.records { journal += SweepJournal.frame(r) }
        let output: (files: [(name: String, bytes: [UInt8])], sensitivity: SensitivityAnalysis?)
        let workers = try threadCount(forOption: nil)
        do {
            output = try SweepTables(header: merged.header, records: merged.records).files(threads: workers)
        } catch {
            throw CLIError.usage(error.description)
        }
        let names = output.files.map(\.name) + [SweepJournal.fileName]
        let manifest = SweepManifest(header: merged.header, records: merged.records, pointsRun: 0, threads: 0,
                                     startTime: start, endTime: Date(), mergedFrom: shards, files: names)
        try directory.writeAll(output.files + [(SweepJournal.fileName, journal), ("manifest.json", Array(manifest.json().utf8))])
        guard !quiet else { return }
        let kind = output.sensitivity == nil ? "sweep" : "sensitivity"
        print("merged \(shards.count) \(kind) shards: \(merged.records.count) points; wrote "
              + (names + ["manifest.json"]).map { "\(out)/\($0)" }.joined(separator: ", "))
        if let analysis = output.sensitivity { print(Sensitivity.rankedTables(analysis)) }
    }
}
