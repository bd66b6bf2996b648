import Foundation
import Testing

/// Risk tolerances end to end: tolerances.csv with run and merge, the printed lines, the report.
@Suite struct TolerancesCommandTests {
    static let tolerances = "tolerances=[{metric: national_risk, statistic: p95, max: 0.0088}, "
        + "{metric: economic_loss_usd_bn, return_period: 100, max: 1e6}]"

    @Test func runWritesPrintsAndMergesTolerances() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let args = ["run", "--trials", "3072", "--set", "horizon_years=3", "--set", Self.tolerances]
        let whole = dir.appendingPathComponent("whole")
        let r = try CLIRunner.run(args + ["--out", whole.path, "--report"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("tolerances (breached when the statistic exceeds max):"))
        #expect(r.stdout.contains("national_risk:p95 ≤ 0.0088: breached from"))
        #expect(r.stdout.contains("economic_loss_usd_bn:1-in-100 ≤ 1.000e+06: kept 2026–2028"))
        #expect(r.stdout.split(separator: "\n").filter { !$0.hasPrefix("wrote") }.allSatisfy { $0.count <= 80 })
        let csv = try CLIRunner.read(whole.appendingPathComponent("tolerances.csv")).split(separator: "\n")
        #expect(csv.count == 1 + 2 * 3)
        #expect(csv[1].hasPrefix("baseline,2026,national_risk:p95,national_risk,p95,0.0088,"))
        #expect(csv.last!.contains(",false,0.0"))   // 1e6 bn is never exceeded
        let html = try CLIRunner.read(whole.appendingPathComponent("report.html"))
        #expect(html.contains("class=\"tolerance-label\"") && html.contains("Risk tolerances"))
        var shards: [String] = []
        for i in 0..<3 {
            let path = dir.appendingPathComponent("s\(i)").path
            #expect(try CLIRunner.run(args + ["--quiet", "--shard", "\(i)/3", "--out", path]).status == 0)
            shards.append(path)
        }
        let merged = dir.appendingPathComponent("merged")
        #expect(try CLIRunner.run(["merge"] + shards + ["--out", merged.path, "--quiet"]).status == 0)
        for name in ["tolerances.csv", "summary.csv", "state.bin"] {
            #expect(try Data(contentsOf: merged.appendingPathComponent(name)) == Data(contentsOf: whole.appendingPathComponent(name)),
                    "\(name) differs between the run and the merge of its shards")
        }
    }

    @Test func badTolerancesExitTwoNamingTheField() throws {
        let out = try CLIRunner.temporaryDirectory().appendingPathComponent("o")
        for (tolerance, phrase) in [("[{metric: nat_risk, statistic: p95, max: 1}]", "tolerances[0].metric: unknown metric 'nat_risk'"),
                                    ("[{metric: national_risk, statistic: p97, max: 1}]", "tolerances[0].statistic: unknown statistic 'p97'")] {
            let r = try CLIRunner.run(["run", "--set", "tolerances=" + tolerance, "--out", out.path])
            #expect(r.status == 2 && r.stderr.contains(phrase), "\(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out.path + "/summary.csv"))
    }
}
