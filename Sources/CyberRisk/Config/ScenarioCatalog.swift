/// Where commands get their scenario: a config file on disk, an embedded scenario by name, or the
/// embedded default, always with the embedded baseline as the defaults document.
///
/// ```swift
/// let r = try ScenarioCatalog.resolve(path: nil, overrides: ["trials=1000"])
/// r.scenario.trials   // 1000
/// ScenarioCatalog.names                       // ["baseline", "cautious", …, "estonia-2007", …]
/// try ScenarioCatalog.resolve(scenario: "hyperconnected", overrides: [])
/// ```
public enum ScenarioCatalog {
    /// The loader over disk files, with the embedded configs for defaults.
    package static var loader: ConfigLoader {
        ConfigLoader(files: DiskFileSystem(), embedded: EmbeddedConfigs.fileSystem)
    }

    /// Folders of `configs/` whose YAML files are named scenarios, in listing order.
    static let folders = ["scenarios", "analogues"]

    /// The embedded scenarios by name (`baseline`, then `scenarios/*`, then `analogues/*`; a name is
    /// the file name without `.yaml`), each with its path in the embedded tree.
    static let entries: [(name: String, path: String)] = {
        var result: [(name: String, path: String)] = [("baseline", "baseline.yaml")]
        for folder in folders {
            let prefix = folder + "/"
            let paths = EmbeddedConfigs.files.keys
                .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".yaml") && !$0.dropFirst(prefix.count).contains("/") }
                .sorted()
            for path in paths {
                result.append((String(path.dropFirst(prefix.count).dropLast(".yaml".count)), path))
            }
        }
        return result
    }()

    /// Names of the embedded scenarios, in listing order.
    public static var names: [String] { entries.map(\.name) }

    /// Embedded path (relative to `configs/`) of the scenario `name`, or `nil` if unknown.
    public static func path(of name: String) -> String? {
        entries.first { $0.name == name }?.path
    }

    /// The one-line `description:` of the embedded scenario `name` (as resolved, so a scenario
    /// without one inherits its parent's).
    ///
    /// - Throws: ``ScenarioCatalogError/unknown(_:)`` for an unknown name; ``ConfigError`` if the
    ///   embedded file does not resolve.
    public static func description(of name: String) throws -> String {
        try resolve(scenario: name, overrides: []).scenario.description
    }

    /// Resolves the embedded scenario `name` with `overrides` applied.
    public static func resolve(scenario name: String, overrides: [String]) throws -> ResolvedScenario {
        guard let path = path(of: name) else { throw ScenarioCatalogError.unknown(name) }
        return try loader.resolve(.embedded(path), overrides: overrides)
    }

    /// Resolves `path` (or the embedded `baseline.yaml` when `nil`) with `overrides` applied.
    public static func resolve(path: String?, overrides: [String]) throws -> ResolvedScenario {
        try loader.resolve(path.map { .file($0) } ?? .embedded("baseline.yaml"), overrides: overrides)
    }

    /// Loads a resolved config (as stored in a state file or manifest).
    public static func scenario(fromResolved yaml: String, source: String) throws -> Scenario {
        try loader.load(text: yaml, name: source)
    }
}

/// A scenario name that is not in the catalog.
public enum ScenarioCatalogError: Error, Equatable, CustomStringConvertible {
    case unknown(String)

    public var description: String {
        switch self {
        case .unknown(let name):
            "unknown scenario '\(name)'; available: " + ScenarioCatalog.names.joined(separator: ", ")
        }
    }
}
