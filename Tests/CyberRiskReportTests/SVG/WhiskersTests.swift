import Testing
@testable import CyberRisk
@testable import CyberRiskReport

@Suite struct WhiskersTests {
    @Test func pointsAndBarsMapToPixelsAndSharedXsAreSpreadSideways() throws {
        let w = Whiskers(label: "m", x: [1, 1, 2], y: [5, 6, 7], lower: [4, 5, 6], upper: [6, 8, 9], color: "#000")
        #expect(w.offsets() == [-3.5, 3.5, 0])
        let xs = Scale(domain: 0, 2, pixels: 0, 200), ys = Scale(domain: 0, 10, pixels: 100, 0)
        let probe = try SVGProbe(w.markup(x: xs, y: ys).rendered)
        let dots = try probe.elements("circle")
        #expect(dots.map { SVGProbe.number($0, "cx") } == [96.5, 103.5, 200])
        #expect(dots.map { SVGProbe.number($0, "cy") } == [50, 40, 30])
        let bars = try probe.elements("line")
        #expect(bars.map { SVGProbe.number($0, "y1") } == [60, 50, 40])
        #expect(bars.map { SVGProbe.number($0, "y2") } == [40, 20, 10])
    }
}
