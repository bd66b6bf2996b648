/// Where configuration files (YAML, JSON, dependency CSVs) are read from.
///
/// Paths are `/`-separated. A reference inside a file (`extends: FILE`, `dependencies.csv: FILE`)
/// is relative to the folder of the file that wrote it, unless absolute.
package protocol ConfigFileSystem: Sendable {
    /// The bytes of the file at `path`.
    ///
    /// - Throws: ``ConfigError`` if the file is missing, unreadable or larger than 16 MiB.
    func read(_ path: String) throws -> [UInt8]

    /// The path of `reference` written in the file at `file`.
    func path(_ reference: String, relativeTo file: String) -> String
}

extension ConfigFileSystem {
    /// `reference` if absolute, else joined to the folder of `file`; `.` and `..` segments are
    /// folded where possible (`a/b/../c` → `a/c`).
    package func path(_ reference: String, relativeTo file: String) -> String {
        if reference.hasPrefix("/") { return ConfigPathNormalizer.normalize(reference) }
        var folder = file
        if let slash = folder.lastIndex(of: "/") {
            folder = String(folder[...slash])
        } else {
            folder = ""
        }
        return ConfigPathNormalizer.normalize(folder + reference)
    }
}

/// Lexical normalisation of `/`-separated paths.
enum ConfigPathNormalizer {
    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if segment == "..", absolute { continue }
            parts.append(segment)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
