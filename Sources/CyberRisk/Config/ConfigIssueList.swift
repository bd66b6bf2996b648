/// The problems collected while loading one configuration, capped at
/// ``ConfigError/maximumIssues`` (the rest are only counted). The error lists them by file (in
/// order of first appearance) and line.
package struct ConfigIssueList: Sendable {
    private(set) var issues: [ConfigIssue] = []
    private(set) var omitted = 0

    package init() {}

    /// Issues recorded so far, including omitted ones.
    package var count: Int { issues.count + omitted }
    package var isEmpty: Bool { count == 0 }

    package mutating func add(_ issue: ConfigIssue) {
        if issues.count < ConfigError.maximumIssues {
            issues.append(issue)
        } else {
            omitted += 1
        }
    }

    package mutating func add(_ origin: ConfigOrigin, _ path: ConfigPath, _ message: String) {
        add(ConfigIssue(origin: origin, path: path.description, message: message))
    }

    package mutating func add(contentsOf error: ConfigError) {
        for issue in error.issues { add(issue) }
    }

    /// The error listing every issue, or `nil` when there is none.
    var error: ConfigError? {
        guard !isEmpty else { return nil }
        // Files in order of first appearance, then by line (issues without a line last), then
        // in the order found.
        var fileRank: [String: Int] = [:]
        for issue in issues where fileRank[issue.file] == nil { fileRank[issue.file] = fileRank.count }
        var all = issues.enumerated().sorted { a, b in
            let fa = fileRank[a.element.file] ?? 0, fb = fileRank[b.element.file] ?? 0
            if fa != fb { return fa < fb }
            let la = a.element.line ?? Int.max, lb = b.element.line ?? Int.max
            if la != lb { return la < lb }
            return a.offset < b.offset
        }.map(\.element)
        if omitted > 0 {
            all.append(ConfigIssue(file: "cyberrisk", line: nil, path: "",
                                   message: "\(omitted) more problem\(omitted == 1 ? "" : "s") not shown"))
        }
        return ConfigError(issues: all)
    }

    /// Throws the collected issues, if any.
    package func throwIfAny() throws {
        if let error { throw error }
    }
}
