/// Configuration files compiled into the binary, by path relative to the `configs/` folder
/// (`"baseline.yaml"`, `"scenarios/x.yaml"`, `"data/deps.csv"`).
package struct EmbeddedFileSystem: ConfigFileSystem {
    /// File contents by normalised relative path.
    var files: [String: [UInt8]]

    /// - Parameter files: contents by path relative to `configs/` (normalised: `./a` is `a`).
    package init(files: [String: [UInt8]]) {
        var normalized: [String: [UInt8]] = [:]
        for (path, bytes) in files {
            normalized[ConfigPathNormalizer.normalize(path)] = bytes
        }
        self.files = normalized
    }

    /// The embedded paths, sorted.
    var paths: [String] { files.keys.sorted() }

    package func read(_ path: String) throws -> [UInt8] {
        let key = ConfigPathNormalizer.normalize(path)
        if let bytes = files[key] {
            guard bytes.count <= ConfigParser.maximumBytes else {
                throw ConfigError(origin: ConfigOrigin(store: .embedded, file: key), path: "",
                                  message: "file is larger than 16 MiB")
            }
            return bytes
        }
        let near = ConfigSuggestion.phrase(for: key, among: paths)
        throw ConfigError(origin: ConfigOrigin(store: .embedded, file: key), path: "",
                          message: "no such embedded file" + near)
    }
}
