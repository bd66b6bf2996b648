/// Where commands get their scenario: a config file on disk or the embedded default, always with
/// the embedded baseline as the defaults document.
///
/// ```swift
/// let r = try ScenarioCatalog.resolve(path: nil, overrides: ["trials=1000"])
/// r.scenario.trials   // 1000
/// ```
public enum ScenarioCatalog {
    /// The loader over disk files, with the embedded configs for defaults.
    public static var loader: ConfigLoader {
        ConfigLoader(files: DiskFileSystem(), embedded: EmbeddedConfigs.fileSystem)
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
