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
                throw SweepJournalError("\(name): a different sweep (spec hash \(h.planHash); \(first.name) has \(h0.planHash))")
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
}
