import Foundation
import Testing

/// `cyberrisk sensitivity` end to end: outputs, the ranked table, determinism across threads and
/// shards, and bad input refused before any work.
@Suite struct SensitivityCommandTests {
    static let vary = ["--vary", "scenario.defense.vulnerability_decline={range: [0, 0.08]}",
                       "--vary", "scenario.iot.devices_bn.rate={range: [0.1, 0.3]}",
                       "--vary", "scenario.neural.users.ceiling={log_range: [1e4, 1e7]}"]

    func sensitivity(_ extra: [String], out: URL) throws -> CLIRunner.Result {
        try CLIRunner.run(["sensitivity"] + Self.vary + ["--trials", "64", "--progress", "never", "--out", out.path] + extra)
    }

    func bytes(_ url: URL, _ name: String) throws -> Data {
        try Data(contentsOf: url.appendingPathComponent(name))
    }

    @Test func writesIndicesRanksTheLastYearAndRoundsSamplesUp() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("s")
        let r = try sensitivity(["--samples", "5", "--threads", "1"], out: out)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("samples 5 rounded up to N = 8"), "\(r.stderr)")
        #expect(r.stderr.contains("N = 8 base rows × (k = 3 parameters + 2) = 40 points × 64 trials"), "\(r.stderr)")
        let csv = try CLIRunner.read(out.appendingPathComponent("sensitivity.csv")).split(separator: "\n")
        #expect(csv.first == "year,metric,parameter,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi")
        let rows = csv.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.allSatisfy { $0.count == 9 })
        // 10 years × the metrics × 3 parameters, parameters innermost in spec order.
        #expect(rows.count % 30 == 0 && rows.count >= 30 * 9)
        #expect(rows.prefix(3).map { String($0[2]) } == ["scenario.defense.vulnerability_decline",
                                                          "scenario.iot.devices_bn.rate", "scenario.neural.users.ceiling"])
        // Every defined interval brackets its estimate.
        for row in rows where row[3] != "NaN" {
            let x = row[3...8].map { Double($0)! }
            #expect(x[1] <= x[0] && x[0] <= x[2] && x[4] <= x[3] && x[3] <= x[5], "\(row)")
        }
        // The ranked table of the last year, one per headline metric, ranks 1…3.
        for label in ["national risk (national_risk), 2035", "human risk (human_risk), 2035", "economic loss (economic_loss_usd_bn), 2035"] {
            #expect(r.stdout.contains(label), "\(r.stdout)")
        }
        #expect(r.stdout.contains("inner-noise share"))
        let national = r.stdout.components(separatedBy: "national risk (national_risk)")[1]
            .components(separatedBy: "\n\n")[0].split(separator: "\n").filter { $0.first.map { "123".contains($0) } == true }
        #expect(national.count == 3, "\(national)")
        let manifest = try JSONSerialization.jsonObject(with: bytes(out, "manifest.json")) as? [String: Any]
        #expect(manifest?["kind"] as? String == "sensitivity")
        #expect(manifest?["points"] as? Int == 40)
        #expect((manifest?["files"] as? [String])?.contains("sensitivity.csv") == true)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("sweep.csv").path))
    }

    @Test func indicesDoNotDependOnThreadsOrShards() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let one = dir.appendingPathComponent("t1"), two = dir.appendingPathComponent("t2")
        #expect(try sensitivity(["--samples", "4", "--threads", "1", "--quiet"], out: one).status == 0)
        #expect(try sensitivity(["--samples", "4", "--threads", "2", "--quiet"], out: two).status == 0)
        #expect(try bytes(one, "sensitivity.csv") == bytes(two, "sensitivity.csv"))
        // Resuming a finished analysis runs nothing and rewrites the same indices.
        let csv = try bytes(one, "sensitivity.csv")
        let resumed = try sensitivity(["--samples", "4", "--resume"], out: one)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try bytes(one, "sensitivity.csv") == csv)
        var folders: [String] = []
        for i in 0..<2 {
            let f = dir.appendingPathComponent("shard-\(i)")
            let r = try sensitivity(["--samples", "4", "--shard", "\(i)/2", "--quiet"], out: f)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: f.appendingPathComponent("sensitivity.csv").path))
            folders.append(f.path)
        }
        let merged = dir.appendingPathComponent("merged")
        let m = try CLIRunner.run(["merge"] + folders.reversed() + ["--out", merged.path])
        #expect(m.status == 0, "\(m.stderr)")
        #expect(m.stdout.contains("merged 2 sensitivity shards") && m.stdout.contains("national risk"), "\(m.stdout)")
        #expect(try bytes(one, "sensitivity.csv") == bytes(merged, "sensitivity.csv"))
        #expect(try bytes(one, "sweep.csv") == bytes(merged, "sweep.csv"))
    }

    @Test(arguments: [
        (["--vary", "scenario.iot.devices_bn.rate={range: [0.1, 0.3]}"], "at least 2 parameters, found 1"),
        (["--vary", "scenario.iot.devices_bn.rate={range: [0.1, 0.3]}", "--vary", "scenario.defense.vulnerability_decline=0,0.05"],
         "values only make a grid"),
        (["--vary", "scenario.iot.devices_bn.rate={range: [0.1, 0.3]}",
          "--vary", "sectors.energy.threat.success_probability={range: [0.5, 1.5]}"],
         "point 12 (scenario.iot.devices_bn.rate=0.15, sectors.energy.threat.success_probability=1.25): must be in [0, 1]"),
        (["--vary", "scenario.iot.devices_bn.rate={range: [0.1, 0.3]}", "--vary", "seed={range: [1, 2]}"], "set by the sweep"),
        (["--vary", "scenario.iot.devices_bn.rate={range: [0.1, 0.3]}", "--vary", "scenario.neural.users.rate={range: [0.3, 0.8]}",
          "--samples", "0"], "--samples"),
    ])
    func badInputExitsTwoBeforeAnyWork(args: [String], message: String) throws {
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("out")
        let extra = (args.contains("--samples") ? [] : ["--samples", "4"]) + ["--trials", "16", "--out", out.path]
        let r = try CLIRunner.run(["sensitivity"] + args + extra)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// Bad groups exit 2 naming the spec file, the line, the field path and the reason.
    @Test func badGroupsExitTwoNamingFileFieldAndReason() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let spec = dir.appendingPathComponent("grouped.yaml")
        try Data("""
            base_scenario: baseline
            parameters:
              scenario.iot.devices_bn.rate: {range: [0.1, 0.3]}
              dependencies.cyber_coupling: {range: [0.2, 0.9]}
            groups:
              iot: [scenario.iot.devices_bn.rate, scenario.iot.devices_bn.ceiling]
              coupling: []

            """.utf8).write(to: spec)
        let out = dir.appendingPathComponent("out")
        let r = try CLIRunner.run(["sensitivity", spec.path, "--samples", "4", "--trials", "16", "--out", out.path])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("grouped.yaml:6: groups.iot: unknown parameter 'scenario.iot.devices_bn.ceiling'"), "\(r.stderr)")
        #expect(r.stderr.contains("grouped.yaml:7: groups.coupling: empty group"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func sweepRefersSaltelliDesignsToSensitivity() throws {
        let r = try CLIRunner.run(["sweep", "--vary", "scenario.iot.devices_bn.rate={range: [0.1, 0.3]}", "--design", "saltelli",
                                   "--samples", "4", "--plan"])
        #expect(r.status == 2 && r.stderr.contains("cyberrisk sensitivity"), "\(r.stderr)")
    }
}
