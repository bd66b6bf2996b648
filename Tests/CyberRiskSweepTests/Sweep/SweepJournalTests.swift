import Testing
@testable import CyberRisk
@testable import CyberRiskSweep

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
