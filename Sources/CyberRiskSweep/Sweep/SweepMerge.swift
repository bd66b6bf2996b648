import CyberRisk

/// Combines the journals of a sweep's shards (`sweep --shard I/N`) into the whole sweep's
/// header and records, from which ``SweepTables`` writes the same `sweep.csv` as an unsharded
/// sweep.
///
/// Refuses journals of different sweeps (plan hash), tool versions or shard counts, a shard
/// given twice or missing, and a shard whose points are not all recorded.
enum SweepMerge {
    static func merge(_ journals: [(name: String, contents: SweepJournal.Contents)])
        throws(SweepJournalError) -> (header: SweepJournal.Header, records: [SweepRecord]) {
        guard let first = journals.first else { throw SweepJournalError("no sweep shards to merge") }
        let h0 = first.contents.header
        var byIndex: [Int: String] = [:]
        var records: [SweepRecord] = []
        for (name, contents) in journals {
            let h = contents.header
            guard h.planHash == h0.planHash else {
                let what = SweepMerge.differences(h, h0).joined(separator: "; ")
                throw SweepJournalError("\(name): a different sweep from \(first.name)'s (\(what.isEmpty ? "spec hash \(h.planHash) vs \(h0.planHash)" : what))")
            }
            guard h.toolVersion == h0.toolVersion else {
                throw SweepJournalError("\(name): written by cyberrisk \(h.toolVersion); \(first.name) by \(h0.toolVersion)")
            }
            guard h.shard.count == h0.shard.count else {
                throw SweepJournalError("\(name): shard \(h.shard) of a \(h.shard.count)-way split; \(first.name) is shard \(h0.shard)")
            }
            if let other = byIndex[h.shard.index] {
                throw SweepJournalError("\(name): shard \(h.shard) is given twice (also \(other))")
            }
            byIndex[h.shard.index] = name
            let expected = (h.totalPoints - h.shard.index + h.shard.count - 1) / h.shard.count
            guard contents.records.count == expected else {
                throw SweepJournalError("\(name): shard \(h.shard) is incomplete: \(contents.records.count) of \(expected) points recorded",
                                        unfinished: true)
            }
            for r in contents.records where r.point.index % h.shard.count != h.shard.index {
                throw SweepJournalError("\(name): point \(r.point.index) does not belong to shard \(h.shard)")
            }
            records += contents.records
        }
        guard byIndex.count == h0.shard.count else {
            throw SweepJournalError("missing shard\(h0.shard.count - byIndex.count == 1 ? "" : "s") "
                                    + Shard.missing(from: Set(byIndex.keys), count: h0.shard.count))
        }
        var header = h0
        header.shard = .whole
        return (header, records.sorted { $0.point.index < $1.point.index })
    }

    /// What differs between two sweeps' headers, `this` against `that`, for messages: trials,
    /// seed, design, a line of the canonical spec (a parameter, samples, scramble), or a field of
    /// the base config.
    static func differences(_ this: SweepJournal.Header, _ that: SweepJournal.Header) -> [String] {
        var out: [String] = []
        if this.trials != that.trials { out.append("trials \(this.trials) here, \(that.trials) there") }
        if this.seed != that.seed { out.append("seed \(this.seed) here, \(that.seed) there") }
        if this.design != that.design { out.append("design \(this.design) here, \(that.design) there") }
        let mine = this.canonicalSpec.split(separator: "\n"), theirs = that.canonicalSpec.split(separator: "\n")
        for line in mine where !theirs.contains(line) && !line.hasPrefix("base_config_hash") && !line.hasPrefix("trials")
            && !line.hasPrefix("seed") && !line.hasPrefix("design") {
            out.append("'\(line)' here only")
        }
        for line in theirs where !mine.contains(line) && line.hasPrefix("parameter") { out.append("'\(line)' there only") }
        for d in ConfigDifference.between(this.baseConfig, that.baseConfig, limit: 2)
        where d.path != "trials" && d.path != "seed" {
            out.append("base config \(d.path) is \(d.first) here, \(d.second) there")
        }
        return out
    }
}
