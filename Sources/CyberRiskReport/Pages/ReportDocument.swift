import CyberRisk

import Foundation

/// The report of an output folder, whichever kind it is: a forecast (`run`, `merge`), a
/// comparison (`compare`, recognised by its `comparison.csv`), a parameter sweep (`sweep`,
/// recognised by its `sweep.csv`; a `sensitivity` folder also has `sensitivity.csv`, a `tornado`
/// folder `tornado.csv`), a calibration (`calibrate`, recognised by its `posterior.csv`) or a
/// dynamic stress test (`stress --dynamic --out`, recognised by its `recovery.csv`). Holds the
/// page and its charts.
///
/// ```swift
/// let report = try ReportDocument(folder: "out")
/// try report.html.write(toFile: "out/report.html", atomically: true, encoding: .utf8)
/// for chart in report.charts { /* chart.standalone is an .svg file's text */ }
/// ```
public struct ReportDocument: Sendable {
    public enum Kind: String, Sendable {
        case forecast, sweep, comparison, calibration, stress
    }

    public let kind: Kind
    public let html: String
    public let charts: [Chart]

    /// Reads the folder; throws ``OutputError`` naming the file and the reason when something is
    /// missing or malformed.
    ///
    /// - Parameter tornado: a tornado folder to show beside a sensitivity analysis's indices; by
    ///   default `FOLDER/tornado` when it holds a `tornado.csv` (`cyberrisk tornado SPEC --out FOLDER/tornado`).
    public init(folder: String, tornado: String? = nil) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputError(reading: folder, reason: "not a folder")
        }
        let fm = FileManager.default
        if !fm.fileExists(atPath: folder + "/manifest.json") && fm.fileExists(atPath: folder + "/recovery.csv") {
            let report = try StressReport(folder: folder)   // `stress --dynamic --out`: the recovery curves
            (kind, html, charts) = (.stress, report.html, report.charts)
            return
        }
        try ReportDocument.checkFinished(folder: folder)
        if ReportDocument.isCalibration(folder: folder) {
            let report = CalibrationReport(results: try CalibrationResults(folder: folder))
            (kind, html, charts) = (.calibration, report.html, report.charts)
        } else if FileManager.default.fileExists(atPath: folder + "/comparison.csv") {
            let report = ComparisonReport(results: try ComparisonResults(folder: folder))
            (kind, html, charts) = (.comparison, report.html, report.charts)
        } else if ReportDocument.isSweep(folder: folder) {
            let sensitivity = FileManager.default.fileExists(atPath: folder + "/sensitivity.csv")
                ? try SensitivityResults(folder: folder) : nil
            let companion = tornado ?? (FileManager.default.fileExists(atPath: folder + "/tornado/tornado.csv") ? folder + "/tornado" : nil)
            let own = FileManager.default.fileExists(atPath: folder + "/tornado.csv") ? folder : nil
            let swings = try (own ?? companion).map { try TornadoResults(folder: $0) }
            let report = SweepReport(results: try SweepResults(folder: folder), sensitivity: sensitivity, tornado: swings)
            (kind, html, charts) = (.sweep, report.html, report.charts)
        } else {
            let report = RunReport(results: try RunResults(folder: folder))
            (kind, html, charts) = (.forecast, report.html, report.charts)
        }
    }

    /// Refuses, saying what the folder is and what to do, a folder that holds no report-able
    /// results: one of a sweep's shards (a journal only) or an unfinished sweep, a forecast shard
    /// without trials, and a folder without a manifest.
    static func checkFinished(folder: String) throws {
        let fm = FileManager.default
        let manifest = folder + "/manifest.json"
        let journal = fm.fileExists(atPath: folder + "/" + OutputFolderContents.sweepJournalName)
        guard fm.fileExists(atPath: manifest) else {
            throw journal
                ? OutputError(reading: folder, reason: "holds an unfinished sweep (\(OutputFolderContents.sweepJournalName) without manifest.json): "
                              + "finish it by running the same sweep command with --resume, then report the folder")
                : OutputError(reading: manifest, reason: "cannot read (missing or unreadable): \(folder) is not the finished "
                              + "output folder of a run, merge, sweep or sensitivity analysis")
        }
        let info = try ManifestInfo(contentsOf: manifest)
        let shard = info.dictionary("shard")
        let count = ManifestInfo.integer(shard?["count"]) ?? 1, index = ManifestInfo.integer(shard?["index"]) ?? 0
        if journal && !fm.fileExists(atPath: folder + "/sweep.csv") && count > 1 {
            throw OutputError(reading: folder, reason: "holds shard \(index)/\(count) of a sweep, which has only its journal: "
                              + "merge the \(count) shard folders with `cyberrisk merge SHARD_DIRS… --out DIR` and report DIR")
        }
        if !journal && count > 1 && info.integer("trials_run") == 0 {
            throw OutputError(reading: folder, reason: "holds shard \(index)/\(count) of a forecast, which has no trials "
                              + "(more shards than blocks of trials): merge it with the other shards "
                              + "(`cyberrisk merge SHARD_DIRS… --out DIR`) and report DIR")
        }
    }

    /// A sweep folder has `sweep.csv` (its manifest says `"kind": "sweep"`).
    static func isSweep(folder: String) -> Bool {
        if FileManager.default.fileExists(atPath: folder + "/sweep.csv") { return true }
        let kind = (try? ManifestInfo(contentsOf: folder + "/manifest.json"))?.string("kind")
        return kind == "sweep" || kind == "sensitivity" || kind == "tornado"
    }

    /// A calibration folder has `posterior.csv` (its manifest says `"kind": "calibration"`).
    public static func isCalibration(folder: String) -> Bool {
        FileManager.default.fileExists(atPath: folder + "/posterior.csv")
            || (try? ManifestInfo(contentsOf: folder + "/manifest.json"))?.string("kind") == "calibration"
    }

    /// The files to write for `--svg`: `charts/ID.svg` for every chart.
    public var svgFiles: [(name: String, text: String)] {
        charts.map { ("charts/\($0.id).svg", $0.standalone) }
    }
}
