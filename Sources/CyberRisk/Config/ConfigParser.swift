import CYaml

/// Reads YAML (and JSON, which is read as YAML) into a ``ConfigValue`` tree, within fixed limits.
///
/// The tree is built from libyaml's event stream (the libyaml that Yams vendors) rather than
/// `Yams.compose`, whose recursion and key hashing are unbounded on hostile input. Any bytes
/// give a tree or a ``ConfigError``; limits:
/// - at most ``maximumBytes`` (16 MiB) of input;
/// - at most ``maximumDepth`` (64) nested collections;
/// - aliases (`*name`) may add at most ``maximumAliasNodes`` (1,000,000) nodes in total, counted
///   as if each alias were expanded, so a "billion laughs" document fails as soon as the count is
///   passed, without expanding anything (an alias shares its anchor's storage);
/// - one document per file; mapping keys are unique scalars; tags other than the YAML core
///   ones (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq`, `!`) are refused.
///
/// Scalars: a plain scalar `~`, `null`, `Null`, `NULL` or empty is null; every other scalar keeps
/// its text, marked quoted when written quoted, as a block scalar, or tagged `!!str`/`!`.
package enum ConfigParser {
    static let maximumBytes = 16 << 20
    static let maximumDepth = 64
    static let maximumAliasNodes = 1_000_000

    /// Parses a configuration file: its root must be a mapping. A file without content (no bytes,
    /// or only blanks and comments, or a lone null) is an empty mapping, or, when `emptyMessage`
    /// is given, an error with that message.
    ///
    /// - Parameters:
    ///   - origin: the file (its `line` is ignored); node origins get their lines.
    ///   - json: whether the file is JSON (tabs between tokens are then read as spaces).
    package static func parseDocument(_ bytes: [UInt8], origin: ConfigOrigin, json: Bool = false,
                                      emptyMessage: String? = nil) throws -> ConfigValue {
        let root = try parse(bytes, origin: origin, json: json)
        if let emptyMessage, root == nil || root?.isNull == true {
            throw ConfigError(origin: origin.at(line: nil), path: "", message: emptyMessage)
        }
        guard let root else { return ConfigValue(.mapping([]), origin: origin.at(line: 1)) }
        switch root.content {
        case .mapping: return root
        case .null: return ConfigValue(.mapping([]), origin: root.origin)
        default:
            throw ConfigError(origin: root.origin, path: "",
                              message: "the top level must be a mapping of fields, found \(root.kindDescription)")
        }
    }

    /// Parses one YAML value of any kind (a `--set` value); empty input is null.
    package static func parseValue(_ text: String, origin: ConfigOrigin) throws -> ConfigValue {
        try parse(Array(text.utf8), origin: origin, json: false) ?? ConfigValue(.null, origin: origin)
    }

    /// The document's root, or `nil` for a stream without documents.
    static func parse(_ input: [UInt8], origin: ConfigOrigin, json: Bool) throws -> ConfigValue? {
        guard input.count <= maximumBytes else {
            throw ConfigError(origin: origin.at(line: nil), path: "",
                              message: "file is larger than 16 MiB (\(input.count) bytes)")
        }
        // JSON allows tabs wherever it allows spaces, YAML not in indentation; a raw tab cannot
        // occur inside a valid JSON string, so mapping every tab to a space changes nothing else.
        var bytes = json ? input.map { $0 == 0x09 ? 0x20 : $0 } : input
        if bytes.isEmpty { return nil }
        var builder = TreeBuilder(origin: origin)
        try bytes.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                throw ConfigError(origin: origin, path: "", message: "cannot start the YAML parser (out of memory)")
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var done = false
            while !done {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    throw syntaxError(parser, origin: origin, input: input)
                }
                defer { yaml_event_delete(&event) }
                done = try builder.handle(event)
            }
        }
        return builder.root
    }

    /// The parser's error as an issue. An error at a tab, or on a line indented with tabs, says
    /// so: libyaml's wording ("found character that cannot start any token") does not.
    private static func syntaxError(_ parser: yaml_parser_t, origin: ConfigOrigin, input: [UInt8]) -> ConfigError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable input"
        var message = "invalid YAML: " + problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " (\(context))"
        }
        let mark = parser.problem_mark
        let line = parser.error == YAML_READER_ERROR ? nil : Int(mark.line) + 1
        if line != nil, let column = tabColumn(input, at: Int(mark.index)) {
            message = "a tab character at column \(column): YAML indents with spaces, not tabs — replace the tab "
                + "with spaces (\(message))"
        }
        return ConfigError(origin: origin.at(line: line), path: "", message: message)
    }

    /// The 1-based column of the tab at `index`, or of the first tab in the indentation of the
    /// line holding `index`; `nil` if there is none.
    static func tabColumn(_ input: [UInt8], at index: Int) -> Int? {
        guard index >= 0, index <= input.count else { return nil }
        var start = Swift.min(index, input.count)
        while start > 0 && input[start - 1] != 0x0A { start -= 1 }
        if index < input.count && input[index] == 0x09 { return index - start + 1 }
        var k = start
        while k < input.count && (input[k] == 0x20 || input[k] == 0x09) {
            if input[k] == 0x09 { return k - start + 1 }
            k += 1
        }
        return nil
    }
}

/// Assembles libyaml events into a tree with an explicit stack (no recursion).
private struct TreeBuilder {
    /// A collection being read.
    struct Frame {
        var isMapping: Bool
        var origin: ConfigOrigin
        var anchor: String?
        var elements: [ConfigValue] = []
        var entries: [ConfigValue.Entry] = []
        var keys: Set<String> = []
        var pendingKey: (String, ConfigOrigin)?
        /// Nodes below this one, counting expanded aliases.
        var size = 0
        /// Height of the tallest child (a scalar has height 0).
        var childHeight = 0
    }

    /// What an anchor names: the value, its node count and its height.
    struct Anchored {
        var value: ConfigValue
        var size: Int
        var height: Int
    }

    let origin: ConfigOrigin
    var stack: [Frame] = []
    var anchors: [String: Anchored] = [:]
    var aliasNodes = 0
    var documents = 0
    var root: ConfigValue?

    init(origin: ConfigOrigin) {
        self.origin = origin
    }

    /// Handles one event; returns `true` at the end of the stream.
    mutating func handle(_ event: yaml_event_t) throws -> Bool {
        let here = origin.store == .commandLine ? origin : origin.at(line: Int(event.start_mark.line) + 1)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return true
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                throw ConfigError(origin: here, path: "", message: "expected one YAML document, found a second one")
            }
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let text = Self.string(s.value, length: s.length) ?? ""
            let tag = Self.string(s.tag)
            var quoted = s.style != YAML_PLAIN_SCALAR_STYLE
            var isNull = !quoted && ["", "~", "null", "Null", "NULL"].contains(text)
            if let tag {
                switch tag {
                case "tag:yaml.org,2002:str", "!":
                    quoted = true
                    isNull = false
                case "tag:yaml.org,2002:null":
                    isNull = true
                case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool":
                    quoted = false
                    isNull = false
                default:
                    throw unsupported(tag: tag, at: here)
                }
            }
            let value = ConfigValue(isNull ? .null : .scalar(text, quoted: quoted), origin: here)
            if let anchor = Self.string(s.anchor) {
                anchors[anchor] = Anchored(value: value, size: 1, height: 0)
            }
            try add(value, size: 1, height: 0)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let tag = Self.string(isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag)
            if let tag, tag != (isMapping ? "tag:yaml.org,2002:map" : "tag:yaml.org,2002:seq") {
                throw unsupported(tag: tag, at: here)
            }
            try checkDepth(stack.count + 1, at: here)
            let anchor = Self.string(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
            stack.append(Frame(isMapping: isMapping, origin: here, anchor: anchor))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { break }
            let value = ConfigValue(frame.isMapping ? .mapping(frame.entries) : .sequence(frame.elements),
                                    origin: frame.origin)
            let size = frame.size + 1, height = frame.childHeight + 1
            if let anchor = frame.anchor {
                anchors[anchor] = Anchored(value: value, size: size, height: height)
            }
            try add(value, size: size, height: height)
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard let anchored = anchors[name] else {
                throw ConfigError(origin: here, path: "", message: "alias '*\(name)' names no anchor defined before it")
            }
            aliasNodes += anchored.size
            if aliasNodes > ConfigParser.maximumAliasNodes {
                throw ConfigError(origin: here, path: "", message:
                    "aliases expand to more than \(ConfigParser.maximumAliasNodes) nodes (a 'billion laughs' document?)")
            }
            try checkDepth(stack.count + anchored.height, at: here)
            var value = anchored.value
            value.origin = value.origin.at(line: here.line)
            try add(value, size: anchored.size, height: anchored.height)
        default:
            break
        }
        return false
    }

    /// Adds a finished node to the open collection (or makes it the root).
    private mutating func add(_ value: ConfigValue, size: Int, height: Int) throws {
        guard !stack.isEmpty else {
            root = value
            return
        }
        let top = stack.count - 1
        stack[top].size += size
        stack[top].childHeight = max(stack[top].childHeight, height)
        if !stack[top].isMapping {
            stack[top].elements.append(value)
            return
        }
        if let (key, keyOrigin) = stack[top].pendingKey {
            stack[top].entries.append(ConfigValue.Entry(key: key, keyOrigin: keyOrigin, value: value))
            stack[top].pendingKey = nil
            return
        }
        guard case .scalar(let key, _) = value.content else {
            throw ConfigError(origin: value.origin, path: "",
                              message: "mapping keys must be strings, found \(value.kindDescription)")
        }
        guard stack[top].keys.insert(key).inserted else {
            throw ConfigError(origin: value.origin, path: "",
                              message: "duplicate key '\(ConfigValue.abbreviated(key))' in a mapping")
        }
        stack[top].pendingKey = (key, value.origin)
    }

    private func checkDepth(_ depth: Int, at origin: ConfigOrigin) throws {
        if depth > ConfigParser.maximumDepth {
            throw ConfigError(origin: origin, path: "",
                              message: "nesting deeper than \(ConfigParser.maximumDepth) levels")
        }
    }

    private func unsupported(tag: String, at origin: ConfigOrigin) -> ConfigError {
        ConfigError(origin: origin, path: "", message: "unsupported YAML tag '\(ConfigValue.abbreviated(tag))'")
    }

    /// A libyaml string (UTF-8, validated by the reader).
    static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int? = nil) -> String? {
        guard let pointer else { return nil }
        let count = length ?? strlen(pointer)
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }
}

/// The length of a NUL-terminated libyaml string.
private func strlen(_ p: UnsafeMutablePointer<yaml_char_t>) -> Int {
    var n = 0
    while p[n] != 0 { n += 1 }
    return n
}
