import CyberRisk
/// Bad incident data: every problem found, each naming the file, the line and the column.
public struct IncidentDataError: Error, CustomStringConvertible, Equatable {
    /// The problems, in file order (`ConfigIssue.path` holds the column name).
    public var issues: [ConfigIssue]

    public init(issues: [ConfigIssue]) {
        self.issues = issues
    }

    /// Most issues listed; the rest are counted.
    public static let listLimit = 100

    /// One issue per line, `file:line: column: reason`.
    public var description: String {
        var lines = issues.prefix(IncidentDataError.listLimit).map(\.description)
        if issues.count > IncidentDataError.listLimit {
            lines.append("… and \(issues.count - IncidentDataError.listLimit) more problems")
        }
        return lines.joined(separator: "\n")
    }
}
