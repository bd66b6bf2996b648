import Testing
@testable import CyberRisk
@testable import CyberRiskReport

/// Whole-number metrics are drawn as chances of each count, read from the exceedance curves.
@Suite struct CountDistributionChartTests {
    /// P(X > k) for k = 0…4 in two years.
    static let curves: [Int: RunResults.Curve] = [
        2026: .init(thresholds: [0, 1, 2, 3, 4], probabilities: [0.10, 0.02, 0.004, 0.001, 0]),
        2027: .init(thresholds: [0, 1, 2, 3, 4], probabilities: [0.30, 0.10, 0.03, 0.005, 0]),
    ]

    @Test func stackedBarsHoldTheChanceOfEachCountAboveZero() throws {
        let chart = try #require(CountDistributionChart.chart(metric: "sectors_disrupted", years: [2026, 2027], curves: Self.curves))
        #expect(chart.id == "distribution-sectors_disrupted")
        let probe = try SVGProbe(chart.standalone)
        let bars = try probe.elements("rect", "class", "bar")
        // m = 4 (P(X ≥ 4) < 1% in both years): 1, 2, 3 and "4 or more" per year.
        func value(_ year: Int, _ count: Int) -> Double? {
            bars.first { SVGProbe.attribute($0, "data-year") == "\(year)" && SVGProbe.attribute($0, "data-count") == "\(count)" }
                .map { SVGProbe.number($0, "data-value") }
        }
        #expect(abs(value(2027, 1)! - 0.20) < 1e-12)
        #expect(abs(value(2027, 2)! - 0.07) < 1e-12)
        #expect(abs(value(2027, 3)! - 0.025) < 1e-12)
        #expect(abs(value(2027, 4)! - 0.005) < 1e-12)
        #expect(abs(value(2026, 1)! - 0.08) < 1e-12)
        // Stacks add up to P(X ≥ 1), written above each bar.
        let labels = try probe.elements("text", "class", "bar-label").map(\.stringValue!)
        #expect(labels == ["10%", "30%"])
        let legend = try probe.elements("g", "class", "legend").first.map { try SVGProbe.descendants($0, "text").map(\.stringValue!) }
        #expect(legend == ["1 sector", "2 sectors", "3 sectors", "4 or more sectors"])
        #expect(chart.caption.contains("the rest of the futures have 0 sectors"))
    }

    @Test func oneYearBarsAddUpToOne() throws {
        let chart = try #require(CountDistributionChart.chart(metric: "sectors_disrupted", year: 2027, curve: Self.curves[2027]!))
        let probe = try SVGProbe(chart.standalone)
        let values = try probe.elements("rect", "class", "bar").map { SVGProbe.number($0, "data-value") }
        let want = [0.70, 0.20, 0.07, 0.025, 0.005]
        #expect(values.count == want.count)
        for (v, w) in zip(values, want) { #expect(abs(v - w) < 1e-12) }
        #expect(abs(values.reduce(0, +) - 1) < 1e-12)
    }

    @Test func curvesWithoutTheNeededCountsGiveNoChart() {
        let sparse: [Int: RunResults.Curve] = [2026: .init(thresholds: [0, 5, 40], probabilities: [0.5, 0.1, 0])]
        #expect(CountDistributionChart.chart(metric: "sectors_disrupted", years: [2026], curves: sparse) == nil)
        #expect(CountDistributionChart.chart(metric: "sectors_disrupted", year: 2026, curve: sparse[2026]!) == nil)
        #expect(CountDistributionChart.exceeding(50, in: sparse[2026]!) == 0)
    }
}

/// A legend wraps inside its chart, which grows by a row.
@Suite struct LegendTests {
    @Test func entriesWrapBeforeTheRightEdge() {
        let legend = Legend(entries: [.line("at expected inputs", Palette.blue), .band("range of the uncertain inputs", Palette.blue, 0.2)])
        #expect(legend.rows(x: 64) == 1)
        #expect(legend.rows(x: 64, right: 396) == 2)
        let places = legend.layout(x: 64, right: 396)
        #expect(places.map(\.row) == [0, 1] && places.map(\.x) == [64, 64])
        for (entry, place) in zip(legend.entries, places) {
            #expect(place.x + 28 + Legend.textWidth(entry.label) <= 396)
        }
    }

    @Test func anAssumptionChartWithAnUncertainInputKeepsItsLegendInside() throws {
        let s = try ScenarioCatalog.resolve(path: nil, overrides: ["horizon_years=3",
                                                                   "scenario.iot.devices_bn.rate={pert: [0.1, 0.16, 0.3]}"]).scenario
        let chart = AssumptionChart.iotDevices(s)
        #expect(chart.height == AssumptionChart.height + Legend.rowHeight)
        let probe = try SVGProbe(chart.standalone)
        let texts = try SVGProbe.descendants(try probe.elements("g", "class", "legend")[0], "text")
        for t in texts {
            #expect(SVGProbe.number(t, "x") + Legend.textWidth(t.stringValue!) <= chart.width, "\(t.stringValue!)")
            #expect(SVGProbe.number(t, "y") <= chart.height)
        }
    }
}
