import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `cyberrisk run` and `merge` end to end on the embedded default scenario.
@Suite struct RunCommandTests {
    static let outputs = ["summary.csv", "sectors.csv", "exceedance.csv", "return_periods.csv", "horizon.csv",
                          "sector_return_periods.csv", "event_classes.csv"]

    /// The end-to-end tests run the binary at `CLIRunner.binary`: it must be the tool this
    /// library builds (`CLIRunner` refuses to run any other, so every CLI test fails with this).
    @Test func binaryReportsTheLibraryVersion() {
        #expect(CLIRunner.versionMismatch == nil, "\(CLIRunner.versionMismatch ?? "")")
    }

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
        // p995 (1-in-200) was added after es99 and is appended: the earlier columns keep their positions.
        #expect(header == "scenario,year,metric,trials,mean,sd,se,min,p01,p05,p10,p25,p50,p75,p90,p95,p99,p999,max,es95,es99,p995")
        let sectors = try CLIRunner.read(out.appendingPathComponent("sectors.csv"))
        #expect(sectors.hasPrefix("scenario,year,sector,mean_inoperability,p95_inoperability,p_disrupted,mean_direct_shock\n"))
        let exceedance = try CLIRunner.read(out.appendingPathComponent("exceedance.csv"))
        #expect(exceedance.hasPrefix("scenario,year,metric,threshold,probability\n"))
        // 10 years × the metrics; every row has the header's 22 fields, and p99 ≤ p995 ≤ p999.
        let rows = summary.split(separator: "\n").dropFirst()
        #expect(rows.count % 10 == 0 && rows.count >= 90)
        #expect(rows.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 22 })
        for row in rows {
            let f = row.split(separator: ",", omittingEmptySubsequences: false).map { Double($0) }
            if let p99 = f[16], let p999 = f[17], let p995 = f[21] {
                #expect(p99 <= p995 && p995 <= p999, "\(row)")
            }
        }
        #expect(r.stdout.contains("2026") && r.stdout.contains("2035"))
        let returnPeriods = try CLIRunner.read(out.appendingPathComponent("return_periods.csv"))
        #expect(returnPeriods.hasPrefix("scenario,year,metric,return_period,aep,aep_tvar,oep,oep_tvar,aep_se,aep_tvar_se,oep_se,oep_tvar_se,aal,aal_se,resolved\n"))
        // 10 years × 2 metrics × 11 return periods; the largest event never exceeds the year.
        let rpRows = returnPeriods.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rpRows.count == 10 * 2 * 11)
        for row in rpRows {
            #expect(row.count == 15)
            #expect(Double(row[6])! <= Double(row[4])! && Double(row[7])! <= Double(row[5])! * (1 + 1e-12), "\(row)")
        }
        let horizon = try CLIRunner.read(out.appendingPathComponent("horizon.csv"))
        #expect(horizon.hasPrefix("scenario,first_year,last_year,metric,return_period,total,total_tvar,worst_year,worst_year_tvar,"))
        #expect(horizon.contains("baseline,2026,2035,economic_loss_usd_bn,100.0,"))
        let classes = try CLIRunner.read(out.appendingPathComponent("event_classes.csv"))
        #expect(classes.hasPrefix("scenario,year,event_class,mean_events,p_any,mean_loss_usd_bn,mean_loss_se,aep_share_100,aep_share_200,oep_share_100,oep_share_200\n"))
        #expect(classes.contains("baseline,2026,grid_attack,") && classes.contains("baseline,2035,none,"))
        let sectorRP = try CLIRunner.read(out.appendingPathComponent("sector_return_periods.csv"))
        #expect(sectorRP.hasPrefix("scenario,year,sector,return_period,aep,oep,resolved\n"))
        #expect(r.stdout.split(separator: "\n").filter { !$0.hasPrefix("wrote ") }.allSatisfy { $0.count <= 80 })
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as? [String: Any]
        #expect(manifest?["trials"] as? Int == 3000)
        #expect((manifest?["config"] as? String)?.contains("sectors") == true)
        // What the loss measures: 2023 dollars of the 16 sectors' value added, held fixed.
        let loss = manifest?["economic_loss"] as? [String: Any]
        #expect(loss?["unit"] as? String == "billions of US dollars a year")
        #expect((loss?["basis"] as? String)?.contains("BEA 2023") == true)
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

    /// Whether another process holds the output folder's lock (`flock` on `.cyberrisk.lock`).
    static func isLocked(_ folder: URL) -> Bool {
        let fd = open(folder.appendingPathComponent(".cyberrisk.lock").path, O_RDWR)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return true }
        flock(fd, LOCK_UN)
        return false
    }

    /// Starts a long run into `out` and returns once it holds the folder's lock (it then builds
    /// its plan and simulates). `--force`: the folder may hold an earlier, different run.
    static func startLongRun(out: URL) throws -> CLIRunner.RunningProcess {
        let running = try CLIRunner.start(["run", "--trials", "50000000", "--threads", "1", "--quiet", "--force", "--out", out.path])
        let deadline = Date().addingTimeInterval(60)
        while !isLocked(out) && Date() < deadline { usleep(20_000) }
        #expect(isLocked(out), "the run did not take the folder's lock")
        Thread.sleep(forTimeInterval: 1)
        return running
    }

    /// SIGINT or SIGTERM during `run` stops it quickly (it polls before every simulated year of
    /// every block), exits 128 + the signal with a message, writes nothing under final names,
    /// and leaves the outputs of an earlier run in the folder as they were.
    ///
    /// "Quickly" is measured against the machine as it is: the earlier 1,500-trial run (start-up,
    /// plan, two blocks of ten years, writing the outputs: far more than one block-year) is timed
    /// just before, and the stop may take 2 s plus twice that. On an idle machine that is about
    /// 2.5 s for a debug build; on two loaded cores it grows with the load instead of failing,
    /// while a run that ignored the signal (minutes of work left) still fails.
    @Test(arguments: [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")])
    func signalStopsTheRunQuicklyAndLeavesEarlierOutputs(signal: Int32, name: String) throws {
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("out")
        let started = Date()
        let earlier = try CLIRunner.run(["run", "--trials", "1500", "--quiet", "--out", out.path])
        let wholeRun = Date().timeIntervalSince(started)
        #expect(earlier.status == 0, "\(earlier.stderr)")
        let names = Self.outputs + ["state.bin", "manifest.json"]
        let before = try names.map { try Data(contentsOf: out.appendingPathComponent($0)) }
        let running = try Self.startLongRun(out: out)
        let sent = Date()
        kill(running.process.processIdentifier, signal)
        let r = try CLIRunner.finish(running)
        let latency = Date().timeIntervalSince(sent)
        #expect(latency < 2 + 2 * wholeRun, "took \(latency) s to stop; a whole 1,500-trial run took \(wholeRun) s")
        #expect(r.status == 128 + signal, "\(r.stderr)")
        #expect(r.stderr.contains("interrupted by \(name)") && r.stderr.contains("no output was written to \(out.path)"), "\(r.stderr)")
        let after = try names.map { try Data(contentsOf: out.appendingPathComponent($0)) }
        #expect(after == before, "earlier outputs changed")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    /// A second `run` on a folder another run is writing is refused at once (exit 2, naming the
    /// folder) and writes nothing there; the first run is unaffected.
    @Test func secondRunOnTheSameFolderIsRefused() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("out")
        let first = try Self.startLongRun(out: out)
        let second = try CLIRunner.run(["run", "--trials", "1500", "--quiet", "--out", out.path])
        #expect(second.status == 2, "\(second.stderr)")
        #expect(second.stderr.contains(out.path) && second.stderr.contains("another cyberrisk process is writing to this folder"),
                "\(second.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == [".cyberrisk.lock"])
        kill(first.process.processIdentifier, SIGINT)
        #expect(try CLIRunner.finish(first).status == 130)
        // Once the first run has ended the folder is free again.
        #expect(try CLIRunner.run(["run", "--trials", "1500", "--quiet", "--out", out.path]).status == 0)
    }
}
