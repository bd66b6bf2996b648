import Foundation
import Testing
@testable import CyberRisk
@testable import CyberRiskSweep

@Suite struct SobolSequenceTests {
    /// Fixture written by scripts/sobol_directions.py from SciPy's `qmc.Sobol(512, scramble=False, bits=32)`.
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sobol_scipy_32bit.csv")

    @Test func matchesSciPyBitForBit() throws {
        let lines = try String(contentsOf: Self.fixture, encoding: .utf8).split(separator: "\n")
        let dims = lines[0].split(separator: ",").dropFirst().map { Int($0.dropFirst())! }
        let s = SobolSequence(dimensions: SobolSequence.maximumDimensions)
        #expect(lines.count == 257)
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",").map { UInt64($0)! }
            let point = s.integerPoint(cells[0])
            for (k, d) in dims.enumerated() {
                #expect(UInt64(point[d]) == cells[k + 1], "index \(cells[0]) dimension \(d)")
            }
        }
    }

    @Test(arguments: [false, true])
    func everyDyadicBlockStratifiesEachDimension(scrambled: Bool) {
        let s = SobolSequence(dimensions: 8, scrambleSeed: scrambled ? 42 : nil)
        let m = 6, n = 1 << m
        for start in [0, n, 5 * n] {
            for j in 0..<8 {
                let cells = Set((start..<(start + n)).map { Int(s.point(UInt64($0))[j] * Double(n)) })
                #expect(cells.count == n, "block at \(start), dimension \(j)")
            }
        }
        if scrambled { #expect(s.point(0) != [Double](repeating: 0, count: 8)) }
    }
}
