/// What writing a comparison into a folder will replace — the output-folder policy of `compare`
/// and of `merge` for compare shards (README "Output folders"), decided before any work is done,
/// after the folder is locked; the comparison counterpart of ``ForecastFolderReplacement``:
///
/// - an empty or new folder is used;
/// - the same comparison (the same scenarios in the same order with the same resolved configs,
///   so seed and trials, and the same shard; read from the folder's `comparison.bin`) is replaced;
/// - a different comparison, or comparison results that cannot be identified, are refused unless
///   `force`;
/// - a forecast, a sweep or a calibration is never replaced, forced or not;
/// - other files are left alone, except that a file or folder of one of the comparison's names
///   (`comparison.csv`, `comparison.bin`, `manifest.json`, the report, a scenario's folder) is
///   refused unless `force`.
///
/// Replacing a comparison makes its `report.html` and `charts/` stale, and so are the folders
/// of its scenarios that the new comparison does not have: ``removeStale(rewritten:)`` removes
/// them once the new results are written.
///
/// ```swift
/// let replacement = try ComparisonFolderReplacement(folder: "compare", scenarios: identities, seed: 2026,
///                                                   trials: 10_000, shard: .whole, force: false)
/// try ComparisonOutput.write(parts: parts, state: state, manifest: manifest, to: OutputDirectory(path: "compare"))
/// try replacement.removeStale()
/// ```
public struct ComparisonFolderReplacement: Sendable, Equatable {
    /// What the folder held.
    public enum Kind: Sendable, Equatable {
        /// Nothing of cyberrisk's (empty, new, or only other files that no comparison file
        /// replaces — or that `force` allowed to replace).
        case nothing
        /// The same comparison.
        case sameComparison
        /// Comparison results that cannot be identified (why), replaced because of `force`.
        case unidentified(problem: String)
        /// A different comparison, replaced because of `force`; what differs, e.g.
        /// `scenario 'base': config hash 1f… there, 9c… here`.
        case differentComparison(differences: String)
    }

    /// The folder.
    public let folder: String
    public let kind: Kind
    /// What to remove after the new results are written: the replaced comparison's report files
    /// and the folders of its scenarios that the new one does not have.
    public let staleFiles: [String]

    /// Checks `folder` before the comparison of `scenarios` (name and config hash of each, the
    /// base first, as in ``ComparisonState/scenarios``) with `seed` and `trials`, of `shard`, is
    /// written into it.
    ///
    /// - Throws: ``ComparisonFolderConflict`` when the folder may not take the comparison.
    public init(folder: String, scenarios: [(name: String, configHash: String)], seed: UInt64, trials: Int,
                shard: Shard, force: Bool) throws(ComparisonFolderConflict) {
        self.folder = folder
        let contents = OutputFolderContents(path: folder)
        let folders = scenarios.map { ComparisonOutput.folderName($0.name) }
        let report = contents.entries.filter(OutputFolderContents.reportFiles.contains)
        switch contents.kind {
        case .empty:
            (kind, staleFiles) = (.nothing, [])
        case .forecast, .sweep, .calibration:
            throw .holdsResults(folder: folder, what: contents.resultsDescription ?? "other results")
        case .other:
            let names = ComparisonFolderReplacement.files + OutputFolderContents.reportFiles + folders
            let collisions = contents.collisions(with: names)
            guard collisions.isEmpty || force else { throw .foreignFiles(folder: folder, files: collisions) }
            (kind, staleFiles) = (.nothing, [])
        case .comparison:
            guard let state = contents.comparison else {
                let problem = contents.problem ?? "\(ComparisonState.fileName) unreadable"
                guard force else { throw .unidentified(folder: folder, problem: problem) }
                (kind, staleFiles) = (.unidentified(problem: problem), report)
                return
            }
            let old = state.scenarios.map { ComparisonOutput.folderName($0.name) }
            let stale = report + old.filter { !folders.contains($0) && contents.entries.contains($0) }
            let differences = ComparisonFolderReplacement.differences(state: state, scenarios: scenarios, seed: seed,
                                                                     trials: trials, shard: shard)
            if differences.isEmpty {
                (kind, staleFiles) = (.sameComparison, stale)
                return
            }
            guard force else { throw .differentComparison(folder: folder, differences: differences) }
            (kind, staleFiles) = (.differentComparison(differences: differences), stale)
        }
    }

    public static func == (a: ComparisonFolderReplacement, b: ComparisonFolderReplacement) -> Bool {
        a.folder == b.folder && a.kind == b.kind && a.staleFiles == b.staleFiles
    }

    /// The files of a comparison folder besides its report and its scenarios' folders.
    static let files = ["comparison.csv", ComparisonState.fileName, "manifest.json"]

    /// Removes the ``staleFiles`` not in `rewritten` (the report files the command writes anew
    /// need no removing); returns those it removed.
    ///
    /// - Throws: ``OutputError`` naming an entry that cannot be removed.
    @discardableResult
    public func removeStale(rewritten: [String] = []) throws -> [String] {
        let gone = staleFiles.filter { !rewritten.contains($0) }
        guard !gone.isEmpty else { return [] }
        try OutputFolderContents(path: folder).remove(gone)
        return gone
    }

    /// What differs between the comparison in the folder and the new one: the shard, the seed,
    /// the trials, the scenarios (names and order); when none of those does, each scenario's
    /// config hash. Empty when nothing differs.
    static func differences(state: ComparisonState, scenarios: [(name: String, configHash: String)], seed: UInt64,
                            trials: Int, shard: Shard) -> String {
        var parts: [String] = []
        if state.shard != shard { parts.append("shard \(state.shard) there, \(shard == .whole ? "the whole run" : "shard \(shard)") here") }
        if state.seed != seed { parts.append("seed is \(state.seed) there, \(seed) here") }
        if state.trials != trials { parts.append("trials is \(state.trials) there, \(trials) here") }
        let there = state.scenarios.map(\.name), here = scenarios.map(\.name)
        if there != here {
            parts.append("scenarios \(there.joined(separator: ", ")) there, \(here.joined(separator: ", ")) here")
        } else if parts.isEmpty {
            for (a, b) in zip(state.scenarios, scenarios) where a.configHash != b.configHash {
                parts.append("scenario '\(a.name)': config hash \(a.configHash) there, \(b.configHash) here")
            }
        }
        return parts.joined(separator: "; ")
    }
}
