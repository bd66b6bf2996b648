import Foundation

/// Configuration files on disk; relative paths are relative to the current directory.
package struct DiskFileSystem: ConfigFileSystem {
    package init() {}

    /// Reads a regular file of at most 16 MiB.
    package func read(_ path: String) throws -> [UInt8] {
        let origin = ConfigOrigin(store: .files, file: path)
        func fail(_ reason: String) -> ConfigError {
            ConfigError(origin: origin, path: "", message: reason)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw fail("no such file")
        }
        guard !isDirectory.boolValue else { throw fail("is a directory, not a file") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw fail("cannot open the file (permission denied?)") }
        defer { try? handle.close() }
        let limit = ConfigParser.maximumBytes
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw fail("cannot read the file: \(error.localizedDescription)")
        }
        guard data.count <= limit else { throw fail("file is larger than 16 MiB") }
        return [UInt8](data)
    }
}
