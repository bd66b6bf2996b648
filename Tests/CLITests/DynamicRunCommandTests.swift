import Foundation
import Testing

/// `cyberrisk run` with `cascade.mode: dynamic`: the new metrics and sector columns, and shards
/// that merge into the whole run's bytes.
@Suite struct DynamicRunCommandTests {
    static let config = """
        name: dynamic-two
        horizon_years: 2
        trials: 1500
        cascade: {mode: dynamic, failure_threshold: 0.02}
        sectors:
          - {id: energy, threat: {duration_days: 3}}
          - {id: water_wastewater, recovery: {days: {uniform: [7, 21]}}}
        """

    @Test func shardsMergeToTheWholeRunsBytes() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let path = dir.appendingPathComponent("dynamic.yaml").path
        try Self.config.write(toFile: path, atomically: true, encoding: .utf8)
        let whole = dir.appendingPathComponent("whole").path
        let r = try CLIRunner.run(["run", path, "--out", whole, "--quiet", "--threads", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        var shards: [String] = []
        for i in 0..<2 {
            let out = dir.appendingPathComponent("shard\(i)").path
            let s = try CLIRunner.run(["run", path, "--out", out, "--quiet", "--threads", "1", "--shard", "\(i)/2"])
            #expect(s.status == 0, "\(s.stderr)")
            shards.append(out)
        }
        let merged = dir.appendingPathComponent("merged").path
        let m = try CLIRunner.run(["merge"] + shards + ["--out", merged, "--quiet"])
        #expect(m.status == 0, "\(m.stderr)")
        for file in ["summary.csv", "sectors.csv", "exceedance.csv"] {
            let a = try CLIRunner.read(URL(fileURLWithPath: whole).appendingPathComponent(file))
            let b = try CLIRunner.read(URL(fileURLWithPath: merged).appendingPathComponent(file))
            #expect(a == b, "\(file) differs after the merge")
        }
        let sectors = try CLIRunner.read(URL(fileURLWithPath: whole).appendingPathComponent("sectors.csv"))
        #expect(sectors.hasPrefix("scenario,year,sector,mean_inoperability,p95_inoperability,p_disrupted,mean_direct_shock,mean_days_disrupted,p95_days_disrupted\n"))
        let summary = try CLIRunner.read(URL(fileURLWithPath: whole).appendingPathComponent("summary.csv"))
        #expect(summary.contains("dynamic-two,2026,outage_days,1500,") && summary.contains(",person_days_without_service,"))
    }
}
