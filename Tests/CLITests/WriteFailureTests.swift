import Foundation
import Testing

/// A failing write (here: the file-size limit, as on a full disk) exits 1 naming the path, leaves
/// no partial file under a final name, and leaves earlier outputs in the folder untouched.
@Suite struct WriteFailureTests {
    /// Runs the CLI from the package root under `ulimit -f blocks` (512-byte blocks per file);
    /// returns its exit status (−1 if a signal ended it) and stderr.
    static func run(fileSizeLimit blocks: Int, _ args: [String]) throws -> (status: Int32, stderr: String) {
        if let mismatch = CLIRunner.versionMismatch { throw CLIRunner.StaleBinary(description: mismatch) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "ulimit -f \(blocks); exec \"$0\" \"$@\"", CLIRunner.binary] + args
        p.currentDirectoryURL = CLIRunner.packageRoot
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationReason == .exit ? p.terminationStatus : -1, message)
    }

    @Test func fileSizeLimitFailsCleanly() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("out")
        let first = try CLIRunner.run(["run", "--trials", "1500", "--seed", "1", "--quiet", "--out", out.path])
        #expect(first.status == 0, "\(first.stderr)")
        let names = ["summary.csv", "sectors.csv", "exceedance.csv", "return_periods.csv", "horizon.csv",
                     "sector_return_periods.csv", "event_classes.csv", "state.bin", "manifest.json"]
        var before: [String: Data] = [:]
        for name in names { before[name] = try Data(contentsOf: out.appendingPathComponent(name)) }

        // `ulimit -f 8`: at most 8 blocks of 512 bytes per file, far less than summary.csv needs.
        let (status, message) = try Self.run(fileSizeLimit: 8, ["run", "--trials", "1500", "--seed", "2", "--quiet", "--force", "--out", out.path])
        #expect(status == 1, "\(status): \(message)")
        #expect(message.contains(out.path + "/"), "path not named: \(message)")
        for name in names {
            #expect(try Data(contentsOf: out.appendingPathComponent(name)) == before[name], "\(name) changed")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    /// The disk fills mid-sweep (file-size limit: the journal header fits, the first record does
    /// not): exit 1 naming the journal, no sweep.csv; the journal keeps only complete records, so
    /// `--resume` without the limit finishes to the same sweep.csv as an uninterrupted sweep.
    @Test func fullDiskDuringSweepKeepsTheJournalResumable() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("full"), whole = dir.appendingPathComponent("whole")
        let args = ["sweep", "configs/sweeps/iot-neural-grid.yaml", "--trials", "300", "--threads", "1", "--quiet"]
        #expect(try CLIRunner.run(args + ["--out", whole.path]).status == 0)
        // `ulimit -f 30`: 15 KiB per file; the header (the resolved base config) is about 8 KB.
        let (status, message) = try Self.run(fileSizeLimit: 30, args + ["--out", out.path])
        let journal = out.appendingPathComponent("sweep.journal")
        #expect(status == 1, "\(status): \(message)")
        #expect(message.contains(journal.path), "journal not named: \(message)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("sweep.csv").path))
        let resumed = try CLIRunner.run(args + ["--resume", "--out", out.path])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try Data(contentsOf: whole.appendingPathComponent("sweep.csv")) == Data(contentsOf: out.appendingPathComponent("sweep.csv")))
    }
}
