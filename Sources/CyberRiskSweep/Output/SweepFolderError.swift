import CyberRisk

/// Why a sweep folder cannot be opened, resumed or merged. The library says what is wrong with
/// the folder; the command line words it, with what to do about it (`--resume`, another `--out`).
public enum SweepFolderError: Error, Equatable, CustomStringConvertible {
    /// The folder holds other files (the first few, sorted) and no journal: it is not a sweep folder.
    case notEmpty(folder: String, files: [String])
    /// The folder already holds a sweep — `finished` when it also has its manifest — and it was
    /// not opened for resuming; `resumable` unless the caller was a merge, which cannot resume.
    case holdsSweep(folder: String, finished: Bool, resumable: Bool)
    /// The folder holds a forecast (`state.bin`, `manifest.json`): a sweep needs a folder of its own.
    case holdsForecast(folder: String)
    /// The folder holds a comparison or a calibration, as `what` says (e.g.
    /// `a comparison (comparison.bin)`): a sweep needs a folder of its own.
    case holdsResults(folder: String, what: String)
    /// Both resuming and starting over were asked for.
    case resumeAndForce
    /// A journal that cannot be read or is refused, with the reason.
    case journal(path: String, reason: String)
    /// The journal's records do not make the tables of a finished sweep (an incomplete Saltelli
    /// design has no indices).
    case tables(path: String, SweepJournalError)
    /// The journal was written by another version of the tool, whose results would differ.
    case otherToolVersion(path: String, journal: String, tool: String)
    /// The journal belongs to another sweep plan: the spec or its base config changed.
    case otherPlan(path: String, journalHash: String, planHash: String)
    /// The journal holds another shard of the sweep.
    case otherShard(path: String, journal: Shard, expected: Shard)
    /// A recorded point's values or seed differ from the plan's point of that index.
    case pointMismatch(path: String, point: Int)
    /// A folder given to merge has no readable journal.
    case missingJournal(path: String, folder: String)
    /// A shard's journal ends in an incomplete record: the shard's run did not finish.
    case unfinishedShard(path: String)
    /// The shards' journals do not make one whole sweep (``SweepMerge``).
    case merge(SweepJournalError)

    public var description: String {
        switch self {
        case let .notEmpty(folder, files):
            "\(folder) is not empty (it holds \(files.prefix(4).joined(separator: ", "))\(files.count > 4 ? ", …" : "")) and is not a sweep folder"
        case let .holdsSweep(folder, finished, _):
            "\(folder) already holds \(finished ? "a finished sweep" : "an unfinished sweep") (\(SweepJournal.fileName))"
        case let .holdsForecast(folder):
            "\(folder) holds a forecast (state.bin, manifest.json)"
        case let .holdsResults(folder, what):
            "\(folder) holds \(what)"
        case .resumeAndForce:
            "resuming a sweep and starting it over are exclusive"
        case let .journal(path, reason):
            "\(path): \(reason)"
        case let .tables(path, error):
            "\(path): \(error.description)"
        case let .otherToolVersion(path, journal, tool):
            "\(path): written by cyberrisk \(journal), this is \(tool); results would differ"
        case let .otherPlan(path, journalHash, planHash):
            "\(path): the sweep spec or its base config changed since this sweep started (spec hash \(journalHash), now \(planHash))"
        case let .otherShard(path, journal, expected):
            "\(path): this folder holds shard \(journal), not \(expected)"
        case let .pointMismatch(path, point):
            "\(path): the record of point \(point) does not match the plan (values or seed differ)"
        case let .missingJournal(path, _):
            "\(path): cannot read (missing or unreadable)"
        case let .unfinishedShard(path):
            "\(path): ends in an incomplete record (the shard did not finish)"
        case let .merge(error):
            error.description
        }
    }
}
