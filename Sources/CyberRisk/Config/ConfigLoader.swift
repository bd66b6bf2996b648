/// Loads a configuration (YAML, or JSON by extension) into a validated ``Scenario``.
///
/// Resolution, in order (details in `docs/config.md`):
/// 1. **extends** — a file's `extends: FILE` (relative to the file; for embedded files, within the
///    embedded tree) names a parent; the child is deep-merged over it (mappings key by key,
///    sequences and parameters replaced whole). Chains of up to ``maximumExtendsDepth`` parents;
///    cycles are refused.
/// 2. **defaults** — every field left out is taken from the defaults document (the embedded
///    `baseline.yaml`), by the rules of ``ConfigDefaults``.
/// 3. **overrides** — `--set path=value` arguments, in order (``ConfigOverride``).
/// 4. **decoding and validation** — every problem is collected into one ``ConfigError``.
///
/// A `dependencies.csv` matrix is read relative to the file that names it and put inline in the
/// resolved tree (`matrix:` rows plus `source:`), so overrides and sweeps can address its entries.
///
/// ```swift
/// let loader = ConfigLoader(embedded: EmbeddedFileSystem(files: embeddedConfigs))
/// let scenario = try loader.load(path: "my.yaml", overrides: ["trials=200000"])
/// ```
package struct ConfigLoader: Sendable {
    /// What to load.
    package enum Source: Sendable, Hashable {
        /// A file in ``files``.
        case file(String)
        /// A file in ``embedded``, by path relative to `configs/`.
        case embedded(String)
        /// In-memory text, named as a file in ``files`` (its extension picks JSON; `extends` is
        /// relative to it).
        case text(String, name: String)

        /// The file as shown to the user: the path, `embedded:<path>`, or the text's name.
        var displayName: String {
            switch self {
            case .file(let path): path
            case .embedded(let name): "embedded:" + ConfigPathNormalizer.normalize(name)
            case .text(_, let name): name
            }
        }
    }

    /// User files (normally the disk).
    var files: any ConfigFileSystem
    /// The embedded configs tree.
    var embedded: any ConfigFileSystem
    /// Path in ``embedded`` of the defaults document, or `nil` for no defaults (every field must
    /// then be given).
    var defaults: String?

    /// Most parents an `extends` chain may have.
    static let maximumExtendsDepth = 16

    package init(files: any ConfigFileSystem = DiskFileSystem(), embedded: any ConfigFileSystem,
                defaults: String? = "baseline.yaml") {
        self.files = files
        self.embedded = embedded
        self.defaults = defaults
    }

    // MARK: Loading

    /// Resolves and validates `source` with `overrides` (`path=value` strings).
    ///
    /// - Throws: ``ConfigError`` listing every problem.
    package func resolve(_ source: Source, overrides: [String] = []) throws -> ResolvedScenario {
        let tree = try resolvedTree(source, overrides: overrides)
        return ResolvedScenario(scenario: try scenario(from: tree), tree: tree, source: source.displayName)
    }

    /// The scenario in the file at `path` (in ``files``).
    func load(path: String, overrides: [String] = []) throws -> Scenario {
        try resolve(.file(path), overrides: overrides).scenario
    }

    /// The scenario in the embedded file `name` (e.g. `"baseline.yaml"`, `"scenarios/x.yaml"`).
    func load(embedded name: String, overrides: [String] = []) throws -> Scenario {
        try resolve(.embedded(name), overrides: overrides).scenario
    }

    /// The scenario written in `text`, as if read from the file `name`.
    package func load(text: String, name: String = "config.yaml", overrides: [String] = []) throws -> Scenario {
        try resolve(.text(text, name: name), overrides: overrides).scenario
    }

    // MARK: Stages

    /// The resolved tree: `extends` merged, defaults filled, CSV matrices inline, overrides
    /// applied — not yet validated.
    ///
    /// - Throws: ``ConfigError`` for unreadable files, YAML errors, `extends` problems and
    ///   overrides that do not parse or name no field (all overrides are tried).
    func resolvedTree(_ source: Source, overrides: [String] = []) throws -> ConfigValue {
        var tree = try document(source)
        if let defaults {
            let document = inlineCSV(try self.document(.embedded(defaults)))
            tree = ConfigDefaults(document: document).apply(to: tree)
        }
        tree = inlineCSV(tree)
        var issues = ConfigIssueList()
        for argument in overrides {
            do {
                try ConfigOverride(parsing: argument).apply(to: &tree)
            } catch let error as ConfigError {
                issues.add(contentsOf: error)
            }
        }
        try issues.throwIfAny()
        return inlineCSV(tree)
    }

    /// Decodes and validates a resolved tree.
    ///
    /// - Throws: ``ConfigError`` listing every problem.
    package func scenario(from tree: ConfigValue) throws -> Scenario {
        var decoder = ScenarioDecoder(files: files, embedded: embedded)
        let scenario = decoder.decode(tree)
        try decoder.issues.throwIfAny()
        guard let scenario else {
            throw ConfigError(origin: tree.origin, path: "", message: "invalid configuration")
        }
        return scenario
    }

    /// A file with its `extends` chain merged (the `extends` key removed).
    func document(_ source: Source) throws -> ConfigValue {
        switch source {
        case .file(let path):
            let origin = ConfigOrigin(store: .files, file: path)
            return try chain(try files.read(path), origin: origin, seen: [])
        case .embedded(let name):
            let path = ConfigPathNormalizer.normalize(name)
            let origin = ConfigOrigin(store: .embedded, file: path)
            return try chain(try embedded.read(path), origin: origin, seen: [])
        case .text(let text, let name):
            return try chain(Array(text.utf8), origin: ConfigOrigin(store: .files, file: name), seen: [])
        }
    }

    /// Parses `bytes` and merges it over its `extends` parents.
    private func chain(_ bytes: [UInt8], origin: ConfigOrigin, seen: [ConfigOrigin]) throws -> ConfigValue {
        let root = try ConfigParser.parseDocument(bytes, origin: origin, json: origin.file.lowercased().hasSuffix(".json"))
        guard let entry = root.entry("extends") else { return root }
        let here = entry.keyOrigin
        let path = ConfigPath.root.appending("extends")
        guard case .scalar(let reference, _) = entry.value.content, !reference.isEmpty else {
            throw ConfigError(origin: here, path: "extends", message: "expected a file name, found \(entry.value.kindDescription)")
        }
        let fileSystem: any ConfigFileSystem = origin.store == .embedded ? embedded : files
        let parentPath = fileSystem.path(reference, relativeTo: origin.file)
        let parent = ConfigOrigin(store: origin.store, file: parentPath)
        let visited = seen + [origin]
        if visited.contains(where: { $0.store == parent.store && ConfigPathNormalizer.normalize($0.file) == parentPath }) {
            let cycle = (visited + [parent]).map(\.displayName).joined(separator: " → ")
            throw ConfigError(origin: here, path: path.description, message: "extends cycle: \(cycle)")
        }
        guard visited.count <= ConfigLoader.maximumExtendsDepth else {
            throw ConfigError(origin: here, path: path.description,
                              message: "extends chain longer than \(ConfigLoader.maximumExtendsDepth) files")
        }
        let parentBytes: [UInt8]
        do {
            parentBytes = try fileSystem.read(parentPath)
        } catch let error as ConfigError {
            throw ConfigError(origin: here, path: path.description, message: "cannot read '\(parent.displayName)': "
                              + error.issues.map(\.message).joined(separator: "; "))
        }
        let base = try chain(parentBytes, origin: parent, seen: visited)
        return root.removing("extends").merged(over: base)
    }

    /// The tree with a readable `dependencies.csv` replaced by `source:` and inline `matrix:`
    /// rows in sector order; unchanged if anything is wrong (decoding then reports it).
    func inlineCSV(_ tree: ConfigValue) -> ConfigValue {
        guard let deps = tree["dependencies"], let csvNode = deps["csv"], deps["matrix"] == nil,
              case .scalar(let reference, _) = csvNode.content,
              let ids = tree["sectors"]?.elements?.map({ $0["id"]?.text }), ids.allSatisfy({ $0 != nil }) else {
            return tree
        }
        let sectorIDs = ids.map { $0! }
        var decoder = ScenarioDecoder(files: files, embedded: embedded)
        let path = ConfigPath.root.appending("dependencies").appending("csv")
        guard sectorIDs.count <= ScenarioDecoder.maximumSectors, Set(sectorIDs).count == sectorIDs.count,
              let (bytes, origin) = decoder.read(reference, from: csvNode.origin, path),
              let csv = DependencyCSV.parse(bytes, origin: origin, path: path, issues: &decoder.issues),
              let matrix = csv.matrix(for: sectorIDs, path: path, issues: &decoder.issues) else { return tree }
        let n = matrix.count
        let rows = (0..<n).map { i -> ConfigValue in
            let rowOrigin = origin.at(line: csv.line(ofRow: sectorIDs[i]))
            return ConfigValue(.sequence((0..<n).map { .plain(ScenarioEncoder.format(matrix[i, $0]), origin: rowOrigin) }),
                               origin: rowOrigin)
        }
        guard case .mapping(let entries) = deps.content else { return tree }
        var out: [ConfigValue.Entry] = []
        for entry in entries where entry.key != "source" {
            if entry.key == "csv" {
                out.append(.init(key: "source", keyOrigin: entry.keyOrigin, value: csvNode))
                out.append(.init(key: "matrix", keyOrigin: entry.keyOrigin,
                                 value: ConfigValue(.sequence(rows), origin: origin.at(line: nil))))
            } else {
                out.append(entry)
            }
        }
        return tree.with("dependencies", ConfigValue(.mapping(out), origin: deps.origin))
    }
}
