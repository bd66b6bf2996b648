import CyberRisk

import Foundation

/// The report of an output folder, whichever kind it is: a forecast (`run`, `merge`) or a
/// parameter sweep (`sweep`, recognised by its `sweep.csv`; a `sensitivity` folder also has
/// `sensitivity.csv`). Holds the page and its charts.
///
/// ```swift
/// let report = try ReportDocument(folder: "out")
/// try report.html.write(toFile: "out/report.html", atomically: true, encoding: .utf8)
/// for chart in report.charts { /* chart.standalone is an .svg file's text */ }
/// ```
public struct ReportDocument: Sendable {
    public enum Kind: String, Sendable {
        case forecast, sweep
    }

    public let kind: Kind
    public let html: String
    public let charts: [Chart]

    /// Reads the folder; throws ``OutputError`` naming the file and the reason when something is
    /// missing or malformed.
    public init(folder: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputError(reading: folder, reason: "not a folder")
        }
        if ReportDocument.isSweep(folder: folder) {
            let sensitivity = FileManager.default.fileExists(atPath: folder + "/sensitivity.csv")
                ? try SensitivityResults(folder: folder) : nil
            let report = SweepReport(results: try SweepResults(folder: folder), sensitivity: sensitivity)
            (kind, html, charts) = (.sweep, report.html, report.charts)
        } else {
            let report = RunReport(results: try RunResults(folder: folder))
            (kind, html, charts) = (.forecast, report.html, report.charts)
        }
    }

    /// A sweep folder has `sweep.csv` (its manifest says `"kind": "sweep"`).
    static func isSweep(folder: String) -> Bool {
        if FileManager.default.fileExists(atPath: folder + "/sweep.csv") { return true }
        let kind = (try? ManifestInfo(contentsOf: folder + "/manifest.json"))?.string("kind")
        return kind == "sweep" || kind == "sensitivity"
    }

    /// The files to write for `--svg`: `charts/ID.svg` for every chart.
    public var svgFiles: [(name: String, text: String)] {
        charts.map { ("charts/\($0.id).svg", $0.standalone) }
    }
}
