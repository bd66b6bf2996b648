#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output folder, created if needed and held under an exclusive lock while a run writes to it,
/// so two processes pointed at the same folder cannot interleave their files.
///
/// The lock is `flock` on `DIR/.cyberrisk.lock`; it is released when the value is deinitialised
/// or the process ends (also when it is killed). Immutable, so threads may share it as long as
/// they do not write the same file at once.
public final class OutputDirectory: Sendable {
    public let path: String
    private let lockDescriptor: Int32

    /// Creates the folder (and parents) and takes its lock; throws ``OutputError`` if it cannot be
    /// created or written, or if another process holds it.
    public init(path: String) throws {
        self.path = path
        try OutputDirectory.makeDirectories(path)
        let lockPath = path + "/.cyberrisk.lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(path: path, reason: AtomicFile.lastError()) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw OutputError(path: path, reason: "another cyberrisk process is writing to this folder")
        }
        lockDescriptor = fd
    }

    deinit {
        flock(lockDescriptor, LOCK_UN)
        close(lockDescriptor)
    }

    /// `path/name`.
    package func file(_ name: String) -> String { path + "/" + name }

    /// Writes several files so that none appears under its final name before all are complete:
    /// all are staged first, then renamed in the given order (put the manifest last: its presence
    /// marks a finished output). On failure, staged files are removed and earlier outputs in the
    /// folder are left as they were, except those already renamed.
    package func writeAll(_ files: [(name: String, bytes: [UInt8])]) throws {
        var staged: [(temp: String, path: String)] = []
        do {
            for f in files {
                let target = file(f.name)
                staged.append((try AtomicFile.stage(f.bytes, for: target), target))
            }
        } catch {
            for s in staged { AtomicFile.discard(s.temp) }
            throw error
        }
        for (k, s) in staged.enumerated() {
            do {
                try AtomicFile.commit(s.temp, to: s.path)
            } catch {
                for rest in staged[(k + 1)...] { AtomicFile.discard(rest.temp) }
                throw error
            }
        }
    }

    static func makeDirectories(_ path: String) throws {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw OutputError(path: current, reason: AtomicFile.lastError())
            }
        }
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw OutputError(path: path, reason: "not a folder")
        }
        guard access(path, W_OK) == 0 else { throw OutputError(path: path, reason: AtomicFile.lastError()) }
    }
}
