/// A configuration that cannot be used: every problem found, by file and line.
///
/// Loading never stops at the first problem it can recover from: one error lists all of them
/// (at most 100; a final issue counts the rest). `description` has one line per
/// issue, `file:line: path: reason`.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems, by file and line.
    public var issues: [ConfigIssue]

    /// How many issues one error lists before it summarises the rest.
    static let maximumIssues = 100

    init(issues: [ConfigIssue]) {
        self.issues = issues
    }

    /// An error with one issue.
    init(_ issue: ConfigIssue) {
        self.issues = [issue]
    }

    /// An error with one issue about a value from `origin`.
    package init(origin: ConfigOrigin, path: String, message: String) {
        self.issues = [ConfigIssue(origin: origin, path: path, message: message)]
    }

    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}
