import Foundation
import Testing
@testable import CyberRisk
@testable import CyberRiskReport

/// The sensitivity part of the report: `sensitivity.csv` read back, the bars drawn where the
/// indices say, and the section present only for sensitivity folders.
@Suite struct IndexBarChartTests {
    typealias F = ReportFolderFixture

    /// The fixture sweep plus a `sensitivity.csv` (two years) and `sensitivity_noise.csv`.
    func sensitivityFolder() throws -> String {
        let folder = try F.sweep(design: "saltelli")
        var csv = "year,metric,parameter,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi\n"
        for year in [2034, 2035] {
            csv += "\(year),national_risk,\(F.rate),0.2,0.1,0.3,0.25,0.2,0.3\n"
            csv += "\(year),national_risk,\(F.decline),0.7,0.5,0.9,0.8,0.6,1.1\n"
            csv += "\(year),economic_loss_usd_bn,\(F.rate),NaN,NaN,NaN,NaN,NaN,NaN\n"
            csv += "\(year),economic_loss_usd_bn,\(F.decline),-0.1,-0.3,0.05,0.02,0.01,0.04\n"
        }
        try csv.write(toFile: folder + "/sensitivity.csv", atomically: true, encoding: .utf8)
        try "year,metric,variance,noise_variance,noise_share\n2035,national_risk,1e-6,2e-8,0.02\n"
            .write(toFile: folder + "/sensitivity_noise.csv", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func readsTheLastYearRankedByTotalIndex() throws {
        let s = try SensitivityResults(folder: try sensitivityFolder())
        #expect(s.year == 2035)
        #expect(s.parameters == [F.rate, F.decline])
        let national = s.entries(metric: "national_risk", year: 2035)
        #expect(national.map(\.parameter) == [F.decline, F.rate])
        #expect(national[0] == .init(parameter: F.decline, s1: 0.7, s1Low: 0.5, s1High: 0.9, st: 0.8, stLow: 0.6, stHigh: 1.1))
        // Undefined indices rank last.
        #expect(s.entries(metric: "economic_loss_usd_bn", year: 2035).map(\.parameter) == [F.decline, F.rate])
        #expect(s.noiseShare(metric: "national_risk", year: 2035) == 0.02)
        #expect(s.noiseShare(metric: "economic_loss_usd_bn", year: 2035) == nil)
    }

    @Test func barsAndIntervalsSitAtTheirValues() throws {
        let s = try SensitivityResults(folder: try sensitivityFolder())
        let chart = IndexBarChart(entries: s.entries(metric: "economic_loss_usd_bn", year: 2035))
            .chart(id: "sensitivity-economic_loss_usd_bn", title: "Economic loss")
        let probe = try SVGProbe(chart.standalone)
        // x: −0.3 (lowest interval end) … 1 over [left, 580]; left = the label column's width.
        let left = Legend.textWidth(IndexBarChart.label(F.decline)) + 16
        let width = max(60, left)
        func x(_ v: Double) -> Double { width + (v + 0.3) / 1.3 * (580 - width) }
        let bars = try probe.elements("rect", "class", "bar")
        // The undefined parameter draws no bars; the other draws S1 (negative) and ST.
        #expect(bars.count == 2)
        let s1 = try #require(bars.first { SVGProbe.attribute($0, "data-index") == "S1" })
        #expect(abs(SVGProbe.number(s1, "x") - x(-0.1)) <= 0.006)
        #expect(abs(SVGProbe.number(s1, "width") - (x(0) - x(-0.1))) <= 0.012)
        let st = try #require(bars.first { SVGProbe.attribute($0, "data-index") == "ST" })
        #expect(abs(SVGProbe.number(st, "x") - x(0)) <= 0.006)
        #expect(abs(SVGProbe.number(st, "width") - (x(0.02) - x(0))) <= 0.012)
        let intervals = try probe.elements("line", "class", "interval")
        #expect(intervals.count == 2)
        #expect(abs(SVGProbe.number(intervals[0], "x1") - x(-0.3)) <= 0.006)
        #expect(abs(SVGProbe.number(intervals[0], "x2") - x(0.05)) <= 0.006)
        let labels = try probe.elements("text", "class", "parameter").map { $0.stringValue ?? "" }
        #expect(labels.map { $0.hasSuffix(IndexBarChart.label(F.decline)) } == [true, false])
    }

    @Test func sensitivityFoldersGetTheIndicesFirst() throws {
        let document = try ReportDocument(folder: try sensitivityFolder())
        #expect(document.kind == .sweep)
        #expect(document.charts.prefix(2).map(\.id) == ["sensitivity-national_risk", "sensitivity-economic_loss_usd_bn"])
        #expect(document.html.contains("Sensitivity analysis: baseline"))
        #expect(document.html.contains("Inner Monte-Carlo noise is 2% of the variance"))
        let plain = try ReportDocument(folder: try F.sweep())
        #expect(!plain.charts.contains { $0.id.hasPrefix("sensitivity-") })
        #expect(!plain.html.contains("Sensitivity analysis"))
    }
}
