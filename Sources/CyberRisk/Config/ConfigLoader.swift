/// Loads a configuration (YAML, or JSON by extension) into a validated ``Scenario``.
///
/// Resolution, in order (details in `docs/config.md`):
/// 1. **extends** — a file's `extends: FILE` (relative to the file; for embedded files, within the
///    embedded tree) or `extends: NAME` (an embedded scenario, a reference without `/` or `.`)
///    names a parent; the child is deep-merged over it (mappings key by key, sequences and
///    parameters replaced whole). Chains of up to ``maximumExtendsDepth`` parents; cycles are
///    refused. A user's file (``Source/file(_:)``) without `name:` is named after the file's
///    stem (`my-run.yaml` → `my-run`), not after its parents.
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

    /// The reason given for a config file (or `extends` parent) without content — no bytes, or
    /// only blanks and comments, as a failed download or a truncated write leaves it. Such a file
    /// is refused rather than read as "every field at its default".
    public static let emptyFileMessage = "the file is empty (no fields at all): a config file must give at least one field"

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
        return ResolvedScenario(scenario: try scenario(from: tree), tree: tree, source: source.displayName,
                                defaultSectorIDs: defaultSectorIDs)
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
            return try chain(try files.read(path), origin: origin, seen: [], defaultName: ConfigLoader.stem(of: path))
        case .embedded(let name):
            let path = ConfigPathNormalizer.normalize(name)
            let origin = ConfigOrigin(store: .embedded, file: path)
            return try chain(try embedded.read(path), origin: origin, seen: [])
        case .text(let text, let name):
            return try chain(Array(text.utf8), origin: ConfigOrigin(store: .files, file: name), seen: [])
        }
    }

    /// Parses `bytes` and merges it over its `extends` parents. With `defaultName`, a file that
    /// sets no `name:` of its own is named `defaultName` (its parents' names are not inherited).
    private func chain(_ bytes: [UInt8], origin: ConfigOrigin, seen: [ConfigOrigin],
                       defaultName: String? = nil) throws -> ConfigValue {
        let root = try ConfigParser.parseDocument(bytes, origin: origin, json: origin.file.lowercased().hasSuffix(".json"),
                                                  emptyMessage: ConfigLoader.emptyFileMessage)
        let merged = try merge(root, overParentsOf: origin, seen: seen)
        guard let defaultName, root.entry("name") == nil else { return merged }
        return merged.with("name", ConfigValue(.scalar(defaultName, quoted: true), origin: root.origin))
    }

    /// `root` merged over the chain its `extends:` names. A reference without `/` and without
    /// `.` is an embedded scenario's name (`extends: cautious`); anything else is a path,
    /// relative to the file (within the embedded tree for embedded files).
    private func merge(_ root: ConfigValue, overParentsOf origin: ConfigOrigin, seen: [ConfigOrigin]) throws -> ConfigValue {
        guard let entry = root.entry("extends") else { return root }
        let here = entry.keyOrigin
        let path = ConfigPath.root.appending("extends")
        guard case .scalar(let reference, _) = entry.value.content, !reference.isEmpty else {
            throw ConfigError(origin: here, path: "extends",
                              message: "expected a file name or an embedded scenario's name, found \(entry.value.kindDescription)")
        }
        let byName = !reference.contains("/") && !reference.contains(".")
        let parent: ConfigOrigin
        if byName {
            guard let embeddedPath = scenarioPath(named: reference) else {
                throw ConfigError(origin: here, path: path.description,
                                  message: "'\(ConfigValue.abbreviated(reference))' is not an embedded scenario"
                                  + ConfigSuggestion.phrase(for: reference, among: scenarioNames)
                                  + " (available: \(scenarioNames.joined(separator: ", "))); "
                                  + "to extend a file, give its path with the extension, e.g. extends: ./\(reference).yaml")
            }
            parent = ConfigOrigin(store: .embedded, file: embeddedPath)
        } else {
            let fileSystem: any ConfigFileSystem = origin.store == .embedded ? embedded : files
            parent = ConfigOrigin(store: origin.store, file: fileSystem.path(reference, relativeTo: origin.file))
        }
        let parentPath = parent.file
        let fileSystem: any ConfigFileSystem = parent.store == .embedded ? embedded : files
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
            let stem = ConfigLoader.stem(of: reference) ?? ""
            let hint = !byName && scenarioPath(named: stem) != nil
                ? " (to extend the embedded scenario, write extends: \(stem))" : ""
            throw ConfigError(origin: here, path: path.description, message: "cannot read '\(parent.displayName)': "
                              + error.issues.map(\.message).joined(separator: "; ") + hint)
        }
        let base = try chain(parentBytes, origin: parent, seen: visited)
        return root.removing("extends").merged(over: base)
    }

    /// The sector ids of the defaults document, in its order; empty without defaults.
    var defaultSectorIDs: [String] {
        guard let defaults, let document = try? document(.embedded(defaults)) else { return [] }
        return document["sectors"]?.elements?.compactMap { $0["id"]?.text } ?? []
    }

    /// Names of the scenarios in ``embedded``: `baseline` and the YAML files directly in the
    /// ``ScenarioCatalog/folders``, in that order.
    var scenarioNames: [String] {
        var names = (try? embedded.read("baseline.yaml")) != nil ? ["baseline"] : []
        if let tree = embedded as? EmbeddedFileSystem {
            for folder in ScenarioCatalog.folders {
                let prefix = folder + "/"
                names += tree.paths.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".yaml") && !$0.dropFirst(prefix.count).contains("/") }
                    .map { String($0.dropFirst(prefix.count).dropLast(".yaml".count)) }
            }
        }
        return names
    }

    /// The path in ``embedded`` of the scenario `name`, or `nil`.
    func scenarioPath(named name: String) -> String? {
        guard !name.isEmpty, !name.contains("/") else { return nil }
        let candidates = (name == "baseline" ? ["baseline.yaml"] : []) + ScenarioCatalog.folders.map { "\($0)/\(name).yaml" }
        return candidates.first { (try? embedded.read($0)) != nil }
    }

    /// A file name without its folder and extension (`configs/my-run.yaml` → `my-run`); `nil`
    /// when nothing is left.
    static func stem(of path: String) -> String? {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let stem = file.lastIndex(of: ".").map { String(file[..<$0]) } ?? file
        return stem.isEmpty ? nil : stem
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
