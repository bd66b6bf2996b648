/// A file or folder of an output (a forecast or sweep folder, a report) that could not be
/// written, or could not be read back: its path and the reason, e.g.
/// `out/summary.csv: No space left on device` or
/// `out/summary.csv: line 7: column 'mean': expected a number, found 'abc'`.
///
/// ``operation-swift.property`` keeps the two apart: a folder that cannot be read or holds a
/// malformed file is bad input (the CLI exits 2), a failed write is a runtime failure (exit 1).
public struct OutputError: Error, CustomStringConvertible, Equatable {
    /// Whether the file was being written or read.
    public enum Operation: Sendable, Equatable {
        case write, read
    }

    public var operation: Operation
    public var path: String
    public var reason: String

    /// A file or folder that could not be written (created, staged, renamed or locked).
    public init(path: String, reason: String) {
        operation = .write
        self.path = path
        self.reason = reason
    }

    /// A file or folder that could not be read, or whose content is not what it should be.
    public init(reading path: String, reason: String) {
        operation = .read
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
