import CyberRisk
import CyberRiskReport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `cyberrisk report` and `run --report` end to end, and the progress bar's modes.
@Suite struct ReportCommandTests {
    /// Elements named `name` anywhere below `node`.
    static func find(_ node: XMLNode, _ name: String, _ attribute: String? = nil, _ value: String? = nil) throws -> [XMLElement] {
        let filter = attribute.map { a in " and @\(a)='\(value ?? "")'" } ?? ""
        // A relative path from the document node finds nothing in swift-corelibs-foundation.
        let axis = node is XMLDocument ? "//" : ".//"
        return try node.nodes(forXPath: "\(axis)*[local-name()='\(name)'\(filter)]").compactMap { $0 as? XMLElement }
    }

    /// An attribute by name (`attribute(forName:)` misses those of namespaced elements on Linux).
    static func attribute(_ e: XMLElement, _ name: String) -> String? {
        e.attributes?.first { $0.name == name }?.stringValue
    }

    /// `summary.csv`'s `column` for `metric`, by year (the metric names hold no commas or quotes).
    static func summaryColumn(_ folder: URL, metric: String, column: String) throws -> [Double] {
        let lines = try CLIRunner.read(folder.appendingPathComponent("summary.csv")).split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        let k = header.firstIndex(of: column)!
        return lines.dropFirst().map { $0.split(separator: ",").map(String.init) }
            .filter { $0[2] == metric }.map { Double($0[k])! }
    }

    @Test func runWithReportDrawsTheCSVsNumbersAtTheRightPixels() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let r = try CLIRunner.run(["run", "--trials", "2048", "--report", "--svg", "--out", "out"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(r.stdout)")
        #expect(r.stdout.contains("report.html"))
        let out = dir.appendingPathComponent("out")
        let html = try XMLDocument(data: Data(contentsOf: out.appendingPathComponent("report.html")), options: [])

        // The fan chart's mean line sits where summary.csv's means map on the chart's own y axis.
        let fan = try Self.find(html, "svg", "id", "fan-national_risk")[0]
        let ticks = try Self.find(fan, "text", "class", "tick-label").filter {
            Self.attribute($0.parent as! XMLElement, "class") == "axis axis-y"
        }
        let (v0, y0) = (Double(Self.attribute(ticks.first!, "data-value")!)!, Double(Self.attribute(ticks.first!, "y")!)!)
        let (v1, y1) = (Double(Self.attribute(ticks.last!, "data-value")!)!, Double(Self.attribute(ticks.last!, "y")!)!)
        #expect(v0 == 0, "the risk axis starts at zero")
        let means = try Self.summaryColumn(out, metric: "national_risk", column: "mean")
        #expect(means.count == 10)
        let line = try Self.find(fan, "polyline", "data-series", "mean")[0]
        let ys = Self.attribute(line, "points")!.split(separator: " ").map { Double($0.split(separator: ",")[1])! }
        #expect(ys.count == 10)
        for (y, mean) in zip(ys, means) {
            #expect(abs(y - (y0 + (mean - v0) / (v1 - v0) * (y1 - y0))) <= 0.006)
        }
        // The headline quotes the first and last year's mean national risk.
        let headline = try Self.find(html, "p", "class", "value").map { $0.stringValue ?? "" }
        #expect(headline.first == "\(NumberFormat.percent.string(means[0])) → \(NumberFormat.percent.string(means[9]))")

        // Sector contributions add up to the engine's mean national risk.
        let results = try RunResults(folder: out.path)
        let total = SectorRanking(results: results).byContribution.reduce(0) { $0 + $1.contribution }
        #expect(abs(total - means[9]) <= 1e-9 * means[9])
        #expect(try Self.find(html, "rect", "class", "cell").count == 16 * 10)

        // One standalone SVG per chart, each well-formed.
        let charts = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("charts").path)
        #expect(charts.count == 14)   // fans 4, return periods 2, exceedance 4, heatmap, assumptions 3
        for name in charts {
            let svg = try XMLDocument(data: Data(contentsOf: out.appendingPathComponent("charts/" + name)), options: [])
            #expect(svg.rootElement()?.localName == "svg")
        }
    }

    @Test func reportOnASweepFolder() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let params = ["scenario.iot.devices_bn.rate", "scenario.neural.users.rate", "scenario.defense.vulnerability_decline"]
        let manifest = """
            {"kind": "sweep", "design": "lhs", "seed": 3, "trials": 200, "tool_version": "x", "base_scenario": "baseline",
             "parameters": [{"path": "\(params[0])", "scale": "log"}, {"path": "\(params[1])", "scale": "linear"},
                            {"path": "\(params[2])", "scale": "linear"}]}
            """
        var csv = "point,\(params.joined(separator: ",")),scenario,year,metric,trials,mean,sd,se,p05,p50,p95,p99,es95\n"
        for k in 0..<5 {
            let v = [0.1 * Double(k + 1), 0.3 + 0.05 * Double(k), 0.02 * Double(k)]
            for metric in ["national_risk", "human_risk", "economic_loss_usd_bn"] {
                csv += "\(k),\(v[0]),\(v[1]),\(v[2]),baseline,2035,\(metric),200,\(0.01 * v[0]),0,0,\(0.008 * v[0]),"
                    + "\(0.01 * v[0]),\(0.012 * v[0]),0,0\n"
            }
        }
        try manifest.write(to: dir.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        try csv.write(to: dir.appendingPathComponent("sweep.csv"), atomically: true, encoding: .utf8)
        let target = dir.appendingPathComponent("view/sweep.html")
        let r = try CLIRunner.run(["report", dir.path, "--out", target.path, "--svg"])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try XMLDocument(data: Data(contentsOf: target), options: [])
        // 5 points in 3 metrics × 3 parameters; an LHS design gets no grid heatmap.
        #expect(try Self.find(html, "circle", "class", "point").count == 5 * 9)
        #expect(try Self.find(html, "rect", "class", "cell").isEmpty)
        let svgs = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("view/charts").path)
        #expect(svgs.count == 9)
    }

    @Test func badFoldersExitTwoNamingTheFileAndWriteNothing() throws {
        let missing = try CLIRunner.run(["report", "/nonexistent/cyberrisk-out"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/cyberrisk-out"))

        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("out")
        #expect(try CLIRunner.run(["run", "--trials", "1024", "--quiet", "--out", out.path]).status == 0)
        let summary = out.appendingPathComponent("summary.csv")
        let text = try CLIRunner.read(summary)
        try text.replacingOccurrences(of: "baseline,2027,human_risk,1024,", with: "baseline,2027,human_risk,1024,oops")
            .write(to: summary, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["report", out.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("summary.csv: line 19: column 'mean': expected a number"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("report.html").path))
    }

    @Test func progressBarOnlyWhenAskedOrOnATerminal() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let always = try CLIRunner.run(["run", "--trials", "2048", "--threads", "1", "--progress", "always",
                                        "--out", dir.appendingPathComponent("a").path])
        #expect(always.status == 0)
        #expect(always.stderr.contains("100%") && always.stderr.contains("trials/s") && always.stderr.contains("ETA"),
                "\(always.stderr)")
        // stderr is a pipe here: auto draws nothing; --quiet silences everything.
        let auto = try CLIRunner.run(["run", "--trials", "1024", "--out", dir.appendingPathComponent("b").path])
        #expect(auto.status == 0 && auto.stderr.isEmpty)
        let quiet = try CLIRunner.run(["run", "--trials", "1024", "--progress", "always", "--quiet", "--report",
                                       "--out", dir.appendingPathComponent("c").path])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty && quiet.stdout.isEmpty)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("c/report.html").path))
    }
}
