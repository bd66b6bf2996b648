/// A configuration document as a tree: mappings with ordered keys, sequences, scalars and null,
/// each node remembering its ``ConfigOrigin`` (file and line).
///
/// Scalars keep their text: numbers are parsed only where a field needs one (see
/// ``number``), so `1e5`, `0x10` and `.inf` are all seen as written. A quoted scalar
/// (`"5"`, or any JSON string) is a string and never a number.
///
/// Equality compares content only; origins are ignored.
package struct ConfigValue: Sendable, Equatable {
    /// The node's content.
    package enum Content: Sendable, Equatable {
        /// `~`, `null` or an empty value.
        case null
        /// A scalar's text; `quoted` when written in quotes (or as a block scalar, or tagged `!!str`).
        case scalar(String, quoted: Bool)
        /// A sequence.
        case sequence([ConfigValue])
        /// A mapping, keys unique, in the order written.
        case mapping([Entry])
    }

    /// One key-value pair of a mapping.
    package struct Entry: Sendable, Equatable {
        package var key: String
        /// Where the key was written.
        package var keyOrigin: ConfigOrigin
        package var value: ConfigValue

        init(key: String, keyOrigin: ConfigOrigin, value: ConfigValue) {
            self.key = key
            self.keyOrigin = keyOrigin
            self.value = value
        }

        package static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.key == rhs.key && lhs.value == rhs.value
        }
    }

    package var content: Content
    package var origin: ConfigOrigin

    package init(_ content: Content, origin: ConfigOrigin) {
        self.content = content
        self.origin = origin
    }

    package static func == (lhs: ConfigValue, rhs: ConfigValue) -> Bool {
        lhs.content == rhs.content
    }

    // MARK: Building

    /// A plain (unquoted) scalar.
    package static func plain(_ text: String, origin: ConfigOrigin = .builtIn) -> ConfigValue {
        ConfigValue(.scalar(text, quoted: false), origin: origin)
    }

    /// A mapping from ordered pairs (keys take `origin`).
    package static func mapping(_ pairs: [(String, ConfigValue)], origin: ConfigOrigin = .builtIn) -> ConfigValue {
        ConfigValue(.mapping(pairs.map { Entry(key: $0.0, keyOrigin: origin, value: $0.1) }), origin: origin)
    }

    // MARK: Reading

    /// Whether the node is null.
    var isNull: Bool {
        if case .null = content { return true }
        return false
    }

    /// The scalar's text, or `nil` for other nodes.
    package var text: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// The mapping's entries, or `nil` for other nodes.
    package var entries: [Entry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The sequence's elements, or `nil` for other nodes.
    package var elements: [ConfigValue]? {
        if case .sequence(let elements) = content { return elements }
        return nil
    }

    /// The value under `key` in a mapping.
    package subscript(key: String) -> ConfigValue? {
        entries?.first { $0.key == key }?.value
    }

    /// The entry for `key` in a mapping.
    func entry(_ key: String) -> Entry? {
        entries?.first { $0.key == key }
    }

    /// The value of a plain scalar read as a finite number (`Double(String)` syntax, which
    /// accepts `12`, `-3.5`, `1e5`, `0x1p3`); `nil` for anything else, including quoted
    /// scalars, NaN and infinities.
    package var number: Double? {
        guard case .scalar(let text, false) = content,
              let x = ConfigValue.parseNumber(text), x.isFinite else { return nil }
        return x
    }

    /// A kind name for messages: "a number", "a string", "a mapping", …
    package var kindDescription: String {
        switch content {
        case .null: return "nothing (null)"
        case .scalar(let text, let quoted):
            if quoted { return "the string '\(ConfigValue.abbreviated(text))'" }
            return "'\(ConfigValue.abbreviated(text))'"
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        }
    }

    /// `Double(text)` without surrounding whitespace, and rejecting texts Swift would read but
    /// YAML would not treat as numbers (`nan`, `inf`, `infinity` are still returned, as non-finite,
    /// so that callers can say why they are refused). YAML's `.nan`, `.inf`, `-.inf` map to NaN/±∞.
    package static func parseNumber(_ text: String) -> Double? {
        switch text {
        case ".nan", ".NaN", ".NAN": return .nan
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        default: break
        }
        guard let first = text.utf8.first, let last = text.utf8.last,
              first != 0x20, first != 0x09, last != 0x20, last != 0x09,
              text.utf8.count <= 400 else { return nil }
        return Double(text)
    }

    /// At most 40 characters of `text`, for messages.
    package static func abbreviated(_ text: String) -> String {
        let flat = text.replacingNewlines()
        return flat.count <= 40 ? flat : String(flat.prefix(37)) + "…"
    }
}

extension String {
    /// The string with line breaks shown as `\n`.
    fileprivate func replacingNewlines() -> String {
        var out = ""
        for c in unicodeScalars {
            switch c {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
