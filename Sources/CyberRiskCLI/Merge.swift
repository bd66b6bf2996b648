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
        let merged = try ForecastFolder(merging: shards)
        let directory = try OutputDirectory.forOption(out)
        try merged.write(to: directory)
        guard !quiet else { return }
        print(json ? ForecastSummary.json(merged) : ForecastSummary.text(merged, out: out))
    }

    /// Merges the folders of `sweep --shard I/N` into the whole sweep's folder.
    func mergeSweep() throws {
        let merge = try SweepFolder.merge(shards: shards, threads: threadCount(forOption: nil))
        try merge.write(to: OutputDirectory.forOption(out))
        let merged = merge.finished
        guard !quiet else { return }
        let kind = merged.sensitivity == nil ? "sweep" : "sensitivity"
        print("merged \(shards.count) \(kind) shards: \(merged.records.count) points; wrote "
              + (merged.files + [SweepJournal.fileName, SweepFolder.manifestName]).map { "\(out)/\($0)" }.joined(separator: ", "))
        if let analysis = merged.sensitivity { print(Sensitivity.rankedTables(analysis)) }
    }
}
