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

@Suite struct LatinHypercubeTests {
    @Test func oneSampleInEachStratumAndSeeded() {
        let n = 50
        let u = LatinHypercube.points(samples: n, dimensions: 3, seed: 7)
        for j in 0..<3 {
            #expect(Set(u.map { Int($0[j] * Double(n)) }).count == n)
            #expect(u.allSatisfy { $0[j] >= 0 && $0[j] < 1 })
        }
        #expect(u == LatinHypercube.points(samples: n, dimensions: 3, seed: 7))
        #expect(u != LatinHypercube.points(samples: n, dimensions: 3, seed: 8))
    }
}

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

@Suite struct SweepJournalTests {
    func record(_ i: Int) -> SweepRecord {
        SweepRecord(point: SweepPoint(index: i, values: [Double(i)], seed: 9), scenario: "s", years: [2026],
                    metrics: ["m"], rows: [.init(trials: 5, mean: 1, sd: 2, se: 3, p05: 4, p50: 5, p95: 6, p99: 7, es95: 8)],
                    seconds: 0.5)
    }

    func header() throws -> SweepJournal.Header {
        var spec = SweepSpec()
        spec.parameters = [SweepParameter(path: try ConfigPath(parsing: "scenario.defense.vulnerability_decline"),
                                          domain: .values([0, 0.01, 0.02]))]
        spec.trials = 10
        return SweepJournal.Header(plan: try SweepPlan(spec: spec), shard: .whole)
    }

    @Test func tornTailIsDroppedAndCorruptHeaderRefused() throws {
        let h = try header()
        var bytes = SweepJournal.start(h)
        bytes += SweepJournal.frame(record(0))
        bytes += SweepJournal.frame(record(2))
        let clean = try SweepJournal.read(bytes)
        #expect(clean.records.map(\.point.index) == [0, 2] && clean.tornBytes == 0 && clean.header == h)
        let full = bytes.count
        // Every truncation of the last frame reads as the first record plus a torn tail.
        let lastStart = full - SweepJournal.frame(record(2)).count
        for cut in stride(from: lastStart, to: full, by: 7) {
            let torn = try SweepJournal.read(Array(bytes.prefix(cut)))
            #expect(torn.records.map(\.point.index) == [0] && torn.validLength == lastStart && torn.tornBytes == cut - lastStart)
        }
        var flipped = bytes
        flipped[full - 20] ^= 0xFF
        #expect(try SweepJournal.read(flipped).records.count == 1)
        var badHeader = bytes
        badHeader[30] ^= 0xFF
        #expect(throws: SweepJournalError.self) { try SweepJournal.read(badHeader) }
        #expect(throws: SweepJournalError.self) { try SweepJournal.read(bytes + SweepJournal.frame(record(0))) }
    }
}
