import CyberRisk

/// What `calibrate` does with its output folder before it writes — the calibration part of the
/// output-folder policy (README "Output folders"), decided before the sampler runs:
///
/// - an empty or new folder is used;
/// - a folder holding a calibration (its `posterior.csv`) is replaced: the new fit is written
///   over it, and the earlier one's files that the new one does not write (its `hindcast.csv`,
///   its report) are removed afterwards by ``removeStale(rewritten:)``;
/// - a folder holding a forecast, a sweep or a comparison is never used, forced or not;
/// - other files are left alone, except that a file of one of a calibration's names is refused
///   unless `force`.
///
/// A calibration is replaced without `force` because it is re-derived from inputs its manifest
/// names (the incident file and its hash, the config, the sampler settings): nothing in it is
/// lost that the same command cannot write again.
///
/// ```swift
/// let preparation = try CalibrationFolderPreparation(folder: "calibration", force: false)
/// try OutputDirectory(path: "calibration").writeAll(files)
/// try preparation.removeStale(rewritten: files.map(\.name))
/// ```
public struct CalibrationFolderPreparation: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Nothing of cyberrisk's was there (or only other files `force` allowed to overwrite).
        case nothing
        /// An earlier calibration was there; it is replaced.
        case replacingCalibration
    }

    /// The files a calibration folder may hold.
    public static let calibrationFiles = ["posterior.csv", "ppc.csv", "diagnostics.csv", "calibrated.yaml", "hindcast.csv",
                                          "manifest.json"] + OutputFolderContents.reportFiles

    public let folder: String
    public let kind: Kind
    /// The earlier calibration's files, to remove after the new one is written unless rewritten.
    public let staleFiles: [String]

    /// Checks `folder` before a calibration is written into it.
    ///
    /// - Throws: ``CalibrationFolderConflict`` when the folder may not take the calibration.
    public init(folder: String, force: Bool) throws(CalibrationFolderConflict) {
        self.folder = folder
        let contents = OutputFolderContents(path: folder)
        switch contents.kind {
        case .empty:
            (kind, staleFiles) = (.nothing, [])
        case .forecast, .sweep, .comparison:
            throw .holdsResults(folder: folder, what: contents.resultsDescription ?? "other results")
        case .other:
            let collisions = contents.collisions(with: CalibrationFolderPreparation.calibrationFiles)
            guard collisions.isEmpty || force else { throw .foreignFiles(folder: folder, files: collisions) }
            (kind, staleFiles) = (.nothing, [])
        case .calibration:
            (kind, staleFiles) = (.replacingCalibration, contents.collisions(with: CalibrationFolderPreparation.calibrationFiles))
        }
    }

    /// Removes the ``staleFiles`` not in `rewritten` (the files the new calibration wrote);
    /// returns those it removed.
    ///
    /// - Throws: ``OutputError`` naming an entry that cannot be removed.
    @discardableResult
    public func removeStale(rewritten: [String]) throws -> [String] {
        let gone = staleFiles.filter { !rewritten.contains($0) }
        guard !gone.isEmpty else { return [] }
        try OutputFolderContents(path: folder).remove(gone)
        return gone
    }
}
