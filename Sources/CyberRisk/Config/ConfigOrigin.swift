/// Where a configuration value came from: a file in one of the loader's stores and a line, a
/// `--set` override, or the loader's built-in defaults.
///
/// Every ``ConfigValue`` carries its origin through `extends` merging, defaulting and overrides,
/// so a problem found while decoding is reported against the file and line that wrote the value.
package struct ConfigOrigin: Sendable, Hashable {
    /// Which store a file path refers to.
    package enum Store: Sendable, Hashable {
        /// The loader's user file system (normally the disk).
        case files
        /// The embedded configs tree (paths relative to `configs/`).
        case embedded
        /// A `--set path=value` override.
        case commandLine
        /// A value the loader supplies itself (generic sector defaults).
        case builtIn
    }

    /// The store `file` belongs to.
    var store: Store
    /// The file path within its store (as resolved), or a label for the other stores.
    var file: String
    /// 1-based line, when known.
    var line: Int?

    package init(store: Store, file: String, line: Int? = nil) {
        self.store = store
        self.file = file
        self.line = line
    }

    /// The origin of `--set` values.
    package static let commandLine = ConfigOrigin(store: .commandLine, file: "--set")
    /// The origin of the loader's built-in values.
    package static let builtIn = ConfigOrigin(store: .builtIn, file: "<built-in defaults>")

    /// The same file at another line.
    func at(line: Int?) -> ConfigOrigin {
        ConfigOrigin(store: store, file: file, line: line)
    }

    /// The file as shown in messages: the path for user files, `embedded:<path>` for embedded
    /// ones, `--set` for overrides.
    var displayName: String {
        switch store {
        case .files, .commandLine, .builtIn: file
        case .embedded: "embedded:" + file
        }
    }
}
