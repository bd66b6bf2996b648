/// Combines the state files of the shards of one forecast into the state of the whole forecast.
///
/// Refuses (with the file named) states of different configurations, seeds, trial counts, tool
/// versions or shard counts, a shard given twice, and a missing shard. Because accumulators merge
/// exactly, the merged tables are byte-identical to an unsharded run's.
enum ShardMerge {
    /// Merges `(name, state)` pairs; names are used in error messages.
    static func merge(_ states: [(name: String, state: StateFile)]) throws(StateFileError) -> StateFile {
        guard let (firstName, first) = states.first else { throw StateFileError("no shard states to merge") }
        
        var seen: [Int: String] = [:]
        var merged = first
        merged.accumulator = ForecastAccumulator(years: first.accumulator.years,
                                                 metricCount: first.accumulator.metricCount,
                                                 sectorCount: first.accumulator.sectorCount,
                                                 eventClasses: first.accumulator.tail?.classCount)
        merged.batches = first.batches.map { BatchMeans(years: $0.years, requests: $0.requests) }
        for (name, s) in states {
            func refuse(_ what: String, _ a: String, _ b: String) -> StateFileError {
                StateFileError("\(name): \(what) \(b) differs from \(firstName)'s \(a); shards of different forecasts cannot be merged")
            }
            if s.seed != first.seed { throw refuse("seed", "\(first.seed)", "\(s.seed)") }
            if s.trials != first.trials { throw refuse("trial count", "\(first.trials)", "\(s.trials)") }
            if s.configHash != first.configHash {
                let fields = ConfigDifference.between(first.resolvedConfig, s.resolvedConfig)
                guard !fields.isEmpty else { throw refuse("config hash", first.configHash, s.configHash) }
                let list = fields.map { "\($0.path) is \($0.second) here, \($0.first) there" }.joined(separator: "; ")
                throw StateFileError("\(name): its config differs from \(firstName)'s (\(list)); "
                                     + "shards of different forecasts cannot be merged")
            }
            if s.toolVersion != first.toolVersion { throw refuse("tool version", first.toolVersion, s.toolVersion) }
            if s.blockSize != first.blockSize { throw refuse("block size", "\(first.blockSize)", "\(s.blockSize)") }
            if s.shard.count != first.shard.count { throw refuse("shard count", "\(first.shard.count)", "\(s.shard.count)") }
            if let other = seen[s.shard.index] {
                throw StateFileError("\(name): shard \(s.shard) was already given by \(other)")
            }
            // Years × metrics × sectors, and the tail's event classes (when kept) are part of the shape.
            func shape(_ a: ForecastAccumulator) -> String {
                "\(a.years)×\(a.metricCount)×\(a.sectorCount)" + (a.tail.map { " with \($0.classCount) event classes" } ?? "")
            }
            if shape(s.accumulator) != shape(first.accumulator) {
                throw refuse("results' shape", shape(first.accumulator), shape(s.accumulator))
            }
            // Checked before merging, so the counts cannot overflow whatever the files claim.
            guard s.accumulator.trials <= Int64(first.trials) - merged.accumulator.trials else {
                throw StateFileError("\(name): the shards hold more than the forecast's \(first.trials) trials")
            }
            if s.batches?.requests != first.batches?.requests {
                throw StateFileError("\(name): its batch-means statistics differ from \(firstName)'s; shards of different forecasts cannot be merged")
            }
            seen[s.shard.index] = name
            merged.accumulator.merge(s.accumulator)
            if let b = s.batches { merged.batches?.merge(b) }
        }
        // Shards are distinct and in 0..<count, so fewer than `count` of them means some are missing.
        guard seen.count == first.shard.count else {
            throw StateFileError("missing shard(s) \(Shard.missing(from: Set(seen.keys), count: first.shard.count)) of \(first.shard.count)")
        }
        let totalBlocks = TrialBlock.count(trials: first.trials, size: first.blockSize)
        merged.shard = .whole
        merged.blocks = 0..<totalBlocks
        guard merged.accumulator.trials == Int64(first.trials) else {
            throw StateFileError("the shards hold \(merged.accumulator.trials) trials, expected \(first.trials)")
        }
        return merged
    }
}
