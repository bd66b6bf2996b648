import Testing
@testable import CyberRisk

/// The worked examples of the Inoperability Input-Output Model's papers, through `StressTest`
/// (a scenario with these matrices, `κ = 0` and no lifeline overlay, so `A(t) = A` in every year)
/// in both cascade modes.
///
/// - Haimes, Y. Y. & Jiang, P. (2001). Leontief-based model of risk in complex interconnected
///   infrastructures. *Journal of Infrastructure Systems* 7(1), 1–12: the two-sector example
///   `A = [[0, 0.8], [0.2, 0]]`, `c = (0, 0.6)` ⇒ `q = (0.571, 0.714)` (exactly `(0.4/0.7, 0.5/0.7)`),
///   and the four-sector example `A = [[0, 0.9, 0, 0], [0.4, 0, 0, 0], [1, 0.8, 0, 0], [1, 0.9, 0, 0]]`,
///   `c = (0, 0.5, 0, 0)` ⇒ `q = (0.70, 0.78, 1, 1)`: sectors 3 and 4 would exceed 1 and are
///   completely inoperable (the unsaturated pair is exactly `(0.45/0.64, 0.5/0.64)`). The matrix
///   and answer as used by the test suites of stigrs/diim (`tests/test_case8.csv`, test case 3) and
///   stigrs/diimpy (test case 2).
/// - Lian, C. & Haimes, Y. Y. (2006). Managing the risk of terrorism to interdependent
///   infrastructure systems through the dynamic inoperability input–output model. *Systems
///   Engineering* 9(3), 241–258: the two-by-two economy `A = [[0.15, 0.5], [0.1, 0.05]]`,
///   `c = (0, 0.1)` ⇒ `q = (0.066, 0.112)` (exactly `(0.05/0.7575, 0.085/0.7575)`), the
///   equilibrium of its dynamic model.
///
/// The papers print two or three decimals; the tests check those, and the exact solutions of
/// `q = min(1, A q + c)` to 1e-12.
@Suite struct PublishedIIMExampleTests {
    struct Example: Sendable, CustomTestStringConvertible {
        var name: String
        var matrix: [[Double]]
        var shock: [Double]
        /// As printed in the paper.
        var published: [Double]
        /// Tolerance of the printed figures (half a unit of the last printed digit).
        var printedTolerance: Double
        /// The exact solution.
        var exact: [Double]

        var testDescription: String { name }
    }

    static let examples: [Example] = [
        Example(name: "Haimes & Jiang 2001, two sectors", matrix: [[0, 0.8], [0.2, 0]], shock: [0, 0.6],
                published: [0.571, 0.714], printedTolerance: 0.0005, exact: [0.4 / 0.7, 0.5 / 0.7]),
        Example(name: "Haimes & Jiang 2001, four sectors with saturation",
                matrix: [[0, 0.9, 0, 0], [0.4, 0, 0, 0], [1, 0.8, 0, 0], [1, 0.9, 0, 0]], shock: [0, 0.5, 0, 0],
                published: [0.70, 0.78, 1, 1], printedTolerance: 0.005, exact: [0.45 / 0.64, 0.5 / 0.64, 1, 1]),
        Example(name: "Lian & Haimes 2006, two-by-two economy", matrix: [[0.15, 0.5], [0.1, 0.05]], shock: [0, 0.1],
                published: [0.066, 0.112], printedTolerance: 0.0005, exact: [0.05 / 0.7575, 0.085 / 0.7575]),
    ]

    /// A scenario whose `A(t)` is `matrix` in every year.
    static func scenario(_ matrix: [[Double]], mode: CascadeMode) -> Scenario {
        let n = matrix.count
        let sectors = (0..<n).map { ScenarioFixtures.sector("s\($0 + 1)") }
        return ScenarioFixtures.scenario(sectors: sectors, matrix: matrix.flatMap { $0 }, kappa: .fixed(0), mode: mode)
    }

    @Test(arguments: examples, [CascadeMode.linear, .saturating])
    func stressTestReproducesThePublishedExample(_ example: Example, mode: CascadeMode) throws {
        let s = Self.scenario(example.matrix, mode: mode)
        let shocks = Dictionary(uniqueKeysWithValues: example.shock.enumerated().map { ("s\($0.offset + 1)", $0.element) })
        let result = try StressTest(scenario: s, year: 2027, shocks: shocks)
        #expect(result.matrix == example.matrix.flatMap { $0 }, "A(t) must be the published A")
        for i in example.shock.indices {
            let q = result.inoperability[i]
            #expect(abs(q - example.published[i]) <= example.printedTolerance,
                    "\(example.name), \(mode): q[\(i)] = \(q), published \(example.published[i])")
            #expect(abs(q - example.exact[i]) < 1e-12, "\(example.name), \(mode): q[\(i)] = \(q), exact \(example.exact[i])")
        }
    }

    /// The four-sector example needs the clamp: unclamped, sectors 3 and 4 reach 1.33 and 1.41.
    @Test func fourSectorExampleSaturatesOnlyTheDependentSectors() throws {
        let example = Self.examples[1]
        let a = example.matrix
        let q1 = example.exact[0], q2 = example.exact[1]
        let unclamped3 = a[2][0] * q1 + a[2][1] * q2, unclamped4 = a[3][0] * q1 + a[3][1] * q2
        #expect(unclamped3 > 1.3 && unclamped4 > 1.4)
        let s = Self.scenario(a, mode: .linear)
        let result = try StressTest(scenario: s, year: 2026, shocks: ["s2": 0.5])
        #expect(result.inoperability[2] == 1 && result.inoperability[3] == 1)
        #expect(result.sectorsDisrupted == 4)
    }
}
