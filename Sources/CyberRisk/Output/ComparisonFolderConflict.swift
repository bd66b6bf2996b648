/// Why a comparison may not be written into a folder (``ComparisonFolderReplacement``). The
/// library says what the folder holds; the command line words it, with what to do about it.
public enum ComparisonFolderConflict: Error, Equatable, CustomStringConvertible {
    /// The folder holds another kind of results — a forecast, a sweep or a calibration, as `what`
    /// says (e.g. `a forecast (state.bin, manifest.json)`): a comparison needs a folder of its own.
    case holdsResults(folder: String, what: String)
    /// The folder holds files (or folders) of a comparison's names that are not a cyberrisk
    /// comparison's (no `comparison.bin`).
    case foreignFiles(folder: String, files: [String])
    /// The folder holds a comparison whose `comparison.bin` cannot be read (why).
    case unidentified(folder: String, problem: String)
    /// The folder holds a different comparison: what differs
    /// (``ComparisonFolderReplacement/Kind/differentComparison(differences:)``).
    case differentComparison(folder: String, differences: String)

    public var description: String {
        switch self {
        case let .holdsResults(folder, what):
            "\(folder) holds \(what)"
        case let .foreignFiles(folder, files):
            "\(folder) holds \(files.joined(separator: ", ")), which is not a cyberrisk comparison's (no \(ComparisonState.fileName))"
        case let .unidentified(folder, problem):
            "\(folder) holds comparison results that cannot be identified (\(problem))"
        case let .differentComparison(folder, differences):
            "\(folder) holds the results of a different comparison (\(differences))"
        }
    }
}
