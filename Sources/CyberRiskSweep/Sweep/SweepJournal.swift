import CyberRisk

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The append-only record of a sweep's finished points (`OUT/sweep.journal`): what makes a
/// sweep resumable after any crash and mergeable across Slurm shards.
///
/// Layout (little-endian): the 16-byte magic `CYBERRISK-SWEEP\n`, then frames. A frame is a
/// 64-bit payload length, the payload, and a 64-bit FNV-1a checksum of the payload. The first
/// frame is the ``Header``; every further frame is one ``SweepRecord``. A point counts as done
/// only once its frame is written and `fsync`ed. A process killed mid-append leaves at most one
/// torn frame at the end; ``read(_:)`` stops before it (and reports its size) and the writer
/// truncates it away before appending, so nothing torn is ever read as data.
public enum SweepJournal {
    package static let magic = Array("CYBERRISK-SWEEP\n".utf8)
    static let formatVersion: UInt64 = 1
    /// The format of a journal whose Saltelli design groups parameters: version 1 followed by
    /// the inputs (``Header/factorNames``, ``Header/factorOfParameter``). Journals without groups
    /// stay version 1, byte for byte.
    static let groupedFormatVersion: UInt64 = 2
    /// The file name inside an output folder.
    public static let fileName = OutputFolderContents.sweepJournalName

    /// Everything a journal needs to be understood on its own (by `merge`, or by `report`).
    public struct Header: Sendable, Equatable {
        public var toolVersion: String
        /// ``SweepPlan/hash``.
        public var planHash: String
        /// ``SweepPlan/canonicalText``.
        var canonicalSpec: String
        public var shard: Shard
        public var totalPoints: Int
        public var parameterPaths: [String]
        var parameterScales: [String]
        /// The inputs of a Saltelli design: group names and ungrouped parameters' paths
        /// (``SweepGroup/Factor``); equal to ``parameterPaths`` without groups.
        var factorNames: [String]
        /// The input of each parameter (index into ``factorNames``).
        var factorOfParameter: [Int]
        /// Whether the sweep's parameters are grouped (the journal is then version 2).
        var isGrouped: Bool { factorNames != parameterPaths }
        public var design: String
        public var trials: Int
        public var seed: UInt64
        public var baseScenario: String
        var baseSource: String
        var baseConfig: String
        /// The spec file as given (or `--vary`).
        var specFile: String

        init(plan: SweepPlan, shard: Shard) {
            toolVersion = ToolVersion.current
            planHash = plan.hash
            canonicalSpec = plan.canonicalText
            self.shard = shard
            totalPoints = plan.points.count
            parameterPaths = plan.parameterPaths
            parameterScales = plan.spec.parameters.map(\.scale.rawValue)
            let factors = plan.factors
            factorNames = factors.map(\.name)
            factorOfParameter = SweepGroup.column(ofParameters: parameterPaths.count, factors: factors)
            design = plan.spec.design.rawValue
            trials = plan.trials
            seed = plan.seed
            baseScenario = plan.base.scenario.name
            baseSource = plan.base.source
            baseConfig = plan.base.yaml
            specFile = plan.spec.file
        }

        func write(to w: inout ByteWriter) {
            w.append(isGrouped ? SweepJournal.groupedFormatVersion : SweepJournal.formatVersion)
            for s in [toolVersion, planHash, canonicalSpec] { w.append(string: s) }
            w.append(UInt64(shard.index))
            w.append(UInt64(shard.count))
            w.append(UInt64(totalPoints))
            w.append(UInt64(parameterPaths.count))
            for (p, s) in zip(parameterPaths, parameterScales) {
                w.append(string: p)
                w.append(string: s)
            }
            w.append(string: design)
            w.append(UInt64(trials))
            w.append(seed)
            for s in [baseScenario, baseSource, baseConfig, specFile] { w.append(string: s) }
            if isGrouped {
                w.append(UInt64(factorNames.count))
                for name in factorNames { w.append(string: name) }
                for f in factorOfParameter { w.append(UInt64(f)) }
            }
        }

        init(from r: inout ByteReader) throws {
            let version = try r.readUInt64()
            guard version == SweepJournal.formatVersion || version == SweepJournal.groupedFormatVersion else {
                throw SweepJournalError("journal format version \(version), this tool reads \(SweepJournal.formatVersion) "
                                        + "and \(SweepJournal.groupedFormatVersion)")
            }
            toolVersion = try r.readString()
            planHash = try r.readString()
            canonicalSpec = try r.readString()
            let index = try r.readUInt64(), count = try r.readUInt64()
            guard count <= UInt64(SweepSpec.maximumPoints), index < count,
                  let shard = Shard(index: Int(index), count: Int(count)) else {
                throw SweepJournalError("invalid shard \(index)/\(count)")
            }
            self.shard = shard
            let total = try r.readUInt64()
            guard total >= 1 && total <= UInt64(SweepSpec.maximumPoints) else {
                throw SweepJournalError("implausible point count \(total)")
            }
            totalPoints = Int(total)
            let k = try r.readUInt64()
            guard k >= 1 && k <= UInt64(SobolSequence.maximumDimensions * 64) else {
                throw SweepJournalError("implausible parameter count \(k)")
            }
            parameterPaths = []
            parameterScales = []
            for _ in 0..<k {
                parameterPaths.append(try r.readString())
                parameterScales.append(try r.readString())
            }
            design = try r.readString()
            let t = try r.readUInt64()
            guard t <= UInt64(Int.max / 2) else { throw SweepJournalError("implausible trial count \(t)") }
            trials = Int(t)
            seed = try r.readUInt64()
            baseScenario = try r.readString()
            baseSource = try r.readString()
            baseConfig = try r.readString()
            specFile = try r.readString()
            guard version == SweepJournal.groupedFormatVersion else {
                factorNames = parameterPaths
                factorOfParameter = Array(parameterPaths.indices)
                return
            }
            let g = try r.readUInt64()
            guard g >= 1 && g <= k else { throw SweepJournalError("implausible input count \(g) for \(k) parameters") }
            factorNames = []
            for _ in 0..<g { factorNames.append(try r.readString()) }
            factorOfParameter = []
            for _ in 0..<k {
                let f = try r.readUInt64()
                guard f < g else { throw SweepJournalError("parameter input \(f) out of range 0..<\(g)") }
                factorOfParameter.append(Int(f))
            }
            guard Set(factorOfParameter).count == Int(g), factorNames != parameterPaths else {
                throw SweepJournalError("grouped journal whose inputs do not partition its parameters")
            }
        }
    }

    /// A journal's content as read.
    struct Contents: Sendable {
        var header: Header
        /// Complete records in file order (a point appears at most once).
        var records: [SweepRecord]
        /// Length of the valid prefix (magic, header and complete records).
        var validLength: Int
        /// Bytes after the valid prefix: a torn last frame (0 for a clean file).
        var tornBytes: Int
    }

    /// The bytes of a new journal: magic and header frame.
    static func start(_ header: Header) -> [UInt8] {
        var payload = ByteWriter()
        header.write(to: &payload)
        var w = ByteWriter()
        w.append(bytes: magic)
        frame(payload.bytes, into: &w)
        return w.bytes
    }

    /// The frame of one record.
    static func frame(_ record: SweepRecord) -> [UInt8] {
        var payload = ByteWriter()
        record.write(to: &payload)
        var w = ByteWriter()
        frame(payload.bytes, into: &w)
        return w.bytes
    }

    static func frame(_ payload: [UInt8], into w: inout ByteWriter) {
        w.append(UInt64(payload.count))
        w.append(bytes: payload)
        w.append(FNV1a64.hash(payload))
    }

    /// Parses a journal. A torn or corrupted frame ends the valid prefix (reported in
    /// ``Contents/tornBytes``); a missing or damaged header, a record that checks out but does not
    /// decode, or a point recorded twice is an error.
    static func read(_ bytes: [UInt8]) throws(SweepJournalError) -> Contents {
        guard bytes.count >= magic.count, Array(bytes.prefix(magic.count)) == magic else {
            throw SweepJournalError("not a cyberrisk sweep journal")
        }
        var offset = magic.count
        guard let first = nextFrame(bytes, at: &offset) else {
            throw SweepJournalError("the journal header is truncated or corrupted")
        }
        let header: Header
        do {
            var r = ByteReader(first)
            header = try Header(from: &r)
            guard r.isAtEnd else { throw SweepJournalError("trailing bytes in the journal header") }
        } catch let e as SweepJournalError {
            throw e
        } catch {
            throw SweepJournalError("malformed journal header: \(error)")
        }
        var records: [SweepRecord] = []
        var seen = Set<Int>()
        var valid = offset
        while let payload = nextFrame(bytes, at: &offset) {
            let record: SweepRecord
            do {
                var r = ByteReader(payload)
                record = try SweepRecord(from: &r)
                guard r.isAtEnd else { throw SweepJournalError("trailing bytes") }
            } catch {
                throw SweepJournalError("malformed record at byte \(valid): \(error)")
            }
            guard record.point.index < header.totalPoints else {
                throw SweepJournalError("record for point \(record.point.index), but the sweep has \(header.totalPoints) points")
            }
            guard record.point.values.count == header.parameterPaths.count else {
                throw SweepJournalError("record for point \(record.point.index) has \(record.point.values.count) parameter values, expected \(header.parameterPaths.count)")
            }
            guard seen.insert(record.point.index).inserted else {
                throw SweepJournalError("point \(record.point.index) is recorded twice")
            }
            records.append(record)
            valid = offset
        }
        return Contents(header: header, records: records, validLength: valid, tornBytes: bytes.count - valid)
    }

    /// The payload of the frame at `offset` (advanced past it), or `nil` if the rest of the bytes
    /// do not hold a complete frame with a matching checksum.
    static func nextFrame(_ bytes: [UInt8], at offset: inout Int) -> [UInt8]? {
        func word(at i: Int) -> UInt64 {
            var x: UInt64 = 0
            for b in 0..<8 { x |= UInt64(bytes[i + b]) << (8 * UInt64(b)) }
            return x
        }
        let start = offset
        guard bytes.count - start >= 16 else { return nil }
        let length = word(at: start)
        guard length <= UInt64(bytes.count - start - 16) else { return nil }
        let end = start + 8 + Int(length)
        let payload = Array(bytes[(start + 8)..<end])
        guard word(at: end) == FNV1a64.hash(payload) else { return nil }
        offset = end + 8
        return payload
    }
}

/// Why a sweep journal was refused.
public struct SweepJournalError: Error, CustomStringConvertible, Equatable {
    public var reason: String
    /// Whether the journals are sound but their run is unfinished (points not yet recorded), so
    /// that finishing it — resuming the sweep — would cure the error.
    public var isUnfinished: Bool

    init(_ reason: String, unfinished: Bool = false) {
        self.reason = reason
        isUnfinished = unfinished
    }

    public var description: String { reason }
}

/// Appends records to a journal durably: each ``append(_:)`` returns only after the frame is on
/// disk (`fsync`).
public final class SweepJournalWriter: Sendable {
    public let path: String
    private let fd: Int32
    /// Bytes of complete frames in the file; the lock also serialises appends.
    private let length: Mutex<Int>

    /// Creates a new journal at `path` with `header` (replacing any file there), or — with
    /// `resumeAt` — opens the existing one and cuts it to its valid prefix (dropping a torn frame).
    init(path: String, header: SweepJournal.Header, resumeAt validLength: Int? = nil) throws {
        self.path = path
        if let validLength {
            fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
            guard fd >= 0 else { throw OutputError(path: path, reason: AtomicFile.lastError()) }
            guard ftruncate(fd, off_t(validLength)) == 0, fsync(fd) == 0 else {
                let reason = AtomicFile.lastError()
                close(fd)
                throw OutputError(path: path, reason: reason)
            }
            length = Mutex(validLength)
        } else {
            let start = SweepJournal.start(header)
            try AtomicFile.write(start, to: path)
            fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
            guard fd >= 0 else { throw OutputError(path: path, reason: AtomicFile.lastError()) }
            length = Mutex(start.count)
        }
    }

    deinit { close(fd) }

    /// Appends `record` and flushes it to disk. On failure the file is cut back to its last
    /// complete frame, so a later append cannot land behind a torn one.
    public func append(_ record: SweepRecord) throws {
        let bytes = SweepJournal.frame(record)
        let fd = self.fd
        let failure: String? = length.withLock { (length: inout Int) -> String? in
            if let failure = AtomicFile.writeFully(bytes, to: fd) {
                _ = ftruncate(fd, off_t(length))
                return failure
            }
            length += bytes.count
            return nil
        }
        if let failure { throw OutputError(path: path, reason: failure) }
    }
}
