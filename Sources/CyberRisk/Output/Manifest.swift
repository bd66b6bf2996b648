import Foundation

/// `manifest.json`: what was run, how, and how fast. Written last, so its presence marks a
/// complete output folder.
public struct Manifest: Sendable {
    public var scenario: String
    public var configHash: String
    public var resolvedConfig: String
    public var seed: UInt64
    public var trials: Int
    public var trialsRun: Int
    public var years: [Int]
    public var blockSize: Int
    public var threads: Int
    public var shard: Shard
    public var blocks: Range<Int>
    public var startTime: Date
    public var endTime: Date
    public var mergedFrom: [String]
    /// What the economic loss measures (`economic_loss`); ``ForecastFolder`` sets it from the scenario.
    public var economicLoss: EconomicLossBasis?
    /// The folder's files besides the manifest (`files` in the JSON).
    public var files = ["summary.csv", "sectors.csv", "exceedance.csv", "state.bin"]
    /// What a `run --precision` did (`precision` in the JSON), if it was one.
    public var precision: PrecisionOutcome?

    init(scenario: String, configHash: String, resolvedConfig: String, seed: UInt64, trials: Int,
                trialsRun: Int, years: [Int], blockSize: Int, threads: Int, shard: Shard, blocks: Range<Int>,
                startTime: Date, endTime: Date, mergedFrom: [String] = []) {
        self.scenario = scenario
        self.configHash = configHash
        self.resolvedConfig = resolvedConfig
        self.seed = seed
        self.trials = trials
        self.trialsRun = trialsRun
        self.years = years
        self.blockSize = blockSize
        self.threads = threads
        self.shard = shard
        self.blocks = blocks
        self.startTime = startTime
        self.endTime = endTime
        self.mergedFrom = mergedFrom
    }

    /// Wall-clock seconds of the run.
    public var wallSeconds: Double { endTime.timeIntervalSince(startTime) }

    /// Pretty-printed JSON with sorted keys.
    func json() -> String {
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var object: [String: Any] = [
            "tool": "cyberrisk",
            "tool_version": ToolVersion.current,
            "scenario": scenario,
            "config_hash": configHash,
            "config": resolvedConfig,
            "seed": NSNumber(value: seed),
            "trials": trials,
            "trials_run": trialsRun,
            "years": years,
            "block_size": blockSize,
            "threads": threads,
            "shard": ["index": shard.index, "count": shard.count, "first_block": blocks.lowerBound,
                      "end_block": blocks.upperBound],
            "merged_from": mergedFrom,
            "start_time": iso.string(from: startTime),
            "end_time": iso.string(from: endTime),
            "wall_seconds": wallSeconds,
            "trials_per_second": wallSeconds > 0 ? Double(trialsRun) / wallSeconds : 0,
            "blas": ["library": LinearAlgebra.blasDescription, "threads": 1],
            "files": files,
        ]
        if let economicLoss { object["economic_loss"] = economicLoss.json }
        if let p = precision {
            func finite(_ x: Double) -> Any { x.isFinite ? x : NSNull() }
            object["precision"] = [
                "relative_half_width_target": p.relativeHalfWidth,
                "relative_half_width_reached": finite(p.reached),
                "confidence": 0.95,
                "statistics": p.targets,
                "max_trials": p.maximumTrials,
                "trials": p.trials,
                "stop_reason": p.stopReason.rawValue,
                "checks": p.checks.map { ["trials": $0.trials, "reached": finite($0.reached), "worst": $0.target,
                                          "worst_year": $0.year] as [String: Any] },
            ] as [String: Any]
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
