import ArgumentParser
import CyberRisk
import Foundation

/// `cyberrisk merge`: combine shard outputs into the whole forecast's output.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge the output folders of `run --shard I/N` (or `sweep`/`sensitivity --shard I/N`) into one output, identical to an unsharded one.",
        discussion: "Refuses shards of different configs, seeds or trial counts, and missing or duplicate shards."
    )

    @Argument(help: "Shard output folders (each holding state.bin).")
    var shards: [String]

    @Option(help: ArgumentHelp("Output folder for the merged result. One holding the same merged result is replaced "
                               + "with a note; one holding other results is refused unless --force.", valueName: "dir"))
    var out: String

    @Flag(help: "Replace other results in --out (a different forecast, or a different sweep).")
    var force = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Print a JSON summary instead of the table.")
    var json = false

    func run() throws {
        guard !shards.isEmpty else { throw CLIError.usage("merge: give at least one shard folder") }
        if FileManager.default.fileExists(atPath: shards[0] + "/" + SweepJournal.fileName) {
            return try mergeSweep()
        }
        if FileManager.default.fileExists(atPath: shards[0] + "/" + ComparisonState.fileName) {
            return try mergeComparison()
        }
        let start = Date()
        let (merged, scenario) = try Merge.mergeStates(shards)
        let directory = try OutputDirectory.forOption(out)
        let policy = OutputFolderPolicy(out: out, force: force, quiet: quiet)
        let stale = try policy.checkForecast(hash: merged.configHash, yaml: merged.resolvedConfig, shard: .whole,
                                             scenario: scenario.name)
        let manifest = Manifest(scenario: scenario.name, configHash: merged.configHash, resolvedConfig: merged.resolvedConfig,
                                seed: merged.seed, trials: merged.trials, trialsRun: Int(merged.accumulator.trials),
                                years: scenario.calendarYears,
                                blockSize: merged.blockSize, threads: 0, shard: .whole, blocks: merged.blocks,
                                startTime: start, endTime: Date(), mergedFrom: shards)
        try ForecastOutput.write(scenario: scenario, state: merged, manifest: manifest, to: directory)
        try policy.removeStale(stale)
        guard !quiet else { return }
        let tables = ForecastTables(scenario: scenario, accumulator: merged.accumulator)
        print(json ? ForecastSummary.json(tables: tables, manifest: manifest)
                   : ForecastSummary.text(tables: tables, manifest: manifest, out: out,
                                          tolerances: ToleranceTable(tables: tables, batches: merged.batches)))
    }

    /// The merged state of the `state.bin` files in `folders` and its scenario.
    static func mergeStates(_ folders: [String]) throws -> (StateFile, Scenario) {
        let states = try read("state.bin", in: folders) { bytes throws(StateFileError) in try StateFile(decoding: bytes) }
        let merged = try ShardMerge.merge(states)
        do {
            return (merged, try merged.scenario(source: states[0].name))
        } catch {
            throw CLIError.usage("\(states[0].name): \(error)")
        }
    }

    /// `folder/file` of each folder, decoded; a missing or refused file is a usage error naming it.
    static func read<T>(_ file: String, in folders: [String], hint: String = "",
                        _ decode: ([UInt8]) throws(StateFileError) -> T) throws -> [(name: String, state: T)] {
        try folders.map { folder in
            let path = folder + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIError.usage("\(path): cannot read (missing or unreadable\(hint))")
            }
            do {
                return (path, try decode(Array(data)))
            } catch {
                throw CLIError.usage("\(path): \(error)")
            }
        }
    }

    /// Merges the folders of `compare --shard I/N`: the comparison states and, scenario by
    /// scenario, the shards' `state.bin` files under `<scenario>/`.
    func mergeComparison() throws {
        let start = Date()
        let states = try Merge.read(ComparisonState.fileName, in: shards, hint: "; is it a compare shard folder?") {
            bytes throws(StateFileError) in try ComparisonState(decoding: bytes)
        }
        let merged = try ComparisonState.merge(states)
        var parts: [ComparisonOutput.Part] = []
        for identity in merged.scenarios {
            let folder = ComparisonOutput.folderName(identity.name)
            let (state, scenario) = try Merge.mergeStates(shards.map { $0 + "/" + folder })
            guard state.configHash == identity.configHash, scenario.name == identity.name else {
                throw CLIError.usage("\(shards[0])/\(folder)/state.bin: not the config of scenario '\(identity.name)' in \(states[0].name)")
            }
            let manifest = Manifest(scenario: scenario.name, configHash: state.configHash, resolvedConfig: state.resolvedConfig,
                                    seed: state.seed, trials: state.trials, trialsRun: Int(state.accumulator.trials),
                                    years: scenario.calendarYears, blockSize: state.blockSize, threads: 0, shard: .whole,
                                    blocks: state.blocks, startTime: start, endTime: Date(), mergedFrom: shards.map { $0 + "/" + folder })
            parts.append(ComparisonOutput.Part(scenario: scenario, state: state, manifest: manifest))
        }
        let directory = try OutputDirectory.forOption(out)
        let manifest = ComparisonManifest(scenarios: merged.scenarios, seed: merged.seed, trials: merged.trials,
                                          trialsRun: Int(merged.pairs[0].trials), shard: .whole, blocks: merged.blocks,
                                          threads: 0, startTime: start, endTime: Date(), mergedFrom: shards)
        try ComparisonOutput.write(parts: parts, state: merged, manifest: manifest, to: directory)
        guard !quiet else { return }
        let runs = parts.map { ForecastRun(accumulator: $0.state.accumulator, batches: BatchMeans(years: merged.years, requests: [])) }
        let tables = ComparisonTables(scenarios: parts.map(\.scenario), result: merged.result(runs: runs))
        print(json ? ComparisonSummary.json(tables: tables, manifest: manifest)
                   : ComparisonSummary.text(tables: tables, manifest: manifest, seconds: manifest.wallSeconds)
                       + "\nmerged \(shards.count) compare shards into \(out)")
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
        try OutputFolderPolicy(out: out, force: force, quiet: quiet).checkSweep(resume: false, merged: merged.header.planHash)
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
