/// Decoding the `shared:` block and references to it (`{shared: name, scale: k}`; docs/config.md,
/// "Shared uncertainties").
extension ScenarioDecoder {
    /// Most entries of `shared:`.
    static let maximumShared = 10_000

    /// The shared uncertainties in the order written, with every reference resolved to its root
    /// (``sharedTable``); undefined names and cycles are reported at the entry that names them.
    mutating func decodeShared(_ node: ConfigValue?, _ path: ConfigPath) -> [SharedUncertainty]? {
        guard let node, !node.isNull else { return [] }
        guard case .mapping(let entries) = node.content else {
            issues.add(node.origin, path, "expected a mapping of names to numbers, distributions or {shared: name, scale: k}, found \(node.kindDescription)")
            return nil
        }
        guard entries.count <= ScenarioDecoder.maximumShared else {
            issues.add(node.origin, path, "at most \(ScenarioDecoder.maximumShared) shared uncertainties, found \(entries.count)")
            return nil
        }
        enum Raw { case value(Parameter), reference(String, Double, ConfigValue), refused }
        let before = issues.count
        var raw: [Raw] = []
        var index: [String: Int] = [:]
        for (j, entry) in entries.enumerated() {
            let p = path.appending(entry.key)
            index[entry.key] = j
            if !ScenarioDecoder.isIdentifier(entry.key, digits: true) {
                issues.add(entry.keyOrigin, p, "'\(ConfigValue.abbreviated(entry.key))' is not a valid name: use lowercase letters, digits and '_' ([a-z0-9_]+)")
            }
            if ScenarioDecoder.isReference(entry.value) {
                if let (name, scale) = referenceFields(entry.value, p) {
                    raw.append(.reference(name, scale, entry.value))
                } else {
                    raw.append(.refused)
                }
            } else if let x = parameter(entry.value, p, .unbounded) {
                raw.append(.value(x))
            } else {
                raw.append(.refused)
            }
        }
        let names = entries.map(\.key)
        // Follow each chain to its root, multiplying the scales.
        var resolved: [SharedReference?] = Array(repeating: nil, count: raw.count)
        for j in raw.indices {
            var visited = [j]
            var current = j
            var total = 1.0
            var failed = false
            while case .reference(let name, let scale, let value) = raw[current] {
                total *= scale
                guard let next = index[name] else {
                    issues.add(value.origin, path.appending(names[current]),
                               "unknown shared uncertainty '\(ConfigValue.abbreviated(name))'" + ConfigSuggestion.phrase(for: name, among: names))
                    failed = true
                    break
                }
                if let k = visited.firstIndex(of: next) {
                    // Reported once, by the cycle's first entry (chains into it fail silently).
                    if visited[k...].min() == j {
                        let cycle = (visited[k...] + [next]).map { names[$0] }.joined(separator: " → ")
                        issues.add(value.origin, path.appending(names[current]), "shared references form a cycle: \(cycle)")
                    }
                    failed = true
                    break
                }
                visited.append(next)
                current = next
            }
            if failed { continue }
            guard case .value(let root) = raw[current] else { continue }
            resolved[j] = SharedReference(name: names[j], scale: 1, root: current, totalScale: total, distribution: root)
        }
        var out: [SharedUncertainty] = []
        for j in raw.indices {
            guard let r = resolved[j] else {
                sharedRefused.insert(names[j])
                continue
            }
            sharedTable[names[j]] = r
            switch raw[j] {
            case .value(let x):
                out.append(SharedUncertainty(name: names[j], definition: x))
            case .reference(let name, let scale, _):
                let target = SharedReference(name: name, scale: scale, root: r.root, totalScale: r.totalScale,
                                             distribution: r.distribution)
                out.append(SharedUncertainty(name: names[j], definition: .shared(target)))
            case .refused:
                break
            }
        }
        return issues.count == before ? out : nil
    }

    /// Whether `node` is written as a reference (a mapping with the key `shared`).
    static func isReference(_ node: ConfigValue) -> Bool {
        guard case .mapping(let entries) = node.content else { return false }
        return entries.contains { $0.key == "shared" }
    }

    /// The `shared` name and `scale` (default 1, `≥ 0`) of a reference.
    mutating func referenceFields(_ node: ConfigValue, _ path: ConfigPath) -> (String, Double)? {
        guard let r = record(node, path, ConfigSchema.sharedReference) else { return nil }
        guard let name = string(r, "shared", nonEmpty: true) else { return nil }
        var scale = 1.0
        if let s = r["scale"] {
            guard let k = number(s, path.appending("scale"), .nonNegative) else { return nil }
            scale = k
        }
        return (name, scale)
    }

    /// A reference used by a parameter: `scale ×` the named shared uncertainty.
    mutating func sharedParameter(_ node: ConfigValue, _ path: ConfigPath) -> Parameter? {
        guard let (name, scale) = referenceFields(node, path) else { return nil }
        guard let target = sharedTable[name] else {
            if !sharedRefused.contains(name) {
                let known = sharedTable.keys.sorted()
                let hint = known.isEmpty ? " (no shared: block defines any)" : ConfigSuggestion.phrase(for: name, among: known)
                issues.add(node.origin, path.appending("shared"), "unknown shared uncertainty '\(ConfigValue.abbreviated(name))'" + hint)
            }
            return nil
        }
        return .shared(SharedReference(name: name, scale: scale, root: target.root, totalScale: scale * target.totalScale,
                                       distribution: target.distribution))
    }
}
