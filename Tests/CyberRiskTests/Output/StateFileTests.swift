@_spi(Engine) @testable import CyberRisk
import Testing

/// `state.bin` as `merge` reads it: files that lie — truncated, corrupted, from another tool
/// version or config, or consistent-looking but self-contradictory — are refused with a reason.
@Suite("State file")
struct StateFileTests {
    /// A state of the embedded baseline at 2,000 trials with an empty accumulator of its shape.
    static func state(toolVersion: String = ToolVersion.current, overrides: [String] = ["trials=2000"],
                      shard: Shard = .whole) throws -> StateFile {
        let resolved = try ScenarioCatalog.resolve(path: nil, overrides: overrides)
        let s = resolved.scenario
        let accumulator = ForecastAccumulator(years: s.horizonYears, metricCount: MetricSet(scenario: s).count,
                                              sectorCount: s.sectors.count)
        return StateFile(toolVersion: toolVersion, configHash: resolved.hash, resolvedConfig: resolved.yaml, seed: s.seed,
                         trials: s.trials, blockSize: TrialBlock.capacity, shard: shard, blocks: 0..<0,
                         accumulator: accumulator)
    }

    func refusal(_ body: () throws(StateFileError) -> Any) -> String {
        do {
            _ = try body()
            Issue.record("expected a StateFileError")
            return ""
        } catch {
            return error.reason
        }
    }

    @Test func roundTripsAndLoadsItsScenario() throws {
        let state = try Self.state()
        let decoded = try StateFile(decoding: state.encoded())
        #expect(decoded == state)
        #expect(try decoded.scenario(source: "s/state.bin").trials == 2000)
    }

    @Test func everyTruncationAndEveryByteFlipIsRefused() throws {
        let bytes = try Self.state().encoded()
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 500)) {
            let reason = refusal { () throws(StateFileError) in try StateFile(decoding: Array(bytes.prefix(length))) }
            #expect(!reason.isEmpty, "prefix of \(length) bytes")
        }
        for offset in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 500)) {
            var flipped = bytes
            flipped[offset] ^= 0x10
            let reason = refusal { () throws(StateFileError) in try StateFile(decoding: flipped) }
            #expect(reason.contains("checksum") || reason.contains("not a cyberrisk state file"), "byte \(offset): \(reason)")
        }
    }

    /// A payload that claims a huge shape (1000 years × 10,000 metrics × 100,000 sectors, about
    /// 10¹¹ cells) is refused by its length before anything is allocated.
    @Test func claimedShapeBeyondTheBytesIsRefusedBeforeAllocating() {
        var w = ByteWriter()
        for x: UInt64 in [1000, 10_000, 100_000, 0] { w.append(x) }
        var r = ByteReader(w.bytes + [UInt8](repeating: 0, count: 4096))
        #expect(throws: ByteReader.Error.self) {
            try ForecastAccumulator(from: &r, years: 1000, metricCount: 10_000, sectorCount: 100_000)
        }
    }

    @Test func anotherToolVersionOrConfigIsRefusedNamingTheFile() throws {
        let a = try Self.state(overrides: ["trials=2000"], shard: Shard(index: 0, count: 2)!)
        let b = try Self.state(overrides: ["trials=2000"], shard: Shard(index: 1, count: 2)!)
        let oldTool = try Self.state(toolVersion: "0.0.1", overrides: ["trials=2000"], shard: Shard(index: 1, count: 2)!)
        let otherConfig = try Self.state(overrides: ["trials=2000", "cascade.failure_threshold=0.05"],
                                         shard: Shard(index: 1, count: 2)!)
        let tool = refusal { () throws(StateFileError) in try ShardMerge.merge([("a/state.bin", a), ("old/state.bin", oldTool)]) }
        #expect(tool.contains("old/state.bin") && tool.contains("tool version 0.0.1"), "\(tool)")
        let config = refusal { () throws(StateFileError) in try ShardMerge.merge([("a/state.bin", a), ("other/state.bin", otherConfig)]) }
        #expect(config.contains("other/state.bin: its config differs from a/state.bin's (cascade.failure_threshold is 0.05 here, 0.03 there)"),
                "\(config)")
        // Same config and tool: the shapes and hashes agree (the empty shards then lack trials).
        let merged = refusal { () throws(StateFileError) in try ShardMerge.merge([("a/state.bin", a), ("b/state.bin", b)]) }
        #expect(merged.contains("hold 0 trials, expected 2000"), "\(merged)")
    }

    /// Found by fuzzing: a lone shard of a 2⁶⁰-way split made `merge` list every missing shard
    /// (out of memory); now at most 10 are listed. Shards that claim more trials than the
    /// forecast, or another shape, are refused before their counts are added.
    @Test func shardCountsAndTrialCountsFromTheFileAreBounded() throws {
        let lone = try Self.state(shard: Shard(index: 3, count: 1 << 60)!)
        let missing = refusal { () throws(StateFileError) in try ShardMerge.merge([("s/state.bin", lone)]) }
        #expect(missing == "missing shard(s) 0/\(1 << 60), 1/\(1 << 60), 2/\(1 << 60), 4/\(1 << 60), 5/\(1 << 60), 6/\(1 << 60), 7/\(1 << 60), 8/\(1 << 60), 9/\(1 << 60), 10/\(1 << 60) and \((1 << 60) - 11) more of \(1 << 60)")
        var a = try Self.state(shard: Shard(index: 0, count: 2)!), b = try Self.state(shard: Shard(index: 1, count: 2)!)
        a.accumulator.addTrials(1500)
        b.accumulator.addTrials(1500)
        let over = refusal { () throws(StateFileError) in try ShardMerge.merge([("a/state.bin", a), ("b/state.bin", b)]) }
        #expect(over == "b/state.bin: the shards hold more than the forecast's 2000 trials")
        b.accumulator = ForecastAccumulator(years: 3, metricCount: 2, sectorCount: 1)
        let shape = refusal { () throws(StateFileError) in try ShardMerge.merge([("a/state.bin", a), ("b/state.bin", b)]) }
        #expect(shape.hasPrefix("b/state.bin: results' shape 3×2×1 differs"), "\(shape)")
    }

    /// The documented shape limits of a state file (docs/reliability.md, "Limits"): at most 1,000
    /// years, 10,000 metrics and 100,000 sectors; one more of any is refused before its payload
    /// is read, the limits themselves are not.
    @Test func shapeBeyondTheLimitsIsRefused() throws {
        for (years, metrics, sectors) in [(1001, 1, 1), (1, 10_001, 1), (1, 1, 100_001)] {
            var s = try Self.state()
            s.accumulator = ForecastAccumulator(years: years, metricCount: metrics, sectorCount: sectors)
            let reason = refusal { () throws(StateFileError) in try StateFile(decoding: s.encoded()) }
            #expect(reason == "implausible shape \(years)×\(metrics)×\(sectors)", "\(reason)")
        }
        var limit = try Self.state()
        limit.accumulator = ForecastAccumulator(years: 1000, metricCount: 1, sectorCount: 1)
        _ = try StateFile(decoding: limit.encoded())
    }

    /// A cell that counts more values than the state has trials is refused (a corrupted count
    /// could otherwise overflow when shards are merged).
    @Test func cellCountsBeyondTheTrialsAreRefused() throws {
        var acc = ForecastAccumulator(years: 1, metricCount: 1, sectorCount: 1)
        acc.addTrials(1)
        acc.disrupted[0] = 2
        var w = ByteWriter()
        acc.write(to: &w)
        var r = ByteReader(w.bytes)
        #expect(throws: ByteReader.Error.invalid("a sector's disruption counts 2 values in 1 trials")) {
            try ForecastAccumulator(from: &r, years: 1, metricCount: 1, sectorCount: 1)
        }
    }

    /// A state whose checksum holds but whose parts disagree (hand-edited, or a broken writer)
    /// is refused when its config is loaded, instead of trapping while the tables are built.
    @Test func selfContradictoryStateIsRefused() throws {
        var edited = try Self.state()
        edited.resolvedConfig = edited.resolvedConfig.replacingOccurrences(of: "trials: 2000", with: "trials: 3000")
        let reread = try StateFile(decoding: edited.encoded())
        #expect(refusal { () throws(StateFileError) in try reread.scenario(source: "x") }.contains("does not match its hash"))
        var reshaped = try Self.state()
        reshaped.accumulator = ForecastAccumulator(years: 3, metricCount: 2, sectorCount: 1)
        let shape = refusal { () throws(StateFileError) in try StateFile(decoding: reshaped.encoded()).scenario(source: "x") }
        #expect(shape.contains("shape 3×2×1 does not match the config's 10×"), "\(shape)")
        var garbage = try Self.state()
        garbage.resolvedConfig = "sectors: 5\n"
        garbage.configHash = ScenarioEncoder.configHash(yaml: garbage.resolvedConfig)
        #expect(refusal { () throws(StateFileError) in try garbage.scenario(source: "x") }.contains("does not load"))
    }
}
