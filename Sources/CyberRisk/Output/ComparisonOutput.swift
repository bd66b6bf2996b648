import Foundation

/// Writes a comparison's folder: each scenario's usual output folder under `DIR/<scenario>/`
/// (byte for byte what `cyberrisk run` writes for it, manifest aside), then `comparison.csv`,
/// `comparison.bin` and, last, `manifest.json` (`"kind": "comparison"`), whose presence marks a
/// finished comparison. Every file is staged and renamed into place (``OutputDirectory``).
public enum ComparisonOutput {
    /// The folder of a scenario: its name with every character outside `[A-Za-z0-9._-]` replaced
    /// by `_` (a leading dot too).
    public static func folderName(_ scenario: String) -> String {
        var out = String(scenario.unicodeScalars.map { c -> Character in
            let ok = c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || "._-".unicodeScalars.contains(c))
            return ok ? Character(c) : "_"
        })
        if out.hasPrefix(".") { out = "_" + out.dropFirst() }
        return out.isEmpty ? "_" : String(out.prefix(100))
    }

    /// Refuses names whose folders would coincide (after ``folderName(_:)``).
    public static func checkFolders(_ names: [String]) throws(ComparisonError) {
        var seen: [String: String] = [:]
        for name in names {
            let folder = folderName(name)
            if let other = seen[folder] {
                throw ComparisonError.duplicateName(other == name ? name : "\(other)' and '\(name)")
            }
            seen[folder] = name
        }
    }

    /// Writes the scenarios' forecast folders `parts` (base first) and the comparison state into `directory`.
    public static func write(parts: [ForecastFolder], state: ComparisonState, manifest: ComparisonManifest,
                             to directory: OutputDirectory) throws {
        for part in parts {
            try part.write(to: OutputDirectory(path: directory.file(folderName(part.scenario.name))))
        }
        let runs = parts.map { ForecastRun(accumulator: $0.accumulator, batches: BatchMeans(years: state.years, requests: [])) }
        let tables = ComparisonTables(scenarios: parts.map(\.scenario), result: state.result(runs: runs))
        var manifest = manifest
        manifest.folders = parts.map { folderName($0.scenario.name) }
        try directory.writeAll([
            ("comparison.csv", Array(tables.csv.utf8)),
            (ComparisonState.fileName, state.encoded()),
            ("manifest.json", Array(manifest.json().utf8)),
        ])
    }
}

/// `manifest.json` of a comparison folder.
public struct ComparisonManifest: Sendable {
    public var scenarios: [(name: String, configHash: String)]
    public var folders: [String] = []
    public var seed: UInt64
    public var trials: Int
    public var trialsRun: Int
    public var shard: Shard
    public var blocks: Range<Int>
    public var threads: Int
    public var startTime: Date
    public var endTime: Date
    public var mergedFrom: [String]

    public init(scenarios: [(name: String, configHash: String)], seed: UInt64, trials: Int, trialsRun: Int, shard: Shard,
                blocks: Range<Int>, threads: Int, startTime: Date, endTime: Date, mergedFrom: [String] = []) {
        self.scenarios = scenarios
        self.seed = seed
        self.trials = trials
        self.trialsRun = trialsRun
        self.shard = shard
        self.blocks = blocks
        self.threads = threads
        self.startTime = startTime
        self.endTime = endTime
        self.mergedFrom = mergedFrom
    }

    /// Wall-clock seconds.
    public var wallSeconds: Double { endTime.timeIntervalSince(startTime) }

    /// Pretty-printed JSON with sorted keys.
    public func json() -> String {
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let wall = wallSeconds
        let object: [String: Any] = [
            "kind": "comparison",
            "tool": "cyberrisk",
            "tool_version": ToolVersion.current,
            "base": scenarios.first?.name ?? "",
            "scenarios": zip(scenarios, folders + Array(repeating: "", count: Swift.max(0, scenarios.count - folders.count)))
                .map { ["name": $0.0.name, "config_hash": $0.0.configHash, "folder": $0.1] },
            "seed": NSNumber(value: seed),
            "trials": trials,
            "trials_run": trialsRun,
            "statistics": ComparisonTables.statistics.map(\.name),
            "shard": ["index": shard.index, "count": shard.count, "first_block": blocks.lowerBound, "end_block": blocks.upperBound],
            "threads": threads,
            "merged_from": mergedFrom,
            "start_time": iso.string(from: startTime),
            "end_time": iso.string(from: endTime),
            "wall_seconds": wall,
            "files": ["comparison.csv", ComparisonState.fileName] + folders.map { $0 + "/" },
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
