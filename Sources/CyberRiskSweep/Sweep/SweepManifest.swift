import CyberRisk

import Foundation

/// `manifest.json` of a sweep folder (`"kind": "sweep"`, or `"sensitivity"` for a Saltelli
/// design, whose folder also holds `sensitivity.csv`, or `"tornado"`, with `tornado.csv`): the spec, the resolved base config,
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

    /// The `parameters` entries: path, axis scale and the domain as declared in the spec
    /// (`{"range": [lo, hi]}`, `{"log_range": [lo, hi]}` or `{"values": [a, b, …]}`, with
    /// `"steps"` for grid ranges), read back from the header's canonical spec lines
    /// (``SweepParameter/canonical``), so reports show the declared range, not the sampled one;
    /// with groups, `"group"` names the parameter's group.
    static func parameters(_ header: SweepJournal.Header) -> [[String: Any]] {
        var domains: [String: [String: Any]] = [:]
        for line in header.canonicalSpec.split(separator: "\n") where line.hasPrefix("parameter: ") {
            let words = line.dropFirst("parameter: ".count).split(separator: " ", maxSplits: 2)
            guard words.count == 3, let open = words[2].firstIndex(of: "["), let close = words[2].firstIndex(of: "]") else { continue }
            let numbers = words[2][words[2].index(after: open)..<close].split(separator: ",")
                .compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            var domain: [String: Any] = [String(words[1]): numbers]
            let rest = words[2][words[2].index(after: close)...].split(separator: " ")
            if rest.count == 2, rest[0] == "steps", let steps = Int(rest[1]) { domain["steps"] = steps }
            domains[String(words[0])] = domain
        }
        return zip(header.parameterPaths, header.parameterScales).enumerated().map { i, parameter in
            var entry: [String: Any] = ["path": parameter.0, "scale": parameter.1]
            if let domain = domains[parameter.0] { entry["domain"] = domain }
            // A grouped sensitivity analysis names each parameter's group (SweepGroup).
            if header.isGrouped { entry["group"] = header.factorNames[header.factorOfParameter[i]] }
            return entry
        }
    }

    /// Pretty-printed JSON with sorted keys.
    func json() -> String {
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let wall = endTime.timeIntervalSince(startTime)
        let pointSeconds = records.reduce(0) { $0 + $1.seconds }
        let object: [String: Any] = [
            "kind": header.design == SweepDesign.saltelli.rawValue ? "sensitivity"
                : header.design == SweepDesign.tornado.rawValue ? "tornado" : "sweep",
            "tool": "cyberrisk",
            "tool_version": header.toolVersion,
            "spec_file": header.specFile,
            "spec_hash": header.planHash,
            "spec": header.canonicalSpec,
            "design": header.design,
            "parameters": SweepManifest.parameters(header),
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
