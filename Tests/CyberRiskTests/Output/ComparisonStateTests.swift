@_spi(Engine) @testable import CyberRisk
import Testing

/// `comparison.bin` and the state files' batch-means section: round trips, exact shard merges,
/// and refusals naming the reason.
@Suite struct ComparisonStateTests {
    static let scenarios = [ComparisonTests.scenario(decline: 0.03, trials: 4096, years: 2),
                            ComparisonTests.scenario(decline: 0.06, name: "alt", trials: 4096, years: 2)]

    static func state(_ result: ComparisonRun, shard: Shard, blocks: Range<Int>) -> ComparisonState {
        ComparisonState(toolVersion: ToolVersion.current, seed: 7, trials: 4096, blockSize: TrialBlock.capacity, shard: shard,
                        blocks: blocks, scenarios: [("fixture", "h0"), ("alt", "h1")], result: result)
    }

    @Test func shardsMergeToTheWholeComparisonByteForByte() throws {
        let comparison = try Comparison(scenarios: Self.scenarios)
        let whole = Self.state(try comparison.run(blocks: 0..<4, threads: 2), shard: .whole, blocks: 0..<4)
        let a = Self.state(try comparison.run(blocks: 0..<1, threads: 1), shard: Shard(index: 0, count: 2)!, blocks: 0..<1)
        let b = Self.state(try comparison.run(blocks: 1..<4, threads: 2), shard: Shard(index: 1, count: 2)!, blocks: 1..<4)
        let decoded = try ComparisonState(decoding: a.encoded())
        #expect(decoded == a)
        let merged = try ComparisonState.merge([("b", b), ("a", try ComparisonState(decoding: a.encoded()))])
        #expect(merged.encoded() == whole.encoded())
        #expect(throws: StateFileError.self) { try ComparisonState.merge([("a", a), ("a2", a)]) }
        #expect(throws: StateFileError("missing shard(s) 1/2 of 2")) { try ComparisonState.merge([("a", a)]) }
        var other = b
        other.scenarios[1].configHash = "other"
        #expect(throws: StateFileError.self) { try ComparisonState.merge([("a", a), ("b", other)]) }
    }

    @Test func truncatedCorruptedAndForeignFilesAreRefused() throws {
        let comparison = try Comparison(scenarios: Self.scenarios)
        let bytes = Self.state(try comparison.run(blocks: 0..<1, threads: 1), shard: .whole, blocks: 0..<1).encoded()
        for length in stride(from: 0, to: bytes.count, by: Swift.max(1, bytes.count / 200)) {
            #expect(throws: StateFileError.self) { try ComparisonState(decoding: Array(bytes.prefix(length))) }
        }
        for k in stride(from: 0, to: bytes.count, by: Swift.max(1, bytes.count / 200)) {
            var flipped = bytes
            flipped[k] ^= 0x20
            #expect(throws: StateFileError.self) { try ComparisonState(decoding: flipped) }
        }
        #expect(throws: StateFileError("not a cyberrisk comparison state file")) {
            try ComparisonState(decoding: try StateFileTests.state().encoded())
        }
    }

    /// A state with the tolerances' batch means is format 4 and reads back; one without is
    /// format 3; a state whose batch means do not match its config's tolerances is refused.
    @Test func stateFilesCarryTheTolerancesBatchMeans() throws {
        let plain = try StateFileTests.state()
        #expect(plain.encoded()[16] == 3)
        let resolved = try ScenarioCatalog.resolve(path: nil, overrides: [
            "trials=2048", "horizon_years=1", "tolerances=[{metric: national_risk, statistic: p95, max: 0.01}]"])
        let s = resolved.scenario
        let run = try Forecast(plan: SimulationPlan(scenario: s)).run(blocks: 0..<2, threads: 2, requests: s.toleranceRequests)
        #expect(run.batches.batchCount(year: 0) == 2)
        let state = StateFile(toolVersion: ToolVersion.current, configHash: resolved.hash, resolvedConfig: resolved.yaml,
                              seed: s.seed, trials: s.trials, blockSize: TrialBlock.capacity, shard: .whole, blocks: 0..<2,
                              accumulator: run.accumulator, batches: run.batches)
        let bytes = state.encoded()
        #expect(bytes[16] == 4)
        let decoded = try StateFile(decoding: bytes)
        #expect(decoded == state)
        #expect(try decoded.scenario(source: "s").tolerances.count == 1)
        var lying = state
        lying.batches = BatchMeans(years: 1, requests: [BatchRequest(metric: 1, statistic: .quantile(0.5))])
        #expect(throws: StateFileError("the batch means do not match the config's tolerances")) {
            try StateFile(decoding: lying.encoded()).scenario(source: "s")
        }
    }
}
