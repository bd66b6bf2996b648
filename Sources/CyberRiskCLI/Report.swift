import ArgumentParser
import CyberRisk
import CyberRiskReport
import Foundation

/// `cyberrisk report`: one self-contained HTML report of an output folder.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML report (fan charts, exceedance curves, sector heatmap) of a run, merge, compare, sweep, sensitivity, tornado or calibrate folder.",
        discussion: """
            The report is one file with inline SVG and CSS: it opens from disk in any browser, without \
            network access. With --svg every chart is also written as a standalone SVG file in a \
            charts/ folder beside the report.
            """
    )

    @Argument(help: "Output folder of `cyberrisk run`, `merge`, `compare`, `sweep`, `sensitivity`, `tornado` or `calibrate`.")
    var folder: String

    @Option(help: "Report file (default: FOLDER/report.html).")
    var out: String?

    @Flag(help: "Also write each chart as charts/ID.svg beside the report.")
    var svg = false

    @Option(help: ArgumentHelp("A `cyberrisk tornado` folder to show beside a sensitivity analysis's indices (default: FOLDER/tornado when it exists).",
                               valueName: "dir"))
    var tornado: String?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let report: ReportDocument
        do {
            report = try ReportDocument(folder: folder, tornado: tornado)
        } catch let e as OutputError where e.operation == .read {
            // The folder itself is refused only when it is not a folder.
            throw CLIError.usage(e.description + (e.path == folder && e.reason == "not a folder" ? " (give the --out folder of a run, merge or sweep)" : ""))
        }
        let target = out ?? folder + "/report.html"
        let url = URL(fileURLWithPath: target)
        let directory = try OutputDirectory.forOption(url.deletingLastPathComponent().path)
        let written = try report.write(to: directory, name: url.lastPathComponent, svg: svg)
        if !quiet { print("wrote " + written.joined(separator: ", ")) }
    }
}

extension ReportDocument {
    /// Writes the page as `name` in `directory` (and with `svg` every chart as `charts/ID.svg`),
    /// each file atomically; returns the paths written, the report first.
    func write(to directory: OutputDirectory, name: String, svg: Bool) throws -> [String] {
        var files: [(name: String, bytes: [UInt8])] = [(name, Array(html.utf8))]
        if svg {
            try FileManager.default.createDirectory(atPath: directory.file("charts"), withIntermediateDirectories: true)
            files = svgFiles.map { ($0.name, Array($0.text.utf8)) } + files
        }
        try directory.writeAll(files)
        return [directory.file(name)] + (svg ? ["\(charts.count) charts in \(directory.file("charts"))/"] : [])
    }
}
