import CyberRisk

/// Why a report could not be made: the file (or folder) at fault and the reason, e.g.
/// `out/summary.csv: line 7: column 'mean': expected a number, found 'abc'`.
public struct ReportError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
