import Foundation
import Testing
@testable import CyberRisk
@testable import CyberRiskReport

/// The comparison report from a synthetic comparison.csv with known numbers, and the tornado and
/// spider charts from known swings.
@Suite struct ComparisonReportTests {
    /// Base and one alternative over 2026–2027: national risk 1% → 0.8% (difference −0.2 pp,
    /// paired se 0.01 pp, independent 0.05 pp); loss 100 → 90 with a cost of 2 bn a year.
    static func folder() throws -> String {
        let folder = try ReportFolderFixture.temporaryFolder()
        try ReportFolderFixture.write(try ReportFolderFixture.manifest(["kind": "comparison", "trials": 4096, "trials_run": 4096,
                                                                         "seed": 5, "tool_version": "9.9.9"]), folder, "manifest.json")
        var csv = "scenario,year,metric,statistic,value,se,difference,difference_se,difference_p05,difference_p95,relative_change,"
            + "prob_worse,independent_se,delta_cost_usd_bn,avoided_per_usd_bn,avoided_per_usd_bn_se\n"
        for year in [2026, 2027] {
            for statistic in ["mean", "p95", "p99"] {
                csv += "base,\(year),national_risk,\(statistic),0.01,0.0003,0,0,0,0,0,0,0.0004,NaN,NaN,NaN\n"
                csv += "base,\(year),economic_loss_usd_bn,\(statistic),100,1,0,0,0,0,0,0,1.4,NaN,NaN,NaN\n"
                csv += "alt,\(year),national_risk,\(statistic),0.008,0.0003,-0.002,0.0001,-0.004,0,-0.2,0.1,0.0005,2,0.001,0.00005\n"
                csv += "alt,\(year),economic_loss_usd_bn,\(statistic),90,1,-10,0.5,-20,1,-0.1,0.2,1.4,2,5,0.25\n"
            }
        }
        try ReportFolderFixture.write(csv, folder, "comparison.csv")
        return folder
    }

    @Test func headlineTableAndDifferenceCharts() throws {
        let document = try ReportDocument(folder: try Self.folder())
        #expect(document.kind == .comparison)
        let html = document.html
        #expect(html.contains("Scenario comparison: alt vs base"))
        #expect(html.contains("−0.2 pp (−20%)") && html.contains("± 0.01 pp paired standard error"))
        #expect(html.contains("Two independent runs would give ± 0.05 pp, 5× wider."))
        #expect(html.contains("US$ 20 bn"))                            // 10 bn avoided in each of two years
        #expect(html.contains("What a dollar buys") && html.contains("5 ± 0.25"))
        #expect(document.charts.map(\.id) == ["compare-difference-national_risk", "compare-difference-economic_loss_usd_bn",
                                               "compare-means-national_risk", "compare-means-economic_loss_usd_bn"])
        let probe = try SVGProbe(document.charts[0].standalone)
        let band = try probe.element("polygon", "data-series", "alt paired")
        let line = try probe.element("polyline", "data-series", "alt")
        let independent = try probe.elements("polyline", "data-series", "alt independent")
        #expect(independent.count == 2)
        // The paired band is narrower than the independent interval: its pixel height at a year
        // is 0.0001/0.0005 of theirs.
        let b = SVGProbe.points(band), upper = SVGProbe.points(independent[1]), lower = SVGProbe.points(independent[0])
        let pairedHeight = abs(b[0].y - b[b.count - 1].y), independentHeight = abs(upper[0].y - lower[0].y)
        #expect(abs(pairedHeight / independentHeight - 0.2) < 1e-3)   // pixels are written to 0.01
        #expect(SVGProbe.points(line).count == 2)
    }

    static let bars = [
        TornadoResults.Bar(parameter: "scenario.a", low: 0, base: 1, high: 2, valueLow: 9, valueBase: 10, valueHigh: 14),
        TornadoResults.Bar(parameter: "scenario.b", low: 1, base: 10, high: 100, valueLow: 11, valueBase: 10, valueHigh: 8),
        TornadoResults.Bar(parameter: "scenario.c", low: 0, base: 0.5, high: 1, valueLow: 10, valueBase: 10, valueHigh: 10),
    ]

    /// Bars run from the base to each end's value; the longest on top; a line at the base.
    @Test func tornadoBarsSpanFromTheBaseToEachEnd() throws {
        let sorted = Self.bars   // as tornado.csv lists them: largest swing first
        let probe = try SVGProbe(TornadoChart(bars: sorted).chart(id: "tornado-x", metric: "economic_loss_usd_bn", year: 2035).standalone)
        let rects = try probe.elements("rect", "class", "bar")
        let low = rects.filter { SVGProbe.attribute($0, "data-end") == "low" }
        let high = rects.filter { SVGProbe.attribute($0, "data-end") == "high" }
        #expect(low.count == 3 && high.count == 3)
        let base = try probe.element("line", "class", "base")
        let baseX = SVGProbe.number(base, "x1")
        // a: low end 9 left of the base, high end 14 right; widths in the ratio 1 : 4.
        #expect(abs(SVGProbe.number(low[0], "x") + SVGProbe.number(low[0], "width") - baseX) < 0.005)
        #expect(abs(SVGProbe.number(high[0], "x") - baseX) < 0.005)
        #expect(abs(SVGProbe.number(high[0], "width") / SVGProbe.number(low[0], "width") - 4) < 1e-9)
        #expect(SVGProbe.number(rects[0], "y") < SVGProbe.number(rects[2], "y"))     // a above b
        #expect(SVGProbe.number(low[2], "width") == 0)
    }

    /// Spider lines run through (0, low), (base position, base), (1, high); a log-scale
    /// parameter's base sits at its log position (10 in [1, 100]: the middle).
    @Test func spiderLinesPassThroughTheBase() throws {
        let chart = SpiderChart(bars: Self.bars, logScale: ["scenario.b"])
        #expect(chart.position(Self.bars[0]) == 0.5)
        #expect(abs(chart.position(Self.bars[1]) - 0.5) < 1e-12)
        #expect(SpiderChart(bars: Self.bars).position(Self.bars[1]) == 9.0 / 99)
        let probe = try SVGProbe(chart.chart(id: "spider-x", metric: "economic_loss_usd_bn", year: 2035).standalone)
        let a = SVGProbe.points(try probe.element("polyline", "data-series", "scenario.a"))
        #expect(a.count == 3)
        #expect(abs(a[1].x - (a[0].x + a[2].x) / 2) < 0.005)
    }
}
