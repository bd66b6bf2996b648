/// One `--set path=value` override.
///
/// The path is a ``ConfigPath`` (`scenario.iot.devices_bn.rate`, `sectors[3].criticality`,
/// `sectors.energy.threat.success_probability`); the value is read as YAML, so a flow scalar or
/// a flow collection: `trials=200000`, `name='My run'`,
/// `scenario.iot.devices_bn.rate={pert: [0.1, 0.16, 0.2]}`, `dependencies.matrix[0]=[0, 0.1, …]`.
/// Applied to the resolved tree with ``ConfigValue/set(_:at:)``: the node at the path is replaced
/// whole.
struct ConfigOverride: Sendable, Equatable {
    var path: ConfigPath
    var value: ConfigValue

    init(path: ConfigPath, value: ConfigValue) {
        self.path = path
        self.value = value
    }

    /// Parses `path=value` (split at the first `=`).
    ///
    /// - Throws: ``ConfigError`` (file `--set`) for a missing `=`, a bad path or unreadable YAML.
    init(parsing argument: String) throws {
        guard let equals = argument.firstIndex(of: "=") else {
            throw ConfigError(origin: .commandLine, path: "",
                              message: "expected path=value, found '\(ConfigValue.abbreviated(argument))'")
        }
        let pathText = String(argument[..<equals]).trimmingSpaces()
        let valueText = String(argument[argument.index(after: equals)...])
        path = try ConfigPath(parsing: pathText)
        do {
            value = try ConfigParser.parseValue(valueText, origin: .commandLine)
        } catch let error as ConfigError {
            throw ConfigError(origin: .commandLine, path: pathText, message: "cannot read the value '\(ConfigValue.abbreviated(valueText))': "
                              + error.issues.map(\.message).joined(separator: "; "))
        }
    }

    /// Sets the value in `tree`.
    ///
    /// - Throws: ``ConfigError`` for a path that is not in the tree, suggesting near ones.
    func apply(to tree: inout ConfigValue) throws {
        try tree.set(value, at: path)
    }
}

extension String {
    /// The string without leading and trailing spaces.
    fileprivate func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
