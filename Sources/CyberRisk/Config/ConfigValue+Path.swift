/// Addressing a tree by ``ConfigPath``: reading, overriding, and listing the numeric leaves
/// (the machinery of `--set` and of parameter sweeps).
extension ConfigValue {
    /// Why a path does not lead anywhere.
    private struct Miss {
        /// Index of the component that failed.
        var position: Int
        /// Names that would have been accepted there (keys or ids).
        var candidates: [String]
        var reason: String
        /// What was found instead of a collection, if that is the problem.
        var found: String? = nil
    }

    /// The node at `path`, or `nil` if there is none.
    package func value(at path: ConfigPath) -> ConfigValue? {
        if case .success(let node) = locate(path.components[...], from: 0) { return node }
        return nil
    }

    /// Replaces the node at `path` with `newValue` (the whole node: a mapping is not merged).
    ///
    /// Every component but the last must exist. The last may name a missing key only in an
    /// open table (`dependencies.lifeline_overlay.floors`, `human_security.dimensions` and its
    /// tables) or an optional `dependencies` key; setting `dependencies.matrix` or `.csv` removes
    /// the other and `dependencies.source`.
    ///
    /// - Throws: ``ConfigError`` naming the path, with the nearest valid paths suggested.
    package mutating func set(_ newValue: ConfigValue, at path: ConfigPath) throws {
        let components = path.components
        guard let last = components.last else {
            self = newValue
            return
        }
        let parentPath = path.parent
        switch locate(parentPath.components[...], from: 0) {
        case .failure(let miss):
            throw unknownPath(path, miss)
        case .success(let parent):
            if let miss = ConfigValue.missOfLast(last, in: parent, parentPath: parentPath) {
                throw unknownPath(path, miss)
            }
        }
        try ConfigValue.modify(&self, components[...]) { node in node = newValue }
        if parentPath.components == [.key("dependencies")], case .key(let key) = last,
           ConfigSchema.matrixAlternatives.contains(key) {
            try ConfigValue.modify(&self, parentPath.components[...]) { deps in
                if case .mapping(let entries) = deps.content {
                    deps.content = .mapping(entries.filter {
                        $0.key == key || !(ConfigSchema.matrixAlternatives.contains($0.key) || $0.key == "source")
                    })
                }
            }
        }
    }

    /// A copy with `newValue` at `path` (see ``set(_:at:)``).
    package func setting(_ newValue: ConfigValue, at path: ConfigPath) throws -> ConfigValue {
        var copy = self
        try copy.set(newValue, at: path)
        return copy
    }

    /// Paths of every plain scalar that reads as a finite number, in document order — the
    /// values a parameter sweep can vary. Elements of a sequence of mappings with distinct `id`s
    /// are addressed by id (`sectors.energy.criticality`), others by position
    /// (`dependencies.matrix[0][3]`, `…attacks_per_year.pert[1]`).
    func numericLeafPaths() -> [ConfigPath] {
        var out: [ConfigPath] = []
        collectNumericLeaves(path: .root, into: &out)
        return out
    }

    // MARK: Implementation

    private func collectNumericLeaves(path: ConfigPath, into out: inout [ConfigPath]) {
        switch content {
        case .null: return
        case .scalar:
            if number != nil { out.append(path) }
        case .mapping(let entries):
            for entry in entries {
                entry.value.collectNumericLeaves(path: path.appending(entry.key), into: &out)
            }
        case .sequence(let elements):
            let ids = elements.map { $0["id"]?.text }
            let byID = !ids.isEmpty && ids.allSatisfy { $0 != nil } && Set(ids).count == ids.count
            for (i, element) in elements.enumerated() {
                let next = byID ? path.appending(ids[i]!) : path.appending(index: i)
                element.collectNumericLeaves(path: next, into: &out)
            }
        }
    }

    private enum Located {
        case success(ConfigValue)
        case failure(Miss)
    }

    /// Follows `components` from this node; `position` is the index of the first one in the path.
    private func locate(_ components: ArraySlice<ConfigPath.Component>, from position: Int) -> Located {
        var node = self
        var k = position
        for component in components {
            switch ConfigValue.step(node, component) {
            case .success(let next): node = next
            case .failure(var miss):
                miss.position = k
                return .failure(miss)
            }
            k += 1
        }
        return .success(node)
    }

    /// One step down, or why not (position left 0).
    private static func step(_ node: ConfigValue, _ component: ConfigPath.Component) -> Located {
        switch (component, node.content) {
        case (.key(let key), .mapping(let entries)):
            if let entry = entries.first(where: { $0.key == key }) { return .success(entry.value) }
            return .failure(Miss(position: 0, candidates: entries.map(\.key), reason: "no field '\(key)'"))
        case (.key(let id), .sequence(let elements)):
            if let element = elements.first(where: { $0["id"]?.text == id }) { return .success(element) }
            let ids = elements.compactMap { $0["id"]?.text }
            return .failure(Miss(position: 0, candidates: ids, reason: "no element with id '\(id)'"))
        case (.index(let i), .sequence(let elements)):
            if elements.indices.contains(i) { return .success(elements[i]) }
            let range = elements.isEmpty ? "it is empty" : "valid: 0…\(elements.count - 1)"
            return .failure(Miss(position: 0, candidates: [], reason: "index \(i) out of range (\(range))"))
        case (.index(let i), _):
            return .failure(Miss(position: 0, candidates: [], reason: "not a sequence (for [\(i)])", found: node.kindDescription))
        case (.key(let key), _):
            return .failure(Miss(position: 0, candidates: [], reason: "which has no field '\(key)'", found: node.kindDescription))
        }
    }

    /// Whether the last component can be set on `parent` (nil) or why not.
    private static func missOfLast(_ last: ConfigPath.Component, in parent: ConfigValue,
                                   parentPath: ConfigPath) -> Miss? {
        switch step(parent, last) {
        case .success: return nil
        case .failure(var miss):
            miss.position = parentPath.components.count
            if case .key(let key) = last, parent.entries != nil, ConfigSchema.allowsNewKey(key, under: parentPath) {
                return nil
            }
            if case .key = last, parentPath.components == [.key("dependencies")] {
                miss.candidates = ConfigSchema.dependencies
            }
            return miss
        }
    }

    /// Applies `body` to the node at `components` (which must exist but for a last missing key).
    private static func modify(_ node: inout ConfigValue, _ components: ArraySlice<ConfigPath.Component>,
                               _ body: (inout ConfigValue) throws -> Void) throws {
        guard let first = components.first else {
            try body(&node)
            return
        }
        let rest = components.dropFirst()
        switch (first, node.content) {
        case (.key(let key), .mapping(var entries)):
            if let i = entries.firstIndex(where: { $0.key == key }) {
                try modify(&entries[i].value, rest, body)
            } else {
                var fresh = ConfigValue(.null, origin: .commandLine)
                try modify(&fresh, rest, body)
                entries.append(Entry(key: key, keyOrigin: .commandLine, value: fresh))
            }
            node.content = .mapping(entries)
        case (.key(let id), .sequence(var elements)):
            guard let i = elements.firstIndex(where: { $0["id"]?.text == id }) else { return }
            try modify(&elements[i], rest, body)
            node.content = .sequence(elements)
        case (.index(let i), .sequence(var elements)) where elements.indices.contains(i):
            try modify(&elements[i], rest, body)
            node.content = .sequence(elements)
        default:
            return
        }
    }

    /// The error for a path that does not lead anywhere, suggesting near paths that do.
    private func unknownPath(_ path: ConfigPath, _ miss: Miss) -> ConfigError {
        let components = path.components
        let prefix = ConfigPath(Array(components.prefix(miss.position)))
        var suggestions: [String] = []
        if case .key(let wrong) = components[miss.position] {
            for candidate in ConfigSuggestion.nearest(to: wrong, among: miss.candidates) {
                var fixed = components
                fixed[miss.position] = .key(candidate)
                let fixedPath = ConfigPath(fixed)
                let resolves: Bool
                switch locate(fixedPath.parent.components[...], from: 0) {
                case .success(let parent):
                    resolves = ConfigValue.missOfLast(fixed.last!, in: parent, parentPath: fixedPath.parent) == nil
                case .failure:
                    resolves = false
                }
                suggestions.append(resolves ? fixedPath.description : prefix.appending(candidate).description)
            }
        }
        var message = "unknown path: " + miss.reason
        if let found = miss.found {
            message = "unknown path: '\(prefix)' is \(found), \(miss.reason)"
        } else if !prefix.components.isEmpty {
            message += " under '\(prefix)'"
        }
        if !suggestions.isEmpty {
            message += "; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?"
        } else if !miss.candidates.isEmpty, miss.candidates.count <= 20 {
            message += "; valid: " + miss.candidates.joined(separator: ", ")
        }
        return ConfigError(origin: .commandLine, path: path.description, message: message)
    }
}
