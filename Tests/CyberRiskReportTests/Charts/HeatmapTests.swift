import Testing
@testable import CyberRisk
@testable import CyberRiskReport

@Suite struct HeatmapTests {
    @Test func cellsSitInTheirRowAndColumnColouredFromZero() throws {
        let map = Heatmap(rows: ["A", "B"], columns: ["2026", "2027"], values: [[0.01, 0.02], [0, 0.04]],
                          format: .percent, columnTitle: "year", valueTitle: "mean inoperability, %")
        let probe = try SVGProbe(map.chart(id: "h", title: "t").standalone)
        let cells = try probe.elements("rect", "class", "cell")
        #expect(cells.count == 4)
        // Plot: x 60…1070 (labels need less than the 60 px minimum), rows 24 px from y = 48.
        let b2027 = cells.first { SVGProbe.attribute($0, "data-row") == "B"
            && SVGProbe.attribute($0, "data-column") == "2027" }!
        #expect(SVGProbe.number(b2027, "x") == 565)
        #expect(SVGProbe.number(b2027, "y") == 72)
        #expect(SVGProbe.number(b2027, "width") == 505)
        // The colour scale runs from 0 (dark) to the maximum 4% (yellow).
        #expect(SVGProbe.attribute(b2027, "fill") == ColorMap.viridis(1))
        let b2026 = cells.first { SVGProbe.attribute($0, "data-row") == "B"
            && SVGProbe.attribute($0, "data-column") == "2026" }!
        #expect(SVGProbe.attribute(b2026, "fill") == "#440154")
        let a2027 = cells.first { SVGProbe.attribute($0, "data-row") == "A"
            && SVGProbe.attribute($0, "data-column") == "2027" }!
        #expect(SVGProbe.attribute(a2027, "fill") == ColorMap.viridis(0.5))
        let labels = try probe.elements("text", "class", "cell-label").map(\.stringValue!)
        #expect(labels == ["1%", "2%", "0%", "4%"])
    }

    @Test func viridisEndsAndDarkness() {
        #expect(ColorMap.viridis(0) == "#440154")
        #expect(ColorMap.viridis(1) == "#FDE725")
        #expect(ColorMap.viridis(2) == "#FDE725")
        #expect(ColorMap.viridis(.nan) == "#CCCCCC")
        #expect(ColorMap.isDark(0.1) && !ColorMap.isDark(0.9))
    }
}
