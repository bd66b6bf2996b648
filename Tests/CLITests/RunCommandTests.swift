import Foundation
import Testing

/// `cyberrisk run` and `merge` end to end on the embedded default scenario.
@Suite struct RunCommandTests {
    static let outputs = ["summary.csv", "sectors.csv", "exceedance.csv"]

    @Test func defaultRunWritesAllOutputsAndPrintsTheTable() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("out")
        let r = try CLIRunner.run(["run", "--trials", "3000", "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        for name in Self.outputs + ["state.bin", "manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        let summary = try CLIRunner.read(out.appendingPathComponent("summary.csv"))
        let header = summary.split(separator: "\n").first.map(String.init)
        #expect(header == "scenario,year,metric,trials,mean,sd,se,min,p01,p05,p10,p25,p50,p75,p90,p95,p99,p999,max,es95,es99")
        let sectors = try CLIRunner.read(out.appendingPathComponent("sectors.csv"))
        #expect(sectors.hasPrefix("scenario,year,sector,mean_inoperability,p95_inoperability,p_disrupted,mean_direct_shock\n"))
        let exceedance = try CLIRunner.read(out.appendingPathComponent("exceedance.csv"))
        #expect(exceedance.hasPrefix("scenario,year,metric,threshold,probability\n"))
        // 10 years × the metrics; every row has the header's 21 fields.
        let rows = summary.split(separator: "\n").dropFirst()
        #expect(rows.count % 10 == 0 && rows.count >= 90)
        #expect(rows.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 21 })
        #expect(r.stdout.contains("2026") && r.stdout.contains("2035"))
        #expect(r.stdout.split(separator: "\n").filter { !$0.hasPrefix("wrote ") }.allSatisfy { $0.count <= 80 })
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as? [String: Any]
        #expect(manifest?["trials"] as? Int == 3000)
        #expect((manifest?["config"] as? String)?.contains("sectors") == true)
    }

    @Test func threadCountDoesNotChangeTheCSVs() throws {
        let dir = try CLIRunner.temporaryDirectory()
        for threads in ["1", "2"] {
            let r = try CLIRunner.run(["run", "--trials", "5000", "--threads", threads, "--quiet",
                                       "--out", dir.appendingPathComponent("t\(threads)").path])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        for name in Self.outputs {
            let a = try Data(contentsOf: dir.appendingPathComponent("t1/\(name)"))
            let b = try Data(contentsOf: dir.appendingPathComponent("t2/\(name)"))
            #expect(a == b, "\(name) differs between --threads 1 and 2")
        }
    }

    @Test(arguments: [3, 4])
    func shardsMergeToTheUnshardedResult(count: Int) throws {
        let dir = try CLIRunner.temporaryDirectory()
        let trials = "7000"
        #expect(try CLIRunner.run(["run", "--trials", trials, "--quiet", "--out", dir.appendingPathComponent("whole").path]).status == 0)
        var shardDirs: [String] = []
        for i in 0..<count {
            let path = dir.appendingPathComponent("shard-\(i)").path
            let r = try CLIRunner.run(["run", "--trials", trials, "--quiet", "--threads", "1", "--shard", "\(i)/\(count)", "--out", path])
            #expect(r.status == 0, "\(r.stderr)")
            shardDirs.append(path)
        }
        let merged = dir.appendingPathComponent("merged")
        let r = try CLIRunner.run(["merge"] + shardDirs.reversed() + ["--out", merged.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        for name in Self.outputs {
            let a = try Data(contentsOf: dir.appendingPathComponent("whole/\(name)"))
            let b = try Data(contentsOf: merged.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between the unsharded run and the \(count)-shard merge")
        }
    }

    @Test func mergeRefusesMissingDuplicateAndForeignShards() throws {
        let dir = try CLIRunner.temporaryDirectory()
        func shard(_ i: Int, seed: String = "1") throws -> String {
            let path = dir.appendingPathComponent("s\(i)-\(seed)").path
            let r = try CLIRunner.run(["run", "--trials", "3000", "--seed", seed, "--quiet", "--shard", "\(i)/3", "--out", path])
            #expect(r.status == 0, "\(r.stderr)")
            return path
        }
        let s0 = try shard(0), s1 = try shard(1), s2 = try shard(2), other = try shard(2, seed: "2")
        let out = dir.appendingPathComponent("m").path
        let missing = try CLIRunner.run(["merge", s0, s1, "--out", out])
        #expect(missing.status == 2 && missing.stderr.contains("missing shard") && missing.stderr.contains("2/3"))
        let duplicate = try CLIRunner.run(["merge", s0, s1, s1, s2, "--out", out])
        #expect(duplicate.status == 2 && duplicate.stderr.contains("already given"))
        let foreign = try CLIRunner.run(["merge", s0, s1, other, "--out", out])
        #expect(foreign.status == 2 && foreign.stderr.contains(other))
        #expect(!FileManager.default.fileExists(atPath: out + "/summary.csv"))
    }

    @Test func corruptedStateIsRefusedWithItsPath() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let path = dir.appendingPathComponent("s").path
        #expect(try CLIRunner.run(["run", "--trials", "2000", "--quiet", "--out", path]).status == 0)
        let state = URL(fileURLWithPath: path + "/state.bin")
        var bytes = try Data(contentsOf: state)
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: state)
        let r = try CLIRunner.run(["merge", path, "--out", dir.appendingPathComponent("m").path])
        #expect(r.status == 2)
        #expect(r.stderr.contains(state.path) && r.stderr.contains("checksum"))
        try bytes.prefix(100).write(to: state)
        let truncated = try CLIRunner.run(["merge", path, "--out", dir.appendingPathComponent("m").path])
        #expect(truncated.status == 2 && truncated.stderr.contains(state.path))
    }

    @Test func jsonSummaryParses() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let r = try CLIRunner.run(["run", "--trials", "1500", "--json", "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let years = object?["years"] as? [[String: Any]]
        #expect(years?.count == 10)
        #expect((years?.first?["national_risk"] as? [String: Any])?["mean"] is Double)
    }

    @Test func sigintStopsTheRunAndWritesNothing() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("out")
        let running = try CLIRunner.start(["run", "--trials", "50000000", "--threads", "1", "--out", out.path])
        Thread.sleep(forTimeInterval: 1.5)
        let sent = Date()
        running.process.interrupt()
        let r = try CLIRunner.finish(running)
        #expect(Date().timeIntervalSince(sent) < 10)
        #expect(r.status == 130, "\(r.stderr)")
        #expect(r.stderr.contains("SIGINT"))
        for name in Self.outputs + ["state.bin", "manifest.json"] {
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path))
        }
    }
}
