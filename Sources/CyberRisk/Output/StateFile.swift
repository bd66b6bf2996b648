/// The exact, mergeable state of a forecast or of one shard of it (`state.bin`).
///
/// Layout (little-endian): the 16-byte magic `CYBERRISK-STATE\n`; format version; tool version;
/// config hash; the resolved config (YAML); seed; trials; block size; shard index and count; the
/// block range run; payload length and the serialised ``ForecastAccumulator`` (with its tail, when
/// it has one); in format 4 only, a second payload length and the ``BatchMeans`` of the scenario's
/// tolerances; then a 64-bit FNV-1a checksum over everything before it. Format 3 is written when
/// there are no batch means (a scenario without quantile tolerances). Reading checks
/// all of it, so a truncated, corrupted or foreign file is refused with a reason.
struct StateFile: Sendable, Equatable {
    static let magic = Array("CYBERRISK-STATE\n".utf8)
    /// The newest format: 4, an accumulator that may carry the tail (per-event accounting and
    /// return periods) and the batch means; 3 is the same without batch means. Formats 1 and 2
    /// (before the tail) are refused naming the formats this tool reads.
    static let formatVersion: UInt64 = 4
    /// The format written when there are no batch means.
    static let formatWithoutBatches: UInt64 = 3

    var toolVersion: String
    var configHash: String
    var resolvedConfig: String
    var seed: UInt64
    var trials: Int
    var blockSize: Int
    var shard: Shard
    var blocks: Range<Int>
    var accumulator: ForecastAccumulator
    /// Batch means of the tolerances' statistics (`nil` or empty: none).
    var batches: BatchMeans?

    init(toolVersion: String, configHash: String, resolvedConfig: String, seed: UInt64, trials: Int,
                blockSize: Int, shard: Shard, blocks: Range<Int>, accumulator: ForecastAccumulator,
                batches: BatchMeans? = nil) {
        self.toolVersion = toolVersion
        self.configHash = configHash
        self.resolvedConfig = resolvedConfig
        self.seed = seed
        self.trials = trials
        self.blockSize = blockSize
        self.shard = shard
        self.blocks = blocks
        self.accumulator = accumulator
        self.batches = batches.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The state of shard `shard` of a forecast of `scenario` (its resolved YAML and hash, seed
    /// and trials, this tool's version and block size) holding `accumulator` and the tolerances'
    /// `batches` (none by default).
    init(scenario: Scenario, shard: Shard = .whole, accumulator: ForecastAccumulator, batches: BatchMeans? = nil) {
        let yaml = ScenarioEncoder.yaml(scenario)
        self.init(toolVersion: ToolVersion.current, configHash: ScenarioEncoder.configHash(yaml: yaml),
                  resolvedConfig: yaml, seed: scenario.seed, trials: scenario.trials, blockSize: TrialBlock.capacity,
                  shard: shard, blocks: shard.blocks(of: TrialBlock.count(trials: scenario.trials)),
                  accumulator: accumulator, batches: batches)
    }

    /// The file's bytes.
    func encoded() -> [UInt8] {
        var w = ByteWriter()
        w.append(bytes: StateFile.magic)
        w.append(batches == nil ? StateFile.formatWithoutBatches : StateFile.formatVersion)
        w.append(string: toolVersion)
        w.append(string: configHash)
        w.append(string: resolvedConfig)
        w.append(seed)
        w.append(UInt64(trials))
        w.append(UInt64(blockSize))
        w.append(UInt64(shard.index))
        w.append(UInt64(shard.count))
        w.append(UInt64(blocks.lowerBound))
        w.append(UInt64(blocks.upperBound))
        w.append(UInt64(accumulator.years))
        w.append(UInt64(accumulator.metricCount))
        w.append(UInt64(accumulator.sectorCount))
        var payload = ByteWriter()
        accumulator.write(to: &payload)
        w.append(UInt64(payload.bytes.count))
        w.append(bytes: payload.bytes)
        if let batches {
            var extra = ByteWriter()
            batches.write(to: &extra)
            w.append(UInt64(extra.bytes.count))
            w.append(bytes: extra.bytes)
        }
        w.append(FNV1a64.hash(w.bytes))
        return w.bytes
    }

    /// Parses and checks a state file's bytes; the error's reason says what is wrong (the caller adds the path).
    init(decoding bytes: [UInt8]) throws(StateFileError) {
        guard bytes.count >= StateFile.magic.count + 8, Array(bytes.prefix(StateFile.magic.count)) == StateFile.magic else {
            throw StateFileError("not a cyberrisk state file")
        }
        let body = Array(bytes.dropLast(8))
        do {
            var tail = ByteReader(Array(bytes.suffix(8)))
            let stored = try tail.readUInt64()
            guard stored == FNV1a64.hash(body) else {
                throw StateFileError("checksum mismatch: the file is truncated or corrupted")
            }
            var r = ByteReader(body)
            _ = try r.readBytes(count: StateFile.magic.count)
            let version = try r.readUInt64()
            guard version == StateFile.formatWithoutBatches || version == StateFile.formatVersion else {
                throw StateFileError("state format version \(version), this tool reads \(StateFile.formatWithoutBatches) "
                                     + "and \(StateFile.formatVersion)")
            }
            toolVersion = try r.readString()
            configHash = try r.readString()
            resolvedConfig = try r.readString()
            seed = try r.readUInt64()
            trials = try StateFile.int(r.readUInt64(), "trials")
            blockSize = try StateFile.int(r.readUInt64(), "block size")
            guard blockSize >= 1 else { throw StateFileError("invalid block size 0") }
            let index = try StateFile.int(r.readUInt64(), "shard index")
            let count = try StateFile.int(r.readUInt64(), "shard count")
            guard let shard = Shard(index: index, count: count) else {
                throw StateFileError("invalid shard \(index)/\(count)")
            }
            self.shard = shard
            let lo = try StateFile.int(r.readUInt64(), "first block")
            let hi = try StateFile.int(r.readUInt64(), "last block")
            guard lo <= hi else { throw StateFileError("invalid block range \(lo)..<\(hi)") }
            blocks = lo..<hi
            let years = try StateFile.int(r.readUInt64(), "years")
            let metrics = try StateFile.int(r.readUInt64(), "metrics")
            let sectors = try StateFile.int(r.readUInt64(), "sectors")
            guard years <= 1000, metrics <= 10_000, sectors <= 100_000 else {
                throw StateFileError("implausible shape \(years)×\(metrics)×\(sectors)")
            }
            let length = try StateFile.int(r.readUInt64(), "payload length")
            var payload = ByteReader(try r.readBytes(count: length))
            accumulator = try ForecastAccumulator(from: &payload, years: years, metricCount: metrics, sectorCount: sectors)
            guard payload.isAtEnd else { throw StateFileError("trailing bytes after the payload") }
            if version == StateFile.formatVersion {
                let extraLength = try StateFile.int(r.readUInt64(), "batch payload length")
                var extra = ByteReader(try r.readBytes(count: extraLength))
                let decoded = try BatchMeans(from: &extra, years: years, metricCount: metrics,
                                             maximumBatches: accumulator.trials / Int64(BatchMeans.batchSize))
                guard extra.isAtEnd, !decoded.isEmpty else { throw StateFileError("malformed batch means section") }
                batches = decoded
            } else {
                batches = nil
            }
            guard r.isAtEnd else { throw StateFileError("trailing bytes after the payload") }
        } catch let error as StateFileError {
            throw error
        } catch {
            throw StateFileError("malformed: \(error)")
        }
    }

    /// The scenario of ``resolvedConfig``, checked against the rest of the state: the config must
    /// load, hash to ``configHash``, and have the accumulator's shape (years × metrics × sectors).
    /// A state whose checksum holds but whose parts disagree (written by hand, or by a broken
    /// tool) is refused here rather than trapping when the tables are built.
    ///
    /// - Parameter source: the file, for messages (`shard0/state.bin`).
    func scenario(source: String) throws(StateFileError) -> Scenario {
        guard ScenarioEncoder.configHash(yaml: resolvedConfig) == configHash else {
            throw StateFileError("the embedded config does not match its hash \(configHash)")
        }
        let scenario: Scenario
        do {
            scenario = try ScenarioCatalog.scenario(fromResolved: resolvedConfig, source: source)
        } catch {
            throw StateFileError("the embedded config does not load: \(error)")
        }
        let metrics = MetricSet(scenario: scenario).count
        guard accumulator.years == scenario.horizonYears, accumulator.metricCount == metrics,
              accumulator.sectorCount == scenario.sectors.count else {
            throw StateFileError("the results' shape \(accumulator.years)×\(accumulator.metricCount)×\(accumulator.sectorCount) "
                                 + "does not match the config's \(scenario.horizonYears)×\(metrics)×\(scenario.sectors.count) (years × metrics × sectors)")
        }
        if let tail = accumulator.tail, tail.classCount != scenario.events.count {
            throw StateFileError("the results hold \(tail.classCount) event classes, the config \(scenario.events.count)")
        }
        guard (batches?.requests ?? []) == scenario.toleranceRequests else {
            throw StateFileError("the batch means do not match the config's tolerances")
        }
        return scenario
    }

    static func int(_ x: UInt64, _ what: String) throws -> Int {
        guard x <= UInt64(Int.max / 2) else { throw StateFileError("\(what) out of range") }
        return Int(x)
    }
}

/// Why a state file was refused.
public struct StateFileError: Error, CustomStringConvertible, Equatable {
    public var reason: String
    init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
