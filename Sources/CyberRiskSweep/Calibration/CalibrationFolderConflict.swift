import CyberRisk

/// Why a calibration may not be written into a folder (``CalibrationFolderPreparation``). The
/// library says what the folder holds; the command line words it, with what to do about it.
public enum CalibrationFolderConflict: Error, Equatable, CustomStringConvertible {
    /// The folder holds a forecast, a sweep or a comparison, as `what` says (e.g.
    /// `a forecast (state.bin, manifest.json)`): a calibration needs a folder of its own.
    case holdsResults(folder: String, what: String)
    /// The folder holds files of a calibration's names that are not a cyberrisk calibration's
    /// (no `posterior.csv`).
    case foreignFiles(folder: String, files: [String])

    public var description: String {
        switch self {
        case let .holdsResults(folder, what):
            "\(folder) holds \(what)"
        case let .foreignFiles(folder, files):
            "\(folder) holds \(files.joined(separator: ", ")), which is not a cyberrisk calibration's "
                + "(no \(OutputFolderContents.calibrationMarker))"
        }
    }
}
