/// Where two configurations differ: the dotted path of a field and its value in each, so that a
/// refusal ("these shards are of different forecasts") can say *what* differs instead of showing
/// two hashes.
///
/// Trees are compared in document order: mappings key by key (a key present in one only is a
/// difference with the value `absent`), sequences element by element (a length change is a
/// difference of the sequence itself), scalars by their text.
///
/// ```swift
/// ConfigDifference.between(yamlA, yamlB, limit: 2)
/// // [trials: 1000 vs 3000, seed: 5 vs 2026]
/// ```
package struct ConfigDifference: Sendable, Equatable, CustomStringConvertible {
    /// The field's dotted path as `--set` takes it (`trials`, `sectors[3].threat.attacks_per_year`).
    package var path: String
    /// The field's value in the first and the second configuration, abbreviated for messages
    /// (`absent` when the field is missing, `a mapping` / `a sequence of N` for collections).
    package var first: String
    package var second: String

    package init(path: String, first: String, second: String) {
        self.path = path
        self.first = first
        self.second = second
    }

    /// `path: first vs second`.
    package var description: String { "\(path): \(first) vs \(second)" }

    /// The first `limit` differences between two resolved configurations (YAML text, as stored in
    /// state files and manifests); empty when they are equal or either does not parse.
    package static func between(_ a: String, _ b: String, limit: Int = 3) -> [ConfigDifference] {
        let origin = ConfigOrigin(store: .files, file: "config")
        guard let x = try? ConfigParser.parse(Array(a.utf8), origin: origin, json: false),
              let y = try? ConfigParser.parse(Array(b.utf8), origin: origin, json: false) else { return [] }
        return between(x, y, limit: limit)
    }

    /// The first `limit` differences between two trees.
    package static func between(_ a: ConfigValue, _ b: ConfigValue, limit: Int = 3) -> [ConfigDifference] {
        var out: [ConfigDifference] = []
        collect(a, b, at: .root, limit: limit, into: &out)
        return out
    }

    private static func collect(_ a: ConfigValue?, _ b: ConfigValue?, at path: ConfigPath, limit: Int,
                                into out: inout [ConfigDifference]) {
        guard out.count < limit, a != b else { return }
        switch (a?.content, b?.content) {
        case (.mapping(let x)?, .mapping(let y)?):
            var keys = x.map(\.key)
            for e in y where !keys.contains(e.key) { keys.append(e.key) }
            for key in keys {
                collect(a?[key], b?[key], at: path.appending(key), limit: limit, into: &out)
            }
        case (.sequence(let x)?, .sequence(let y)?) where x.count == y.count:
            for k in x.indices {
                collect(x[k], y[k], at: path.appending(index: k), limit: limit, into: &out)
            }
        default:
            out.append(ConfigDifference(path: path.components.isEmpty ? "(the whole config)" : path.description,
                                        first: phrase(a), second: phrase(b)))
        }
    }

    private static func phrase(_ node: ConfigValue?) -> String {
        guard let node else { return "absent" }
        switch node.content {
        case .null: return "null"
        case .scalar(let text, _): return ConfigValue.abbreviated(text)
        case .sequence(let elements): return "a sequence of \(elements.count)"
        case .mapping: return "a mapping"
        }
    }
}
