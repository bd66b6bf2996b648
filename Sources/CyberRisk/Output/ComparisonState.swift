/// The exact, mergeable state of a comparison's pairing (`comparison.bin`): each scenario's batch
/// means of the compared statistics and each alternative's ``PairedDifference``. The scenarios'
/// own accumulators are in their folders' `state.bin`.
///
/// Layout (little-endian): the 16-byte magic `CYBERRISK-COMPR\n`; format version; tool version;
/// seed; trials; block size; shard index and count; the block range run; years and metrics; the
/// scenarios (name and config hash of each, the base first); the compared statistics
/// (``BatchRequest``s); payload length and payload — each scenario's ``BatchMeans`` then each
/// alternative's ``PairedDifference``; a 64-bit FNV-1a checksum over everything before it. Reading
/// checks all of it, so a truncated, corrupted or foreign file is refused with a reason.
public struct ComparisonState: Sendable, Equatable {
    public static let magic = Array("CYBERRISK-COMPR\n".utf8)
    public static let formatVersion: UInt64 = 1
    /// The file's name in a comparison folder.
    public static let fileName = "comparison.bin"
    /// Most scenarios one comparison may hold.
    public static let maximumScenarios = 64

    public var toolVersion: String
    public var seed: UInt64
    public var trials: Int
    public var blockSize: Int
    public var shard: Shard
    public var blocks: Range<Int>
    public var years: Int
    public var metricCount: Int
    /// `(name, config hash)` of each scenario, the base first.
    public var scenarios: [(name: String, configHash: String)]
    public var requests: [BatchRequest]
    public var batches: [BatchMeans]
    public var pairs: [PairedDifference]

    public init(toolVersion: String, seed: UInt64, trials: Int, blockSize: Int, shard: Shard, blocks: Range<Int>,
                scenarios: [(name: String, configHash: String)], result: ComparisonRun) {
        self.toolVersion = toolVersion
        self.seed = seed
        self.trials = trials
        self.blockSize = blockSize
        self.shard = shard
        self.blocks = blocks
        self.scenarios = scenarios
        years = result.batches[0].years
        metricCount = result.pairs[0].metricCount
        requests = result.batches[0].requests
        batches = result.batches
        pairs = result.pairs
    }

    public static func == (a: ComparisonState, b: ComparisonState) -> Bool {
        a.toolVersion == b.toolVersion && a.seed == b.seed && a.trials == b.trials && a.blockSize == b.blockSize
            && a.shard == b.shard && a.blocks == b.blocks && a.years == b.years && a.metricCount == b.metricCount
            && a.scenarios.map(\.name) == b.scenarios.map(\.name) && a.scenarios.map(\.configHash) == b.scenarios.map(\.configHash)
            && a.requests == b.requests && a.batches == b.batches && a.pairs == b.pairs
    }

    /// The file's bytes.
    public func encoded() -> [UInt8] {
        var w = ByteWriter()
        w.append(bytes: ComparisonState.magic)
        w.append(ComparisonState.formatVersion)
        w.append(string: toolVersion)
        w.append(seed)
        for x in [trials, blockSize, shard.index, shard.count, blocks.lowerBound, blocks.upperBound, years, metricCount,
                  scenarios.count] {
            w.append(UInt64(x))
        }
        for s in scenarios {
            w.append(string: s.name)
            w.append(string: s.configHash)
        }
        var payload = ByteWriter()
        for b in batches { b.write(to: &payload) }
        for p in pairs { p.write(to: &payload) }
        w.append(UInt64(payload.bytes.count))
        w.append(bytes: payload.bytes)
        w.append(FNV1a64.hash(w.bytes))
        return w.bytes
    }

    /// Parses and checks a comparison state's bytes; the error says what is wrong (the caller adds the path).
    public init(decoding bytes: [UInt8]) throws(StateFileError) {
        guard bytes.count >= ComparisonState.magic.count + 8,
              Array(bytes.prefix(ComparisonState.magic.count)) == ComparisonState.magic else {
            throw StateFileError("not a cyberrisk comparison state file")
        }
        let body = Array(bytes.dropLast(8))
        do {
            var tail = ByteReader(Array(bytes.suffix(8)))
            guard try tail.readUInt64() == FNV1a64.hash(body) else {
                throw StateFileError("checksum mismatch: the file is truncated or corrupted")
            }
            var r = ByteReader(body)
            _ = try r.readBytes(count: ComparisonState.magic.count)
            let version = try r.readUInt64()
            guard version == ComparisonState.formatVersion else {
                throw StateFileError("comparison format version \(version), this tool reads \(ComparisonState.formatVersion)")
            }
            toolVersion = try r.readString()
            seed = try r.readUInt64()
            trials = try StateFile.int(r.readUInt64(), "trials")
            blockSize = try StateFile.int(r.readUInt64(), "block size")
            guard blockSize == BatchMeans.batchSize else { throw StateFileError("block size \(blockSize), expected \(BatchMeans.batchSize)") }
            let index = try StateFile.int(r.readUInt64(), "shard index")
            let count = try StateFile.int(r.readUInt64(), "shard count")
            guard let shard = Shard(index: index, count: count) else { throw StateFileError("invalid shard \(index)/\(count)") }
            self.shard = shard
            let lo = try StateFile.int(r.readUInt64(), "first block")
            let hi = try StateFile.int(r.readUInt64(), "last block")
            guard lo <= hi else { throw StateFileError("invalid block range \(lo)..<\(hi)") }
            blocks = lo..<hi
            years = try StateFile.int(r.readUInt64(), "years")
            metricCount = try StateFile.int(r.readUInt64(), "metrics")
            let n = try StateFile.int(r.readUInt64(), "scenario count")
            guard years >= 1, years <= 1000, metricCount >= 1, metricCount <= 10_000 else {
                throw StateFileError("implausible shape \(years)×\(metricCount)")
            }
            guard n >= 2, n <= ComparisonState.maximumScenarios else {
                throw StateFileError("\(n) scenarios: a comparison holds 2…\(ComparisonState.maximumScenarios)")
            }
            scenarios = []
            for _ in 0..<n { scenarios.append((try r.readString(), try r.readString())) }
            let length = try StateFile.int(r.readUInt64(), "payload length")
            var payload = ByteReader(try r.readBytes(count: length))
            guard r.isAtEnd else { throw StateFileError("trailing bytes after the payload") }
            let maximumBatches = Int64(trials / blockSize)
            var batches: [BatchMeans] = []
            for _ in 0..<n {
                batches.append(try BatchMeans(from: &payload, years: years, metricCount: metricCount, maximumBatches: maximumBatches))
            }
            let requests = batches[0].requests
            guard batches.allSatisfy({ $0.requests == requests }) else {
                throw StateFileError("the scenarios' compared statistics differ")
            }
            var pairs: [PairedDifference] = []
            for _ in 1..<n {
                let p = try PairedDifference(from: &payload, years: years, metricCount: metricCount)
                guard p.batches.requests == requests, p.trials <= Int64(trials) else {
                    throw StateFileError("a paired difference does not match the comparison")
                }
                pairs.append(p)
            }
            guard Set(pairs.map(\.trials)).count == 1 else { throw StateFileError("the paired differences hold different trial counts") }
            (self.batches, self.requests, self.pairs) = (batches, requests, pairs)
            guard payload.isAtEnd else { throw StateFileError("trailing bytes after the paired differences") }
        } catch let error as StateFileError {
            throw error
        } catch {
            throw StateFileError("malformed: \(error)")
        }
    }

    /// The pairing part of a run, for ``ComparisonTables`` (with the scenarios' own runs).
    public func result(runs: [ForecastRun]) -> ComparisonRun {
        ComparisonRun(runs: runs, batches: batches, pairs: pairs)
    }

    /// Combines the comparison states of all shards of one comparison, refusing (with the file
    /// named) states of other comparisons, a shard given twice, and missing shards.
    public static func merge(_ states: [(name: String, state: ComparisonState)]) throws(StateFileError) -> ComparisonState {
        guard let (firstName, first) = states.first else { throw StateFileError("no comparison states to merge") }
        var merged = first
        merged.batches = first.batches.map { BatchMeans(years: $0.years, requests: $0.requests) }
        merged.pairs = first.pairs.map { PairedDifference(years: $0.years, metricCount: $0.metricCount, requests: $0.batches.requests) }
        var seen: [Int: String] = [:]
        var trials: Int64 = 0
        for (name, s) in states {
            func refuse(_ what: String) -> StateFileError {
                StateFileError("\(name): its \(what) differs from \(firstName)'s; shards of different comparisons cannot be merged")
            }
            if s.toolVersion != first.toolVersion { throw refuse("tool version") }
            if s.seed != first.seed || s.trials != first.trials { throw refuse("seed or trial count") }
            if s.shard.count != first.shard.count { throw refuse("shard count") }
            if s.years != first.years || s.metricCount != first.metricCount || s.requests != first.requests {
                throw refuse("shape")
            }
            if s.scenarios.map(\.name) != first.scenarios.map(\.name)
                || s.scenarios.map(\.configHash) != first.scenarios.map(\.configHash) {
                throw refuse("list of scenarios or their configs")
            }
            if let other = seen[s.shard.index] { throw StateFileError("\(name): shard \(s.shard) was already given by \(other)") }
            let shardTrials = s.pairs[0].trials
            guard shardTrials <= Int64(first.trials) - trials else {
                throw StateFileError("\(name): the shards hold more than the comparison's \(first.trials) trials")
            }
            trials += shardTrials
            seen[s.shard.index] = name
            for i in merged.batches.indices { merged.batches[i].merge(s.batches[i]) }
            for i in merged.pairs.indices { merged.pairs[i].merge(s.pairs[i]) }
        }
        guard seen.count == first.shard.count else {
            throw StateFileError("missing shard(s) \(Shard.missing(from: Set(seen.keys), count: first.shard.count)) of \(first.shard.count)")
        }
        merged.shard = .whole
        merged.blocks = 0..<((first.trials + first.blockSize - 1) / first.blockSize)
        return merged
    }
}
