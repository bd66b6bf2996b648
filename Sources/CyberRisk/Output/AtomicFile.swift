#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files that appear under their final name only once they are complete.
///
/// Content is written to a temporary name in the same folder (`.NAME.tmp-PID`), flushed to disk
/// (`fsync`), and then renamed over the final name — an atomic step on POSIX file systems — so an
/// interrupted or failing run never leaves a partial file under a final name.
package enum AtomicFile {
    /// Writes `bytes` to a temporary file beside `path` and returns its name; call
    /// ``commit(_:to:)`` to move it into place. Throws ``OutputError`` naming the path.
    static func stage(_ bytes: [UInt8], for path: String) throws -> String {
        let (dir, name) = split(path)
        let temp = dir + "/." + name + ".tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(path: path, reason: lastError()) }
        let failure = writeFully(bytes, to: fd)
        let closed = close(fd) == 0
        if let failure {
            unlink(temp)
            throw OutputError(path: path, reason: failure)
        }
        guard closed else {
            unlink(temp)
            throw OutputError(path: path, reason: lastError())
        }
        return temp
    }

    /// Writes all of `bytes` to `fd` (retrying short writes and `EINTR`) and `fsync`s it; returns
    /// the error text on failure, `nil` on success.
    package static func writeFully(_ bytes: [UInt8], to fd: Int32) -> String? {
        var written = 0
        return bytes.withUnsafeBytes { raw -> String? in
            while written < raw.count {
                let r = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
                if r < 0 {
                    if errno == EINTR { continue }
                    return lastError()
                }
                written += r
            }
            return fsync(fd) == 0 ? nil : lastError()
        }
    }

    /// Renames a staged file into place and flushes the folder entry.
    static func commit(_ temp: String, to path: String) throws {
        guard rename(temp, path) == 0 else {
            let reason = lastError()
            unlink(temp)
            throw OutputError(path: path, reason: reason)
        }
        let dir = split(path).dir
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            _ = fsync(dfd)
            close(dfd)
        }
    }

    /// Removes a staged file that will not be committed.
    static func discard(_ temp: String) {
        unlink(temp)
    }

    /// Stages and commits one file.
    package static func write(_ bytes: [UInt8], to path: String) throws {
        try commit(try stage(bytes, for: path), to: path)
    }

    /// Stages and commits one text file (UTF-8).
    static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    static func split(_ path: String) -> (dir: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let dir = String(path[..<slash])
        return (dir.isEmpty ? "/" : dir, String(path[path.index(after: slash)...]))
    }

    package static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
