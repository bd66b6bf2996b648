import Testing
@testable import CyberRisk
@testable import CyberRiskReport

/// The fan chart's plot rectangle is x 64…580, y 48…290 (600 × 360 with margins 48/20/70/64);
/// years run from x = 74 to 570 (10 px inset). These tests compute pixels by hand from that.
@Suite struct FanChartTests {
    static let series = MetricSeries(metric: "national_risk", years: [2026, 2027, 2028], columns: [
        "p05": [0.1, 0.2, 0.3], "p25": [0.2, 0.3, 0.4], "p50": [0.3, 0.4, 0.5],
        "p75": [0.4, 0.5, 0.6], "p95": [0.5, 0.6, 0.8], "mean": [0.31, 0.42, 0.52],
    ])

    /// y pixel of a value on the 0…0.8 axis.
    static func y(_ v: Double) -> Double { 290 - v / 0.8 * 242 }

    func expectPoints(_ got: [(x: Double, y: Double)], _ want: [(Double, Double)]) {
        #expect(got.count == want.count)
        for (g, w) in zip(got, want) {
            #expect(abs(g.x - w.0) <= 0.005 && abs(g.y - w.1) <= 0.005, "\(g) vs \(w)")
        }
    }

    @Test func medianAndMeanLinesMapTheDataToPixels() throws {
        let probe = try SVGProbe(FanChart.chart(series: Self.series).standalone)
        let median = try probe.element("polyline", "data-series", "median")
        expectPoints(SVGProbe.points(median), [(74, Self.y(0.3)), (322, Self.y(0.4)), (570, Self.y(0.5))])
        let mean = try probe.element("polyline", "data-series", "mean")
        expectPoints(SVGProbe.points(mean), [(74, Self.y(0.31)), (322, Self.y(0.42)), (570, Self.y(0.52))])
        #expect(SVGProbe.attribute(mean, "stroke-dasharray") == "7 4")
    }

    @Test func bandsRunAlongTheUpperBoundThenBackAlongTheLower() throws {
        let probe = try SVGProbe(FanChart.chart(series: Self.series).standalone)
        let outer = try probe.element("polygon", "data-series", "p05-p95")
        expectPoints(SVGProbe.points(outer), [(74, Self.y(0.5)), (322, Self.y(0.6)), (570, 48),
                                              (570, Self.y(0.3)), (322, Self.y(0.2)), (74, Self.y(0.1))])
        let inner = try probe.element("polygon", "data-series", "p25-p75")
        expectPoints(SVGProbe.points(inner), [(74, Self.y(0.4)), (322, Self.y(0.5)), (570, Self.y(0.6)),
                                              (570, Self.y(0.4)), (322, Self.y(0.3)), (74, Self.y(0.2))])
    }

    @Test func theValueAxisStartsAtZeroWithPercentLabelsAndAUnit() throws {
        let probe = try SVGProbe(FanChart.chart(series: Self.series).standalone)
        #expect(try probe.tickLabels("y") == ["0%", "20%", "40%", "60%", "80%"])
        let axis = try probe.elements("g", "class", "axis axis-y")[0]
        let labels = try SVGProbe.descendants(axis, "text").filter { SVGProbe.attribute($0, "class") == "tick-label" }
        #expect(SVGProbe.number(labels[0], "y") == 290)
        #expect(SVGProbe.number(labels[4], "y") == 48)
        let title = try SVGProbe.descendants(axis, "text").last!
        #expect(title.stringValue == "national risk, % of critical-sector operation lost (weighted)")
        #expect(try probe.tickLabels("x") == ["2026", "2027", "2028"])
    }

    @Test func wholeNumberMetricsAreDrawnAsYearlySteps() throws {
        let counts = MetricSeries(metric: "sectors_disrupted", years: [2026, 2027], columns: [
            "p05": [0, 0], "p25": [0, 0], "p50": [0, 1], "p75": [0, 1], "p95": [1, 2], "mean": [0.2, 0.9],
        ])
        let probe = try SVGProbe(FanChart.chart(series: counts).standalone)
        // Steps: x from 2025.5 to 2027.5 over the plot 64…580, so a year is 258 px wide.
        // y: 0…2 over 290…48, 121 px per sector.
        let median = try probe.element("polyline", "data-series", "median")
        expectPoints(SVGProbe.points(median), [(64, 290), (322, 290), (322, 169), (580, 169)])
        #expect(try probe.tickLabels("y") == ["0", "0.5", "1", "1.5", "2"])
        // The mean is not a whole number: a line through the years' midpoints.
        let mean = try SVGProbe.descendants(try probe.elements("g", "data-series", "mean")[0], "polyline")[0]
        expectPoints(SVGProbe.points(mean), [(193, 290 - 0.2 * 121), (451, 290 - 0.9 * 121)])
    }

    @Test func missingValuesAreLeftOutNotDrawnAtZero() throws {
        var gappy = Self.series
        gappy.columns["p50"] = [0.3, .nan, 0.5]
        let probe = try SVGProbe(FanChart.chart(series: gappy).standalone)
        let median = try probe.element("polyline", "data-series", "median")
        expectPoints(SVGProbe.points(median), [(74, Self.y(0.3)), (570, Self.y(0.5))])
    }
}
