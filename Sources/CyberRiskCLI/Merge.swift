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
        let merged = try ForecastFolder(merging: shards)
        let directory = try OutputDirectory.forOption(out)
        let policy = OutputFolderPolicy(out: out, quiet: quiet)
        let replacement = try policy.checkForecast(hash: merged.manifest.configHash, yaml: merged.manifest.resolvedConfig,
                                                   shard: .whole, scenario: merged.scenario.name, force: force)
        try merged.write(to: directory)
        try policy.removeStale(replacement)
        guard !quiet else { return }
        print(json ? ForecastSummary.json(merged) : ForecastSummary.text(merged, out: out))
    }

    /// Merges the folders of `compare --shard I/N`: the comparison states and, scenario by
    /// scenario, the shards' forecast folders under `<scenario>/`.
    func mergeComparison() throws {
        let start = Date()
        var states: [(name: String, state: ComparisonState)] = []
        for folder in shards {
            let path = folder + "/" + ComparisonState.fileName
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIError.usage("\(path): cannot read (missing or unreadable; is it a compare shard folder?)")
            }
            do {
                states.append((path, try ComparisonState(decoding: Array(data))))
            } catch {
                throw CLIError.usage("\(path): \(error)")
            }
        }
        let merged = try ComparisonState.merge(states)
        var parts: [ForecastFolder] = []
        for identity in merged.scenarios {
            let folder = ComparisonOutput.folderName(identity.name)
            let part = try ForecastFolder(merging: shards.map { $0 + "/" + folder }, startTime: start)
            guard part.manifest.configHash == identity.configHash, part.scenario.name == identity.name else {
                throw CLIError.usage("\(shards[0])/\(folder)/state.bin: not the config of scenario '\(identity.name)' in \(states[0].name)")
            }
            parts.append(part)
        }
        let directory = try OutputDirectory.forOption(out)
        let policy = OutputFolderPolicy(out: out, quiet: quiet)
        let replacement = try policy.checkComparison(scenarios: merged.scenarios, seed: merged.seed, trials: merged.trials,
                                                     shard: .whole, force: force)
        let manifest = ComparisonManifest(scenarios: merged.scenarios, seed: merged.seed, trials: merged.trials,
                                          trialsRun: Int(merged.pairs[0].trials), shard: .whole, blocks: merged.blocks,
                                          threads: 0, startTime: start, endTime: Date(), mergedFrom: shards)
        try ComparisonOutput.write(parts: parts, state: merged, manifest: manifest, to: directory)
        try policy.removeStale(replacement)
        guard !quiet else { return }
        let runs = parts.map { ForecastRun(accumulator: $0.accumulator, batches: BatchMeans(years: merged.years, requests: [])) }
        let tables = ComparisonTables(scenarios: parts.map(\.scenario), result: merged.result(runs: runs))
        print(json ? ComparisonSummary.json(tables: tables, manifest: manifest)
                   : ComparisonSummary.text(tables: tables, manifest: manifest, seconds: manifest.wallSeconds)
                       + "\nmerged \(shards.count) compare shards into \(out)")
    }

    /// Merges the folders of `sweep --shard I/N` into the whole sweep's folder.
    func mergeSweep() throws {
        let merge = try SweepFolder.merge(shards: shards, threads: threadCount(forOption: nil))
        let directory = try OutputDirectory.forOption(out)
        let preparation = try SweepFolderPreparation(folder: out, resume: false, force: force,
                                                     mergedPlanHash: merge.finished.header.planHash)
        OutputFolderPolicy(out: out, quiet: quiet).note(preparation)
        try merge.write(to: directory)
        let merged = merge.finished
        guard !quiet else { return }
        let kind = merged.sensitivity == nil ? "sweep" : "sensitivity"
        print("merged \(shards.count) \(kind) shards: \(merged.records.count) points; wrote "
              + (merged.files + [SweepJournal.fileName, SweepFolder.manifestName]).map { "\(out)/\($0)" }.joined(separator: ", "))
        if let analysis = merged.sensitivity { print(Sensitivity.rankedTables(analysis)) }
    }
}
