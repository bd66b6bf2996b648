import CyberRisk

import Foundation

/// `manifest.json` of a sweep folder (`"kind": "sweep"`, or `"sensitivity"` for a Saltelli
/// design, whose folder also holds `sensitivity.csv`): the spec, the resolved base config,
/// seeds, shard and timings. Written last: its presence marks a finished folder.
struct SweepManifest: Sendable {
    var header: SweepJournal.Header
    var records: [SweepRecord]
    /// Points computed by this process (the rest were resumed from the journal or merged).
    var pointsRun: Int
    var threads: Int
    var startTime: Date
    var endTime: Date
    var mergedFrom: [String]
    /// Files of the folder the manifest describes.
    var files: [String]

    init(header: SweepJournal.Header, records: [SweepRecord], pointsRun: Int, threads: Int,
                startTime: Date, endTime: Date, mergedFrom: [String] = [], files: [String]) {
        self.header = header
        self.records = records
        self.pointsRun = pointsRun
        self.threads = threads
        self.startTime = startTime
        self.endTime = endTime
        self.mergedFrom = mergedFrom
        self.files = files
    }

    /// Pretty-printed JSON with sorted keys.
    func json() -> String {
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let wall = endTime.timeIntervalSince(startTime)
        let pointSeconds = records.reduce(0) { $0 + $1.seconds }
        let object: [String: Any] = [
            "kind": header.design == SweepDesign.saltelli.rawValue ? "sensitivity" : "sweep",
            "tool": "cyberrisk",
            "tool_version": header.toolVersion,
            "spec_file": header.specFile,
            "spec_hash": header.planHash,
            "spec": header.canonicalSpec,
            "design": header.design,
            "parameters": zip(header.parameterPaths, header.parameterScales).map { ["path": $0, "scale": $1] },
            "points": header.totalPoints,
            "points_done": records.count,
            "points_run": pointsRun,
            "trials": header.trials,
            "seed": NSNumber(value: header.seed),
            "base_scenario": header.baseScenario,
            "base_source": header.baseSource,
            "base_config": header.baseConfig,
            "shard": ["index": header.shard.index, "count": header.shard.count],
            "merged_from": mergedFrom,
            "threads": threads,
            "start_time": iso.string(from: startTime),
            "end_time": iso.string(from: endTime),
            "wall_seconds": wall,
            "point_seconds_total": pointSeconds,
            "files": files,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
