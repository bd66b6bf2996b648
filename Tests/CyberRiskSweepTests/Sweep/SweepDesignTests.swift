import Testing
@testable import CyberRisk
@testable import CyberRiskSweep

@Suite struct SweepDesignTests {
    @Test func gridVariesTheLastParameterFastestAndHitsTheEnds() throws {
        let a = SweepParameter(path: try ConfigPath(parsing: "a"), domain: .values([1, 2]))
        let b = SweepParameter(path: try ConfigPath(parsing: "b"), domain: .logRange(1e5, 1e8), steps: 4)
        #expect(b.gridValues() == [1e5, 1e6, 1e7, 1e8])
        let points = SweepDesign.points(.grid, parameters: [a, b], samples: 0, seed: 1, scramble: false)
        #expect(points.count == 8)
        #expect(points[0] == [1, 1e5] && points[1] == [1, 1e6] && points[4] == [2, 1e5] && points[7] == [2, 1e8])
        let c = SweepParameter(path: try ConfigPath(parsing: "c"), domain: .range(0, 0.08), steps: 5)
        #expect(c.gridValues() == [0, 0.02, 0.04, 0.06, 0.08])
    }
}
