import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `cyberrisk sweep` end to end: outputs, determinism, crash-safe resume, shards + merge, bad input.
@Suite struct SweepCommandTests {
    static let grid = "configs/sweeps/iot-neural-grid.yaml"
    static let trials = "600"

    func sweep(_ extra: [String], out: URL) throws -> CLIRunner.Result {
        try CLIRunner.run(["sweep", Self.grid, "--trials", Self.trials, "--quiet", "--out", out.path] + extra)
    }

    func bytes(_ url: URL, _ name: String) throws -> Data {
        try Data(contentsOf: url.appendingPathComponent(name))
    }

    /// The number of complete records in a journal's bytes as observed (docs: the 16-byte magic,
    /// then frames of a little-endian 64-bit length, the payload and an 8-byte checksum; the first
    /// frame is the header). A frame still being written is not counted.
    static func journalRecords(_ data: Data) -> Int {
        let bytes = [UInt8](data)
        var offset = 16, frames = 0
        while offset + 8 <= bytes.count {
            let length = (0..<8).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
            guard length >= 0, length <= bytes.count, offset + 16 + length <= bytes.count else { break }
            offset += 16 + length
            frames += 1
        }
        return max(0, frames - 1)
    }

    /// Polls the journal until it holds `count` complete records (at most 120 s, far beyond any
    /// point's run time); whether it got there.
    static func waitForRecords(_ count: Int, in journal: URL) -> Bool {
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if let data = try? Data(contentsOf: journal), journalRecords(data) >= count { return true }
            usleep(20_000)
        }
        return false
    }

    @Test func gridSweepWritesTidyCSVAndDoesNotDependOnThreads() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let a = dir.appendingPathComponent("t1"), b = dir.appendingPathComponent("t2")
        let r1 = try sweep(["--threads", "1"], out: a)
        #expect(r1.status == 0, "\(r1.stderr)")
        let r2 = try sweep(["--threads", "2"], out: b)
        #expect(r2.status == 0, "\(r2.stderr)")
        #expect(try bytes(a, "sweep.csv") == bytes(b, "sweep.csv"))
        let csv = try CLIRunner.read(a.appendingPathComponent("sweep.csv")).split(separator: "\n")
        #expect(csv.first == "point,scenario.iot.devices_bn.rate,scenario.neural.users.ceiling,scenario,year,metric,trials,mean,sd,se,p05,p50,p95,p99,es95")
        // 12 points × 10 years × the metrics (same count per point).
        #expect((csv.count - 1) % 120 == 0 && csv.count - 1 >= 120 * 9)
        #expect(csv.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 15 })
        let points = try CLIRunner.read(a.appendingPathComponent("points.csv")).split(separator: "\n")
        #expect(points.count == 13)
        #expect(points[1].hasPrefix("0,0.1,10000,") || points[1].hasPrefix("0,0.1,10000.0,"))
        #expect(points[2].hasPrefix("1,0.1,100000.0,"))
        let manifest = try JSONSerialization.jsonObject(with: bytes(a, "manifest.json")) as? [String: Any]
        #expect(manifest?["kind"] as? String == "sweep")
        #expect(manifest?["points"] as? Int == 12)
        // Faster IoT growth raises last-year national risk (point 8 vs point 0: rate 0.3 vs 0.1).
        let last = csv.filter { $0.contains(",2035,national_risk,") }.map { $0.split(separator: ",") }
        #expect(Double(last[8][7])! > Double(last[0][7])!)
    }

    @Test func killedSweepResumesToByteIdenticalCSV() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let whole = dir.appendingPathComponent("whole"), killed = dir.appendingPathComponent("killed")
        #expect(try sweep(["--threads", "2"], out: whole).status == 0)
        let journal = killed.appendingPathComponent("sweep.journal")
        let p = try CLIRunner.start(["sweep", Self.grid, "--trials", Self.trials, "--quiet", "--threads", "1", "--out", killed.path])
        // Wait until at least two points are journaled (complete frames read from the file), then
        // SIGKILL mid-sweep.
        #expect(Self.waitForRecords(2, in: journal), "the sweep did not journal two points")
        kill(p.process.processIdentifier, SIGKILL)
        _ = try CLIRunner.finish(p)
        #expect(!FileManager.default.fileExists(atPath: killed.appendingPathComponent("sweep.csv").path))
        // Simulate a torn last record as well.
        let handle = try FileHandle(forWritingTo: journal)
        handle.seekToEndOfFile()
        handle.write(Data([0x40, 0x33, 0, 0, 0, 0, 0, 0, 1, 2, 3]))
        try handle.close()
        // Without --resume the folder is refused.
        let refused = try sweep([], out: killed)
        #expect(refused.status == 2 && refused.stderr.contains("--resume"), "\(refused.stderr)")
        // A changed spec is refused.
        let changed = try CLIRunner.run(["sweep", Self.grid, "--trials", "601", "--quiet", "--resume", "--out", killed.path])
        #expect(changed.status == 2 && changed.stderr.contains("changed"), "\(changed.stderr)")
        let resumed = try CLIRunner.run(["sweep", Self.grid, "--trials", Self.trials, "--resume", "--out", killed.path, "--threads", "2"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("incomplete last record"))
        #expect(resumed.stdout.contains("resumed"))
        #expect(try bytes(whole, "sweep.csv") == bytes(killed, "sweep.csv"))
        #expect(try bytes(whole, "points.csv") == bytes(killed, "points.csv"))
    }

    @Test func sigtermKeepsFinishedPointsAndSaysHowToResume() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("out")
        let journal = out.appendingPathComponent("sweep.journal")
        let p = try CLIRunner.start(["sweep", Self.grid, "--trials", Self.trials, "--threads", "1", "--out", out.path])
        #expect(Self.waitForRecords(1, in: journal), "the sweep did not journal a point")
        kill(p.process.processIdentifier, SIGTERM)
        let r = try CLIRunner.finish(p)
        #expect(r.status == 143, "\(r.stderr)")
        #expect(r.stderr.contains("SIGTERM") && r.stderr.contains("--resume") && r.stderr.contains("points are saved"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("sweep.csv").path))
        let resumed = try sweep(["--resume"], out: out)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let whole = dir.appendingPathComponent("whole")
        #expect(try sweep([], out: whole).status == 0)
        #expect(try bytes(whole, "sweep.csv") == bytes(out, "sweep.csv"))
    }

    @Test func shardsMergeToTheUnshardedSweep() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let whole = dir.appendingPathComponent("whole")
        #expect(try sweep([], out: whole).status == 0)
        var folders: [String] = []
        for i in 0..<3 {
            let f = dir.appendingPathComponent("shard-\(i)")
            let r = try sweep(["--shard", "\(i)/3", "--threads", "1"], out: f)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: f.appendingPathComponent("sweep.csv").path))
            folders.append(f.path)
        }
        let merged = dir.appendingPathComponent("merged")
        let m = try CLIRunner.run(["merge"] + folders.reversed() + ["--out", merged.path, "--quiet"])
        #expect(m.status == 0, "\(m.stderr)")
        #expect(try bytes(whole, "sweep.csv") == bytes(merged, "sweep.csv"))
        #expect(try bytes(whole, "points.csv") == bytes(merged, "points.csv"))
        let missing = try CLIRunner.run(["merge", folders[0], folders[1], "--out", dir.appendingPathComponent("x").path])
        #expect(missing.status == 2 && missing.stderr.contains("missing shard 2/3"), "\(missing.stderr)")
        let twice = try CLIRunner.run(["merge", folders[0], folders[0], folders[1], "--out", dir.appendingPathComponent("y").path])
        #expect(twice.status == 2 && twice.stderr.contains("twice"), "\(twice.stderr)")
    }

    @Test func shippedDesignsPlanAndRun() throws {
        let lhs = try CLIRunner.run(["sweep", "configs/sweeps/main-uncertainties-lhs.yaml", "--plan"])
        #expect(lhs.status == 0, "\(lhs.stderr)")
        #expect(lhs.stdout.split(separator: "\n").count == 65)
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("sobol")
        let sobol = try CLIRunner.run(["sweep", "configs/sweeps/defense-sobol.yaml", "--samples", "4", "--trials", "300",
                                       "--quiet", "--out", out.path])
        #expect(sobol.status == 0, "\(sobol.stderr)")
        #expect(try CLIRunner.read(out.appendingPathComponent("points.csv")).split(separator: "\n").count == 5)
        let quick = try CLIRunner.run(["sweep", "--vary", "scenario.defense.vulnerability_decline=0,0.05", "--trials", "300",
                                       "--keep-points", "--out", dir.appendingPathComponent("quick").path])
        #expect(quick.status == 0, "\(quick.stderr)")
        #expect(quick.stdout.contains("2 of 2 points"))
        for k in ["000000", "000001"] {
            for name in ["summary.csv", "sectors.csv", "exceedance.csv", "state.bin", "manifest.json"] {
                #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("quick/points/\(k)/\(name)").path), "\(k)/\(name)")
            }
        }
    }

    @Test(arguments: [
        (["--vary", "scenario.iot.devics_bn.rate=0.1,0.2"], "did you mean"),
        (["--vary", "name=1,2"], "not a numeric field"),
        (["--vary", "scenario.iot.devices_bn.rate={range: [0.3, 0.1], steps: 3}"], "empty range"),
        (["--vary", "scenario.iot.devices_bn.rate={range: [0.1, 0.3], steps: 0}"], "steps"),
        (["--vary", "scenario.neural.users.ceiling={log_range: [0, 1e6], steps: 3}"], "positive"),
        (["--vary", "sectors.energy.threat.success_probability=0.5,1.5"], "point 1 (sectors.energy.threat.success_probability=1.5)"),
        (["--vary", "scenario.iot.devices_bn.rate={range: [0.1, 0.3]}", "--design", "lhs", "--samples", "1000000"], "--samples"),
        (["--vary", "seed=1,2"], "set by the sweep"),
    ])
    func badInputExitsTwoBeforeAnyWork(args: [String], message: String) throws {
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("out")
        let r = try CLIRunner.run(["sweep"] + args + ["--out", out.path])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// The point limit (100,000) is checked before anything runs: exit 2 with the count.
    @Test func moreThanTheMaximumPointsIsRefused() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let r = try CLIRunner.run(["sweep", "--vary", "scenario.iot.devices_bn.rate={range: [0.1, 0.3], steps: 400}",
                                   "--vary", "scenario.neural.users.ceiling={range: [1e5, 1e8], steps: 400}",
                                   "--out", dir.appendingPathComponent("s").path])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("the design has 160000 points; at most 100000 are allowed"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("s/sweep.journal").path))
    }
}
