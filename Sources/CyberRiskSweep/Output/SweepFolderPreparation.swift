import CyberRisk

/// What a sweep (`sweep`, `sensitivity`, `tornado`, or a merge of sweep shards) does with its
/// output folder before it writes — the sweep half of the output-folder policy (README "Output
/// folders"), decided after the folder is locked and before any point runs:
///
/// - an empty or new folder is used;
/// - a folder holding a sweep is continued when resuming (``SweepFolder`` then checks the journal
///   against the plan), deleted and started over when forced, and refused otherwise; a merge
///   replaces the same merged sweep (`mergedPlanHash`, an unsharded journal);
/// - a folder holding a forecast, a comparison or a calibration is never used, forced or not; any other non-empty folder is refused.
///
/// The library says what it found and did; the command line words it (``SweepFolderError``).
///
/// ```swift
/// let preparation = try SweepFolderPreparation(folder: "sweep", resume: false, force: false)
/// let folder = try SweepFolder(directory: OutputDirectory(path: "sweep"), plan: plan, shard: .whole, resume: false)
/// ```
public struct SweepFolderPreparation: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Nothing was there.
        case empty
        /// A sweep is there, to be continued (its journal is checked when it is opened).
        case resuming
        /// The same merged sweep (spec hash `planHash`) was there; its files were deleted.
        case replacedMerged(planHash: String)
        /// An earlier sweep was there; `force` deleted its journal and outputs.
        case deletedEarlier
    }

    /// The files a sweep folder may hold: the journal, the finished tables, the manifest, the
    /// report with its charts, and `--keep-points`' folder.
    public static let sweepFiles = [SweepJournal.fileName] + SweepFolder.File.allCases.map(\.rawValue)
        + [SweepFolder.manifestName, "report.html", "charts", SweepFolder.pointsFolderName]

    public let folder: String
    public let kind: Kind

    /// Checks (and, when `force` or a merge replaces a sweep, clears) `folder`.
    ///
    /// - Parameter mergedPlanHash: the spec hash of the sweep a merge writes (`nil` for a run).
    /// - Throws: ``SweepFolderError`` (`.resumeAndForce`, `.holdsForecast`, `.notEmpty`,
    ///   `.holdsSweep`) when the folder may not be used; ``OutputError`` when a file cannot be removed.
    public init(folder: String, resume: Bool, force: Bool, mergedPlanHash: String? = nil) throws {
        self.folder = folder
        if resume && force { throw SweepFolderError.resumeAndForce }
        let contents = OutputFolderContents(path: folder)
        switch contents.kind {
        case .empty:
            kind = .empty
        case .forecast:
            throw SweepFolderError.holdsForecast(folder: folder)
        case .comparison, .calibration:
            throw SweepFolderError.holdsResults(folder: folder, what: contents.resultsDescription ?? "other results")
        case .other:
            throw SweepFolderError.notEmpty(folder: folder, files: contents.entries)
        case .sweep:
            let path = folder + "/" + SweepJournal.fileName
            let header = try? SweepFolder.readJournal(path, missing: .journal(path: path, reason: "cannot read")).header
            if let mergedPlanHash, let header, header.planHash == mergedPlanHash, header.shard == .whole {
                try contents.remove(SweepFolderPreparation.sweepFiles)
                kind = .replacedMerged(planHash: mergedPlanHash)
                return
            }
            if resume {
                kind = .resuming
                return
            }
            guard force else {
                throw SweepFolderError.holdsSweep(folder: folder, finished: contents.entries.contains(SweepFolder.manifestName),
                                                  resumable: mergedPlanHash == nil)
            }
            try contents.remove(SweepFolderPreparation.sweepFiles)
            kind = .deletedEarlier
        }
    }
}
