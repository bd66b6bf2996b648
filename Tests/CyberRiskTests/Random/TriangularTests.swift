import StatisticalTesting
import Testing
@_spi(Engine) @testable import CyberRisk

@Suite struct TriangularTests {
    struct Shape: Sendable, CustomTestStringConvertible {
        var lower: Double, mode: Double, upper: Double
        var testDescription: String { "Triangular(\(lower), \(mode), \(upper))" }
    }

    @Test("in bounds; mean (a+b+c)/3, variance (a²+b²+c²−ab−ac−bc)/18 (kurtosis 12/5); KS",
          arguments: [Shape(lower: 0, mode: 1, upper: 4), Shape(lower: 2, mode: 2, upper: 3),
                      Shape(lower: -1, mode: 5, upper: 5)])
    func fit(_ s: Shape) {
        let (a, c, b) = (s.lower, s.mode, s.upper)
        let xs = GoodnessOfFit.draws(seed: 701) { Triangular.sample(lower: a, mode: c, upper: b, using: &$0) }
        #expect(xs.allSatisfy { $0 >= a && $0 <= b })
        GoodnessOfFit.expectMoments(xs, mean: (a + b + c) / 3,
                                    variance: (a * a + b * b + c * c - a * b - a * c - b * c) / 18,
                                    kurtosis: 2.4)
        GoodnessOfFit.expectFit(xs) { ReferenceCDF.triangular($0, lower: a, mode: c, upper: b) }
    }

    @Test("lower == upper gives lower")
    func degenerate() {
        var rng = RandomStream(seed: 702, trial: 0, stream: 0, site: 0)
        #expect(Triangular.sample(lower: 7, mode: 7, upper: 7, using: &rng) == 7)
    }
}
