import CyberRisk
import Foundation

/// Runs the built `cyberrisk` binary (end-to-end tests). The binary is `$CYBERRISK_BIN` if set,
/// else `.build/debug/cyberrisk` under the package root (`make test` builds it first).
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["CYBERRISK_BIN"] { return path }
        return packageRoot.appendingPathComponent(".build/debug/cyberrisk").path
    }

    /// Runs `cyberrisk args…` in `directory` and waits for it.
    @discardableResult
    static func run(_ args: [String], in directory: URL? = nil) throws -> Result {
        let process = try start(args, in: directory)
        return try finish(process)
    }

    /// The binary's `--version` against the library's version, checked once: a stale binary
    /// would otherwise test an old tool and pass. Every run refuses to start on a mismatch.
    static let versionMismatch: String? = {
        do {
            let r = try finish(launch(["--version"]))
            let version = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            return version == ToolVersion.current ? nil
                : "\(binary) reports version '\(version)' (\(r.stderr)), the library is \(ToolVersion.current): rebuild it (swift build)"
        } catch {
            return "\(binary) cannot be run: \(error)"
        }
    }()

    struct StaleBinary: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts `cyberrisk args…` without waiting.
    static func start(_ args: [String], in directory: URL? = nil) throws -> RunningProcess {
        if let versionMismatch { throw StaleBinary(description: versionMismatch) }
        return try launch(args, in: directory)
    }

    private static func launch(_ args: [String], in directory: URL? = nil) throws -> RunningProcess {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        p.currentDirectoryURL = directory ?? packageRoot
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return RunningProcess(process: p, out: out, err: err)
    }

    static func finish(_ r: RunningProcess) throws -> Result {
        // Read before waiting so a full pipe cannot block the child.
        let outData = r.out.fileHandleForReading.readDataToEndOfFile()
        let errData = r.err.fileHandleForReading.readDataToEndOfFile()
        r.process.waitUntilExit()
        return Result(status: r.process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    struct RunningProcess {
        var process: Process
        var out: Pipe
        var err: Pipe
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cyberrisk-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func read(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }
}
