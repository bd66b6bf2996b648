/// One problem found in a configuration: the file (and line, when known) that wrote the value,
/// the field's path in the configuration, and the reason.
///
/// ```
/// scenario.yaml:14: sectors[3].threat.success_probability: must be in [0, 1], found 1.5
/// ```
public struct ConfigIssue: Sendable, Hashable, CustomStringConvertible {
    /// The file as shown to the user (`embedded:<path>` for embedded files, `--set` for overrides).
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// The field path, e.g. `sectors[3].threat.success_probability`; empty for the whole file.
    public var path: String
    /// Why the value is refused.
    public var message: String

    package init(file: String, line: Int?, path: String, message: String) {
        self.file = file
        self.line = line
        self.path = path
        self.message = message
    }

    /// An issue about a value from `origin`.
    package init(origin: ConfigOrigin, path: String, message: String) {
        self.init(file: origin.displayName, line: origin.line, path: path, message: message)
    }

    /// `file:line: path: message` (the line and path parts are left out when absent).
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if !path.isEmpty { text += path + ": " }
        return text + message
    }
}
