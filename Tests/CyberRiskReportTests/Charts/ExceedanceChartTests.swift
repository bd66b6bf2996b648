import Foundation
import Testing
@testable import CyberRisk
@testable import CyberRiskReport

@Suite struct ExceedanceChartTests {
    static let early = RunResults.Curve(thresholds: [0, 1, 2, 4], probabilities: [1, 0.5, 0.01, 0])
    static let late = RunResults.Curve(thresholds: [0, 1, 2, 4], probabilities: [1, 0.8, 0.1, 0.002])

    @Test func tailsGoOnALogProbabilityAxisAndZeroProbabilitiesAreLeftOut() throws {
        let chart = ExceedanceChart.chart(metric: "economic_loss_usd_bn",
                                          curves: [(2026, Self.early), (2035, Self.late)], trials: 1000)
        let probe = try SVGProbe(chart.standalone)
        // x: 0…4 (largest threshold with P > 0) over 64…580; y: 10⁻³…1 over 290…48.
        func x(_ t: Double) -> Double { 64 + t / 4 * 516 }
        func y(_ p: Double) -> Double { 290 - (log10(p) + 3) / 3 * 242 }
        let first = SVGProbe.points(try probe.element("polyline", "data-series", "2026"))
        #expect(first.count == 3)
        for (got, want) in zip(first, [(x(0), y(1)), (x(1), y(0.5)), (x(2), y(0.01))]) {
            #expect(abs(got.x - want.0) <= 0.005 && abs(got.y - want.1) <= 0.005, "\(got) vs \(want)")
        }
        let last = SVGProbe.points(try probe.element("polyline", "data-series", "2035"))
        #expect(last.count == 4)
        #expect(abs(last[3].x - x(4)) <= 0.005 && abs(last[3].y - y(0.002)) <= 0.005)
        let titles = try probe.elements("text", "class", "axis-title").map(\.stringValue!)
        #expect(titles.contains("chance of exceeding, % (log scale)"))
        #expect(titles.contains("economic loss, US$ bn per year"))
        let yLabels = try probe.tickLabels("y")
        #expect(yLabels == ["0.1%", "1%", "10%", "100%"])
    }

    @Test func curvesWithoutATailStayOnLinearAxesFromZero() throws {
        let flat = RunResults.Curve(thresholds: [0, 1, 2], probabilities: [1, 0.6, 0.2])
        let probe = try SVGProbe(ExceedanceChart.chart(metric: "national_risk", curves: [(2026, flat)], trials: 100).standalone)
        let labels = try probe.tickLabels("y")
        #expect(labels.first == "0%" && labels.last == "100%")
        let xLabels = try probe.tickLabels("x")
        #expect(xLabels.first == "0%")
    }

    @Test func aWideInformativeRangeGetsALogValueAxis() throws {
        // Certain up to 0.01, still possible at 100: four decades.
        let wide = RunResults.Curve(thresholds: [0, 0.001, 0.01, 1, 100, 200], probabilities: [1, 1, 1, 0.3, 0.01, 0])
        let chart = ExceedanceChart.chart(metric: "economic_loss_usd_bn", curves: [(2026, wide)], trials: 1000)
        let titles = try SVGProbe(chart.standalone).elements("text", "class", "axis-title").map(\.stringValue!)
        #expect(titles.contains("economic loss, US$ bn per year (log scale)"))
    }

    @Test func firstMiddleAndLastYear() {
        #expect(RunReport.exceedanceYears(Array(2026...2035)) == [2026, 2030, 2035])
        #expect(RunReport.exceedanceYears([2026, 2027]) == [2026, 2027])
        #expect(RunReport.exceedanceYears([2026]) == [2026])
    }
}
