import CyberRisk
import Foundation

/// `manifest.json` of a calibration folder (`"kind": "calibration"`): the data file and its hash,
/// the resolved configuration and its hash, the sampler settings, the model, the files and the
/// timings. Written last: its presence marks a finished folder.
public struct CalibrationManifest: Sendable {
    public var fit: Calibration
    /// The incident file as given, and the FNV-1a 64 hash of its bytes.
    public var dataFile: String
    public var dataHash: String
    /// The configuration as given (`embedded:baseline.yaml` for the default) and its resolved form.
    public var configSource: String
    public var resolvedConfig: String
    public var files: [String]
    public var startTime: Date
    public var endTime: Date

    public init(fit: Calibration, dataFile: String, dataHash: String, configSource: String, resolvedConfig: String,
                files: [String], startTime: Date, endTime: Date) {
        self.fit = fit
        self.dataFile = dataFile
        self.dataHash = dataHash
        self.configSource = configSource
        self.resolvedConfig = resolvedConfig
        self.files = files
        self.startTime = startTime
        self.endTime = endTime
    }

    /// Pretty-printed JSON with sorted keys.
    public func json() -> String {
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let o = fit.options
        var object: [String: Any] = [
            "kind": "calibration",
            "tool": "cyberrisk",
            "tool_version": ToolVersion.current,
            "scenario": fit.scenario.name,
            "start_year": fit.scenario.startYear,
            "config_source": configSource,
            "config_hash": ScenarioEncoder.configHash(yaml: resolvedConfig),
            "config": resolvedConfig,
            "data_file": dataFile,
            "data_hash": dataHash,
            "rows": fit.data.rows.count,
            "rows_fitted": fit.problem.rows.count,
            "years_fitted": fit.problem.fittedYears,
            "seed": NSNumber(value: o.seed),
            "chains": o.chains,
            "draws": o.draws,
            "warmup": o.warmup,
            "threads": o.threads,
            "model": o.overdispersed ? "negative_binomial" : "poisson",
            "files": files,
            "start_time": iso.string(from: startTime),
            "end_time": iso.string(from: endTime),
            "wall_seconds": endTime.timeIntervalSince(startTime),
        ]
        if let y = o.holdoutYear { object["holdout_year"] = y }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
