import Foundation
import Testing
@testable import CyberRisk
@testable import CyberRiskReport

/// Tolerances on the charts: read from tolerances.csv, a line at `max` on the fan chart, a line
/// and the `(max, 1 − q)` point on the exceedance chart, the first breach in the headline.
@Suite struct ToleranceMarkTests {
    static let mark = ToleranceMark(name: "national_risk:p95", metric: "national_risk", statistic: "p95", max: 0.6,
                                    years: [2026, 2027, 2028], breached: [false, true, true], values: [0.5, 0.61, 0.8])

    @Test func readsTolerancesCSV() throws {
        let folder = try ReportFolderFixture.temporaryFolder()
        #expect(try ToleranceMark.read(folder: folder).isEmpty)
        try ReportFolderFixture.write("""
            scenario,year,tolerance,metric,statistic,max,value,se,breached,probability_of_exceeding
            b,2026,national_risk:p95,national_risk,p95,0.6,0.5,0.01,false,0.01
            b,2027,national_risk:p95,national_risk,p95,0.6,0.61,0.01,true,0.06
            b,2028,national_risk:p95,national_risk,p95,0.6,0.8,0.01,true,0.2
            """ + "\n", folder, "tolerances.csv")
        let marks = try ToleranceMark.read(folder: folder)
        #expect(marks == [Self.mark])
        #expect(marks[0].firstBreach == 2027)
        #expect(marks[0].exceedanceLevel.map { abs($0 - 0.05) < 1e-12 } == true)
        #expect(ToleranceMark(name: "x", metric: "m", statistic: "p995", max: 1, years: [], breached: [], values: []).exceedanceLevel
                    .map { abs($0 - 0.005) < 1e-12 } == true)
        #expect(ToleranceMark(name: "x", metric: "m", statistic: "mean", max: 1, years: [], breached: [], values: []).exceedanceLevel == nil)
    }

    /// The fan chart's y axis (0…0.8 here) keeps the line at 0.6: y = 290 − 0.6/0.8·242.
    @Test func fanChartDrawsTheLineAtMax() throws {
        let probe = try SVGProbe(FanChart.chart(series: FanChartTests.series, tolerances: [Self.mark]).standalone)
        let line = try probe.element("polyline", "data-series", "national_risk:p95")
        for p in SVGProbe.points(line) { #expect(abs(p.y - FanChartTests.y(0.6)) < 0.005) }
        #expect(SVGProbe.attribute(line, "stroke-dasharray") == ToleranceMark.dash)
        #expect(try probe.elements("text", "class", "tolerance-label").first?.stringValue == "tolerance: p95 ≤ 60%")
        // Far above the data it is left off the chart, and the caption says so.
        var high = Self.mark
        high.max = 5
        let chart = FanChart.chart(series: FanChartTests.series, tolerances: [high])
        #expect(try SVGProbe(chart.standalone).elements("polyline", "data-series", "national_risk:p95").isEmpty)
        #expect(chart.caption.contains("(above the chart)"))
    }

    @Test func exceedanceChartMarksTheTolerancePoint() throws {
        let curve = RunResults.Curve(thresholds: [0, 0.2, 0.4, 0.6, 0.8], probabilities: [1, 0.5, 0.2, 0.1, 0.01])
        let chart = ExceedanceChart.chart(metric: "national_risk", curves: [(2028, curve)], trials: 1000, tolerances: [Self.mark])
        let probe = try SVGProbe(chart.standalone)
        let line = try probe.element("line", "class", "tolerance")
        let point = try probe.element("circle", "class", "tolerance-point")
        #expect(SVGProbe.attribute(line, "x1") == SVGProbe.attribute(point, "cx"))
        let data = try probe.element("polyline", "data-series", "2028")
        let px = SVGProbe.points(data)
        // The point (0.6, 5%) sits between the curve's pixels at 0.6 (10%) and the axis bottom.
        #expect(abs(px[3].x - SVGProbe.number(point, "cx")) < 0.005)
        #expect(SVGProbe.number(point, "cy") > px[3].y)
        #expect(chart.caption.contains("breaches it"))
    }

    @Test func theHeadlineStatesTheFirstBreach() throws {
        let folder = try ReportFolderFixture.forecast()
        try ReportFolderFixture.write("""
            scenario,year,tolerance,metric,statistic,max,value,se,breached,probability_of_exceeding
            baseline,2026,nat,national_risk,mean,0.0055,0.005,0,false,0.4
            baseline,2027,nat,national_risk,mean,0.0055,0.006,0,true,0.5
            baseline,2028,nat,national_risk,mean,0.0055,0.008,0,true,0.6
            """ + "\n", folder, "tolerances.csv")
        let html = try RunReport(results: RunResults(folder: folder)).html
        #expect(html.contains("breached from 2027"))
        #expect(html.contains("nat (mean ≤ 0.55%): first breached in 2027"))
    }
}
