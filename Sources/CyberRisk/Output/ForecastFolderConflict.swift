/// Why a forecast may not be written into a folder (``ForecastFolderReplacement``). The library
/// says what the folder holds; the command line words it, with what to do about it.
public enum ForecastFolderConflict: Error, Equatable, CustomStringConvertible {
    /// The folder holds a sweep (its journal): a forecast needs a folder of its own.
    case holdsSweep(folder: String)
    /// The folder holds another kind of results than a forecast's or a sweep's — a comparison or
    /// a calibration, as `what` says (e.g. `a comparison (comparison.bin)`).
    case holdsResults(folder: String, what: String)
    /// The folder holds files of a forecast's names that are not a cyberrisk forecast's (no
    /// `state.bin` or `manifest.json`).
    case foreignFiles(folder: String, files: [String])
    /// The folder holds forecast results whose `state.bin` cannot be read (why).
    case unidentified(folder: String, problem: String)
    /// The folder holds a different forecast: what differs (``ForecastFolderReplacement/Kind/differentForecast(differences:)``).
    case differentForecast(folder: String, differences: String)

    public var description: String {
        switch self {
        case let .holdsSweep(folder):
            "\(folder) holds a sweep (\(OutputFolderContents.sweepJournalName))"
        case let .holdsResults(folder, what):
            "\(folder) holds \(what)"
        case let .foreignFiles(folder, files):
            "\(folder) holds \(files.joined(separator: ", ")), which is not a cyberrisk forecast's (no state.bin or manifest.json)"
        case let .unidentified(folder, problem):
            "\(folder) holds forecast results that cannot be identified (\(problem))"
        case let .differentForecast(folder, differences):
            "\(folder) holds the results of a different forecast (\(differences))"
        }
    }
}
