/// The address of a field in a configuration tree: dotted keys and `[index]` subscripts.
///
/// ```
/// trials
/// scenario.iot.devices_bn.rate
/// sectors[3].threat.success_probability     // by position
/// sectors.energy.threat.success_probability // by id: a key applied to a sequence selects the
///                                           // element whose `id` is that key
/// dependencies.matrix[0][2]
/// ```
///
/// Used by `--set path=value` overrides, by parameter sweeps (``ConfigValue/numericLeafPaths()``)
/// and in every ``ConfigIssue``.
package struct ConfigPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path.
    enum Component: Sendable, Hashable {
        /// A mapping key, or the `id` of a sequence element.
        case key(String)
        /// A sequence position, from 0.
        case index(Int)
    }

    var components: [Component]

    init(_ components: [Component] = []) {
        self.components = components
    }

    /// The empty path (the whole document).
    package static let root = ConfigPath()

    /// Parses `key(.key|[index])*`; keys are `[A-Za-z0-9_-]+`, indexes decimal.
    ///
    /// - Throws: ``ConfigError`` (origin `--set`) describing the syntax problem.
    package init(parsing text: String) throws {
        func fail(_ reason: String) -> ConfigError {
            ConfigError(origin: .commandLine, path: text,
                        message: "invalid path: \(reason) (expected dotted keys like sectors[3].threat.success_probability)")
        }
        var components: [Component] = []
        let chars = Array(text.unicodeScalars)
        var i = 0
        var expectKey = true
        while i < chars.count {
            let c = chars[i]
            if c == "[" {
                guard !components.isEmpty else { throw fail("a path starts with a key") }
                var j = i + 1
                var digits = ""
                while j < chars.count, chars[j] != "]" {
                    digits.unicodeScalars.append(chars[j])
                    j += 1
                }
                guard j < chars.count else { throw fail("missing ']'") }
                guard !digits.isEmpty, digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }),
                      let index = Int(digits) else {
                    throw fail("'[\(digits)]' is not an index (use .\(digits) to select by id)")
                }
                components.append(.index(index))
                i = j + 1
                expectKey = false
            } else if c == "." {
                guard !components.isEmpty, !expectKey else { throw fail("empty key") }
                expectKey = true
                i += 1
            } else {
                guard expectKey else { throw fail("expected '.' or '[' after '\(components.last.map(ConfigPath.text) ?? "")'") }
                var key = ""
                while i < chars.count, chars[i] != ".", chars[i] != "[" {
                    let k = chars[i]
                    guard k.properties.isAlphabetic && k.isASCII || ("0"..."9").contains(k) || k == "_" || k == "-" else {
                        throw fail("unexpected character '\(k)'")
                    }
                    key.unicodeScalars.append(k)
                    i += 1
                }
                components.append(.key(key))
                expectKey = false
            }
        }
        guard !components.isEmpty else { throw fail("empty path") }
        guard !expectKey else { throw fail("empty key") }
        self.components = components
    }

    /// This path followed by `key`.
    package func appending(_ key: String) -> ConfigPath {
        ConfigPath(components + [.key(key)])
    }

    /// This path followed by `[index]`.
    func appending(index: Int) -> ConfigPath {
        ConfigPath(components + [.index(index)])
    }

    /// The path without its last component.
    var parent: ConfigPath {
        ConfigPath(Array(components.dropLast()))
    }

    /// `sectors[3].threat.success_probability`.
    package var description: String {
        var out = ""
        for component in components {
            switch component {
            case .key(let key):
                if !out.isEmpty { out += "." }
                out += key
            case .index(let index):
                out += "[\(index)]"
            }
        }
        return out
    }

    private static func text(_ component: Component) -> String {
        switch component {
        case .key(let key): key
        case .index(let index): "[\(index)]"
        }
    }
}
