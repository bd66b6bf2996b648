/// What writing a forecast into a folder will replace — the output-folder policy of `run` and
/// `merge` (README "Output folders"), decided before any work is done, after the folder is locked:
///
/// - an empty or new folder is used;
/// - the same forecast (same config, so seed and trials, and same shard) is replaced;
/// - a different forecast, or forecast results that cannot be identified, are refused unless
///   `force`;
/// - a sweep, a comparison or a calibration is never replaced, forced or not;
/// - other files are left alone, except that a file of one of a forecast's names is refused
///   unless `force`.
///
/// Replacing a forecast also makes its `report.html` and `charts/` stale (they describe the old
/// results): ``removeStale(rewritten:)`` removes them once the new results are written. The
/// library says what it found; the command line words it (``ForecastFolderConflict``).
///
/// ```swift
/// let replacement = try ForecastFolderReplacement(folder: "out", hash: resolved.hash, yaml: resolved.yaml,
///                                                 shard: .whole, force: false)
/// try folder.write(to: OutputDirectory(path: "out"))
/// try replacement.removeStale()
/// ```
public struct ForecastFolderReplacement: Sendable, Equatable {
    /// What the folder held.
    public enum Kind: Sendable, Equatable {
        /// Nothing of cyberrisk's (empty, new, or only other files that no forecast file replaces
        /// — or that `force` allowed to replace).
        case nothing
        /// The same forecast.
        case sameForecast
        /// Forecast results that cannot be identified (why), replaced because of `force`.
        case unidentified(problem: String)
        /// A different forecast, replaced because of `force`; what differs, e.g.
        /// `trials is 100 there, 200 here`.
        case differentForecast(differences: String)
    }

    /// The folder.
    public let folder: String
    public let kind: Kind
    /// The replaced forecast's report files (`report.html`, `charts`), to remove after the new
    /// results are written.
    public let staleFiles: [String]

    /// Checks `folder` before the forecast with config `hash`/`yaml` (``ResolvedScenario``) of
    /// `shard` is written into it.
    ///
    /// - Throws: ``ForecastFolderConflict`` when the folder may not take the forecast.
    public init(folder: String, hash: String, yaml: String, shard: Shard, force: Bool) throws(ForecastFolderConflict) {
        self.folder = folder
        let contents = OutputFolderContents(path: folder)
        let stale = contents.entries.filter(OutputFolderContents.reportFiles.contains)
        switch contents.kind {
        case .empty:
            (kind, staleFiles) = (.nothing, [])
        case .sweep:
            throw .holdsSweep(folder: folder)
        case .comparison, .calibration:
            throw .holdsResults(folder: folder, what: contents.resultsDescription ?? "other results")
        case .other:
            let collisions = contents.collisions(with: OutputFolderContents.forecastFiles)
            guard collisions.isEmpty || force else { throw .foreignFiles(folder: folder, files: collisions) }
            (kind, staleFiles) = (.nothing, [])
        case .forecast:
            guard let state = contents.state else {
                let problem = contents.problem ?? "state.bin unreadable"
                guard force else { throw .unidentified(folder: folder, problem: problem) }
                (kind, staleFiles) = (.unidentified(problem: problem), stale)
                return
            }
            if state.configHash == hash && state.shard == shard {
                (kind, staleFiles) = (.sameForecast, stale)
                return
            }
            let differences = ForecastFolderReplacement.differences(state: state, hash: hash, yaml: yaml, shard: shard)
            guard force else { throw .differentForecast(folder: folder, differences: differences) }
            (kind, staleFiles) = (.differentForecast(differences: differences), stale)
        }
    }

    /// Removes the ``staleFiles`` not in `rewritten` (the report files the command writes anew
    /// need no removing); returns those it removed.
    ///
    /// - Throws: ``OutputError`` naming an entry that cannot be removed.
    @discardableResult
    public func removeStale(rewritten: [String] = []) throws -> [String] {
        guard !staleFiles.isEmpty else { return [] }
        try OutputFolderContents(path: folder).remove(staleFiles)
        return staleFiles.filter { !rewritten.contains($0) }
    }

    /// What differs between the forecast in the folder and the new one: the shard, then each
    /// config field (``ConfigDifference``), else the hashes.
    static func differences(state: StateFile, hash: String, yaml: String, shard: Shard) -> String {
        var parts: [String] = []
        if state.shard != shard { parts.append("shard \(state.shard) there, \(shard == .whole ? "the whole run" : "shard \(shard)") here") }
        let fields = ConfigDifference.between(state.resolvedConfig, yaml)
        parts += fields.map { "\($0.path) is \($0.first) there, \($0.second) here" }
        if parts.isEmpty && state.configHash != hash { parts.append("config hash \(state.configHash) there, \(hash) here") }
        return parts.joined(separator: "; ")
    }
}
