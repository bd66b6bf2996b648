import Foundation
import Testing
@testable import CyberRisk
@testable import CyberRiskReport

@Suite struct SweepReportTests {
    typealias F = ReportFolderFixture

    @Test func readsTheLastYearOfEachPointAndIgnoresUnknownColumns() throws {
        let s = try SweepResults(folder: try F.sweep())
        #expect(s.parameters == [.init(path: F.rate, scale: .log), .init(path: F.decline, scale: .linear)])
        #expect(s.design == "grid")
        #expect(s.year == 2035)
        #expect(s.trials == 500)
        #expect(s.metrics == ["national_risk", "economic_loss_usd_bn"])
        #expect(s.points.map(\.id) == ["0", "1", "2", "3"])
        #expect(s.points[3].values == [0.4, 0.08])
        #expect(abs(s.points[3].statistic("national_risk", "mean") - (0.01 + 0.04 - 0.008)) < 1e-15)
        #expect(s.levels(of: 0) == [0.1, 0.4])
    }

    @Test func withoutDeclaredParametersTheColumnsBeforeScenarioAreUsed() throws {
        let s = try SweepResults(folder: try F.sweep(declareParameters: false))
        #expect(s.parameters.map(\.path) == [F.rate, F.decline])
        #expect(s.parameters.allSatisfy { $0.scale == .linear })
    }

    @Test func effectChartsPlotTheMeanWithP05ToP95AgainstEachParameter() throws {
        let s = try SweepResults(folder: try F.sweep())
        let chart = SweepReport.effectChart(s, metric: "national_risk", parameter: 0)
        let probe = try SVGProbe(chart.standalone)
        let titles = try probe.elements("text", "class", "axis-title").map(\.stringValue!)
        #expect(titles.contains(F.rate + " (log scale)"))
        // x: log scale 0.1…0.4 padded by a factor 4^0.08 each side over 64…380.
        let pad = pow(4.0, 0.08), lo = 0.1 / pad, hi = 0.4 * pad
        func x(_ v: Double) -> Double { 64 + (log10(v) - log10(lo)) / (log10(hi) - log10(lo)) * 316 }
        // y: 0 to the largest p95 (0.05·1.2 = 0.06) rounded up: 0…0.06 over 240…48.
        func y(_ v: Double) -> Double { 240 - v / 0.06 * 192 }
        let dots = try probe.elements("circle", "class", "point")
        #expect(dots.count == 4)
        // Two points share each rate: spread by ±3.5 px.
        let expected = s.points.enumerated().map { k, p in
            (x(p.values[0]) + (k % 2 == 0 ? -3.5 : 3.5), y(p.statistic("national_risk", "mean")))
        }
        for (dot, want) in zip(dots, expected) {
            #expect(abs(SVGProbe.number(dot, "cx") - want.0) <= 0.006, "cx")
            #expect(abs(SVGProbe.number(dot, "cy") - want.1) <= 0.006, "cy")
        }
        let bars = try probe.elements("line", "class", "whisker")
        let top = s.points[2].statistic("national_risk", "p95")
        #expect(abs(SVGProbe.number(bars[2], "y2") - y(top)) <= 0.006)
        // The grid's levels are the ticks.
        let ticks = try probe.tickLabels("x")
        #expect(ticks == ["0.1", "0.4"])
    }

    /// Outside a grid a repeated value is a true position (a Saltelli design repeats A's and B's
    /// values in its A_B columns): no sideways spread.
    @Test func nonGridPointsSharingAValueAreNotSpread() throws {
        let grid = try SVGProbe(SweepReport.effectChart(try SweepResults(folder: try F.sweep()), metric: "national_risk",
                                                        parameter: 0).standalone)
        let other = try SVGProbe(SweepReport.effectChart(try SweepResults(folder: try F.sweep(design: "saltelli")),
                                                         metric: "national_risk", parameter: 0).standalone)
        let gx = try grid.elements("circle", "class", "point").map { SVGProbe.number($0, "cx") }
        let ox = try other.elements("circle", "class", "point").map { SVGProbe.number($0, "cx") }
        #expect(abs(gx[0] - gx[1]) > 6.9 && abs(gx[2] - gx[3]) > 6.9)
        #expect(ox[0] == ox[1] && ox[2] == ox[3])
        #expect(abs((gx[0] + gx[1]) / 2 - ox[0]) <= 0.006)
        // Four points: every p05–p95 bar is drawn (dots only above SweepReport.whiskerLimit points).
        #expect(try other.elements("line", "class", "whisker").count == 4)
    }

    @Test func aTwoParameterGridGetsHeatmapsOtherDesignsDoNot() throws {
        let grid = SweepReport(results: try SweepResults(folder: try F.sweep()))
        #expect(grid.charts.map(\.id) == ["sweep-national_risk-1", "sweep-economic_loss_usd_bn-1",
                                          "sweep-national_risk-2", "sweep-economic_loss_usd_bn-2",
                                          "sweep-grid-national_risk", "sweep-grid-economic_loss_usd_bn"])
        let probe = try SVGProbe(grid.html)
        // Rows: decline, largest at the top; columns: rate.
        let national = try probe.element("svg", "id", "sweep-grid-national_risk")
        let cell = try SVGProbe.descendants(national, "rect").filter {
            SVGProbe.attribute($0, "data-row") == "0" && SVGProbe.attribute($0, "data-column") == "0.4"
        }
        #expect(cell.count == 1)
        let rows = try SVGProbe.descendants(national, "text").filter { SVGProbe.attribute($0, "class") == "row-label" }
        #expect(rows.map(\.stringValue) == ["0.08", "0"])
        #expect(Double(SVGProbe.attribute(cell.first, "data-value") ?? "") == 0.01 + 0.04)
        let lhs = SweepReport(results: try SweepResults(folder: try F.sweep(design: "lhs")))
        #expect(!lhs.charts.contains { $0.id.hasPrefix("sweep-grid") })
        #expect(try ReportDocument(folder: try F.sweep()).kind == .sweep)
    }

    @Test func aParameterWithoutAColumnIsAnError() throws {
        let folder = try F.sweep()
        let text = try String(contentsOfFile: folder + "/manifest.json", encoding: .utf8)
            .replacingOccurrences(of: F.decline, with: "scenario.defense.other")
        try F.write(text, folder, "manifest.json")
        #expect(throws: OutputError(reading: folder + "/sweep.csv",
                                    reason: "no column for the varied parameter 'scenario.defense.other' named in manifest.json")) {
            try SweepResults(folder: folder)
        }
    }
}

@Suite struct SweepReportHeaderTests {
    typealias F = ReportFolderFixture

    /// The header names the declared range (0.3), not the extremes the design happened to sample.
    @Test func theHeaderShowsTheDeclaredRanges() throws {
        let folder = try F.sweep(design: "lhs")
        let text = try String(contentsOfFile: folder + "/manifest.json", encoding: .utf8)
        var object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        object["parameters"] = [["path": F.rate, "scale": "log", "domain": ["log_range": [0.05, 0.5]]],
                                ["path": F.decline, "scale": "linear", "domain": ["values": [0, 0.08]]]]
        try F.write(try F.manifest(object), folder, "manifest.json")
        let results = try SweepResults(folder: folder)
        #expect(results.parameters[0].declared?.kind == "log_range" && results.parameters[0].declared?.numbers == [0.05, 0.5])
        let html = SweepReport(results: results).html
        #expect(html.contains("\(F.rate) from 0.05 to 0.5 (log scale); \(F.decline) over the values 0, 0.08"), "\(html.prefix(3000))")
        // Without declared domains, the sampled extremes are shown and said to be.
        let plain = SweepReport(results: try SweepResults(folder: try F.sweep())).html
        #expect(plain.contains("\(F.rate) from 0.1 to 0.4 (log scale) (the values sampled)"))
    }
}
