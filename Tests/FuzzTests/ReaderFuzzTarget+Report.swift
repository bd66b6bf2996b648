@testable import CyberRisk
@testable import CyberRiskReport

import Foundation

/// The `report` target: `cyberrisk report FOLDER` on a folder of outside bytes.
extension ReaderFuzzTarget {
    /// The files of an output folder the report reads, in the order of the input's NUL-separated
    /// parts: part `k` is the contents of `reportFiles[k]`; an empty (or missing) part leaves the
    /// file out. `sweep.journal` only marks a sweep shard (its bytes are not read by the report);
    /// `tornado/…` is the companion tornado folder shown beside a sensitivity analysis.
    static let reportFiles = [
        "manifest.json", "summary.csv", "sectors.csv", "exceedance.csv", "return_periods.csv", "event_classes.csv",
        "tolerances.csv", "sweep.csv", "sensitivity.csv", "sensitivity_noise.csv", "tornado.csv", "comparison.csv",
        "posterior.csv", "ppc.csv", "diagnostics.csv", "hindcast.csv", "recovery.csv", "stress.csv",
        OutputFolderContents.sweepJournalName, "tornado/tornado.csv", "tornado/manifest.json",
    ]

    /// Writes the parts to a fresh temporary folder, then runs the whole `report` pipeline minus
    /// writing (folder-kind detection, the chosen reader, the page and every chart's SVG), and
    /// besides it every other reader whose main file is there with its page, so that each reader
    /// is reached whatever the detection picks. Every refusal must be a read ``OutputError``
    /// naming the folder or a file in it and saying why; the folder is removed afterwards. The
    /// outcome is a value when every reader gave one, else the first refusal.
    static func reportFolder(_ bytes: [UInt8]) -> Outcome {
        let parts = bytes.split(separator: 0, omittingEmptySubsequences: false)
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("cyberrisk-fuzz-report-\(getpid())-\(UInt64.random(in: 0...UInt64.max))").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            try FileManager.default.createDirectory(atPath: folder + "/tornado", withIntermediateDirectories: true)
            for (name, part) in zip(reportFiles, parts) where !part.isEmpty {
                try Data(part).write(to: URL(fileURLWithPath: folder + "/" + name))
            }
        } catch {
            return .finding("cannot write the fuzz folder \(folder): \(error)")   // the harness's fault, not the reader's
        }
        let has = { (name: String) in FileManager.default.fileExists(atPath: folder + "/" + name) }
        var readers: [(String, () throws -> Void)] = [("report", {
            let report = try ReportDocument(folder: folder)
            _ = (report.html, report.svgFiles)
        })]
        if has("summary.csv") {
            readers.append(("forecast", { render(RunReport(results: try RunResults(folder: folder))) }))
        }
        if has("sweep.csv") {
            readers.append(("sweep", {
                let sensitivity = has("sensitivity.csv") ? try SensitivityResults(folder: folder) : nil
                let tornado = has("tornado.csv") ? try TornadoResults(folder: folder) : nil
                render(SweepReport(results: try SweepResults(folder: folder), sensitivity: sensitivity, tornado: tornado))
            }))
        }
        if has("tornado/tornado.csv") {
            readers.append(("tornado", { _ = try TornadoResults(folder: folder + "/tornado").charts(metric: "national_risk") }))
        }
        if has("comparison.csv") {
            readers.append(("comparison", { render(ComparisonReport(results: try ComparisonResults(folder: folder))) }))
        }
        if has("posterior.csv") {
            readers.append(("calibration", { render(CalibrationReport(results: try CalibrationResults(folder: folder))) }))
        }
        if has("recovery.csv") {
            readers.append(("stress", { render(try StressReport(folder: folder)) }))
        }
        var refusal: Outcome?
        for (name, body) in readers {
            switch reportOutcome(body, folder: folder) {
            case .finding(let why): return .finding("\(name): \(why)")
            case .refused(let why): refusal = refusal ?? .refused(why)
            case .value: break
            }
        }
        return refusal ?? .value
    }

    /// A page's text and its charts' standalone SVG, as `report --svg` writes them.
    private static func render(_ page: some ReportPage) {
        _ = (page.html, page.charts.map(\.standalone))
    }

    /// ``outcome(_:)`` for the report: the refusal must also name the folder or a file in it (the
    /// folder's temporary path is written `FOLDER` in the description, so it reads the same in
    /// every run).
    private static func reportOutcome(_ body: () throws -> Void, folder: String) -> Outcome {
        do {
            try body()
            return .value
        } catch let error as OutputError {
            guard error.operation == .read, !error.reason.isEmpty,
                  error.path == folder || error.path.hasPrefix(folder + "/") else {
                return .finding("an output error that names no file of the folder or no reason: \(error)")
            }
            return .refused(error.description.replacingOccurrences(of: folder, with: "FOLDER"))
        } catch {
            return .finding("unexpected error type \(type(of: error)): \(error)")
        }
    }
}

/// The report's pages, as the `report` target renders them.
protocol ReportPage {
    var html: String { get }
    var charts: [Chart] { get }
}

extension RunReport: ReportPage {}
extension SweepReport: ReportPage {}
extension ComparisonReport: ReportPage {}
extension CalibrationReport: ReportPage {}
extension StressReport: ReportPage {}
