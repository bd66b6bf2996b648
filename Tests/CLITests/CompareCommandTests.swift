import Foundation
import Testing

/// `cyberrisk compare` end to end: common random numbers, paired errors, shards and merge, bad input.
@Suite struct CompareCommandTests {
    static let files = ["summary.csv", "sectors.csv", "exceedance.csv", "return_periods.csv", "horizon.csv",
                        "sector_return_periods.csv", "event_classes.csv", "state.bin"]

    /// A config in `dir` that extends the repository's baseline with `body`.
    static func variant(_ name: String, _ body: String, in dir: URL) throws -> String {
        let baseline = CLIRunner.packageRoot.appendingPathComponent("configs/baseline.yaml").path
        let path = dir.appendingPathComponent("\(name).yaml").path
        try "extends: \(baseline)\nname: \(name)\n\(body)".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The rows of comparison.csv as dictionaries.
    static func rows(_ url: URL) throws -> [[String: String]] {
        let lines = try CLIRunner.read(url).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    /// Each scenario's folder is byte for byte what `run` writes with the same seed and trials,
    /// and comparison.csv does not depend on the thread count.
    @Test func scenarioFoldersEqualPlainRuns() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let common = ["--trials", "2048", "--set", "horizon_years=3"]
        for threads in ["1", "2"] {
            let r = try CLIRunner.run(["compare", "baseline", "secure-by-design", "--threads", threads, "--out",
                                       dir.appendingPathComponent("c\(threads)").path] + common + [threads == "1" ? "--quiet" : "--json"])
            #expect(r.status == 0, "\(r.stderr)")
            if threads == "2" {
                let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
                let first = (json?["comparisons"] as? [[String: Any]])?.first
                #expect(json?["base"] as? String == "baseline" && first?["scenario"] as? String == "secure-by-design")
                #expect(((first?["years"] as? [[String: Any]])?.last?["national_risk"] as? [String: Any])?["difference_se"] is Double)
            }
        }
        for scenario in ["baseline", "secure-by-design"] {
            let r = try CLIRunner.run(["run", "--scenario", scenario, "--threads", "2", "--quiet", "--out",
                                       dir.appendingPathComponent("run-\(scenario)").path] + common)
            #expect(r.status == 0, "\(r.stderr)")
            for name in Self.files {
                let a = try Data(contentsOf: dir.appendingPathComponent("run-\(scenario)/\(name)"))
                let b = try Data(contentsOf: dir.appendingPathComponent("c1/\(scenario)/\(name)"))
                #expect(a == b, "\(scenario)/\(name) differs from `run`")
            }
        }
        for name in ["comparison.csv", "comparison.bin", "baseline/summary.csv"] {
            let a = try Data(contentsOf: dir.appendingPathComponent("c1/\(name)"))
            let b = try Data(contentsOf: dir.appendingPathComponent("c2/\(name)"))
            #expect(a == b, "\(name) differs between --threads 1 and 2")
        }
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("c1/manifest.json"))) as? [String: Any]
        #expect(manifest?["kind"] as? String == "comparison")
        #expect(manifest?["base"] as? String == "baseline")
    }

    /// vulnerability_decline 0.03 → 0.04: the paired error of the 2035 national_risk difference
    /// is far below the independent runs'; a copy of the base differs by exactly 0 and is never worse.
    @Test func pairedErrorsAndASelfComparison() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let decline = try Self.variant("decline-004", "scenario: {defense: {vulnerability_decline: 0.04}}\n", in: dir)
        let same = try Self.variant("baseline-copy", "", in: dir)
        let out = dir.appendingPathComponent("c")
        let r = try CLIRunner.run(["compare", "baseline", decline, same, "--trials", "2048", "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("decline-004 − baseline: mean difference ± paired standard error"))
        #expect(r.stdout.split(separator: "\n").filter { !$0.hasPrefix("  ") && !$0.hasPrefix("wrote") }.allSatisfy { $0.count <= 80 })
        let rows = try Self.rows(out.appendingPathComponent("comparison.csv"))
        let row = try #require(rows.first { $0["scenario"] == "decline-004" && $0["year"] == "2035"
            && $0["metric"] == "national_risk" && $0["statistic"] == "mean" })
        let paired = Double(row["difference_se"]!)!, independent = Double(row["independent_se"]!)!
        #expect(Double(row["difference"]!)! < 0)
        // 3.6 on the shipped baseline (20,000 trials; 3.55 at these 2,048): as precise as independent
        // runs with ~13× the trials. Well above 1, the ratio two independent runs would give.
        #expect(paired > 0 && independent / paired > 3, "paired \(paired), independent \(independent)")
        let copies = rows.filter { $0["scenario"] == "baseline-copy" }
        #expect(copies.count == rows.count / 3)
        for c in copies {
            #expect(Double(c["difference"]!) == 0, "\(c)")
            if c["statistic"] == "mean" {
                #expect(Double(c["prob_worse"]!) == 0 && Double(c["difference_se"]!) == 0, "\(c)")
            }
        }
        let header = try CLIRunner.read(out.appendingPathComponent("comparison.csv")).prefix(while: { $0 != "\n" })
        #expect(header == "scenario,year,metric,statistic,value,se,difference,difference_se,difference_p05,difference_p95,"
                + "relative_change,prob_worse,independent_se,delta_cost_usd_bn,avoided_per_usd_bn,avoided_per_usd_bn_se")
    }

    /// Shards merge to the unsharded comparison, every file byte for byte; the merged folder
    /// makes a report; a cost makes the avoided loss per dollar.
    @Test func shardsMergeAndTheReportDrawsTheDifferences() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let costed = try Self.variant("costed", "scenario: {defense: {vulnerability_decline: 0.08, cost_usd_bn_per_year: 10}}\n", in: dir)
        let args = ["compare", "baseline", costed, "--trials", "3072", "--set", "horizon_years=2", "--quiet"]
        #expect(try CLIRunner.run(args + ["--out", dir.appendingPathComponent("whole").path]).status == 0)
        var shards: [String] = []
        for i in 0..<2 {
            let path = dir.appendingPathComponent("s\(i)").path
            let r = try CLIRunner.run(args + ["--shard", "\(i)/2", "--threads", "1", "--out", path])
            #expect(r.status == 0, "\(r.stderr)")
            shards.append(path)
        }
        let merged = dir.appendingPathComponent("merged")
        let r = try CLIRunner.run(["merge"] + shards.reversed() + ["--out", merged.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("avoided expected loss per dollar of added cost"))
        for name in ["comparison.csv", "comparison.bin"] + Self.files.map { "costed/" + $0 } + Self.files.map { "baseline/" + $0 } {
            let a = try Data(contentsOf: dir.appendingPathComponent("whole/\(name)"))
            let b = try Data(contentsOf: merged.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between the unsharded comparison and the merge")
        }
        let rows = try Self.rows(merged.appendingPathComponent("comparison.csv"))
        let loss = try #require(rows.first { $0["scenario"] == "costed" && $0["year"] == "2027"
            && $0["metric"] == "economic_loss_usd_bn" && $0["statistic"] == "mean" })
        #expect(Double(loss["delta_cost_usd_bn"]!) == 10)
        #expect(Double(loss["avoided_per_usd_bn"]!)! == -Double(loss["difference"]!)! / 10)
        let report = try CLIRunner.run(["report", merged.path, "--quiet"])
        #expect(report.status == 0, "\(report.stderr)")
        let html = try CLIRunner.read(merged.appendingPathComponent("report.html"))
        #expect(html.contains("id=\"compare-difference-national_risk\"") && html.contains("What a dollar buys"))
        #expect(try CLIRunner.run(["merge", shards[0], "--out", dir.appendingPathComponent("m1").path]).status == 2)
    }

    @Test func incompatibleScenariosExitTwoNamingTheField() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let short = try Self.variant("short", "horizon_years: 5\n", in: dir)
        let few = dir.appendingPathComponent("few.yaml").path   // defaults complete it; no `extends` of the full baseline
        try "name: few\nsectors: [{id: energy}, {id: dams}]\n".write(toFile: few, atomically: true, encoding: .utf8)
        let named = try Self.variant("baseline", "", in: dir)
        for (args, phrase) in [([short], "horizon_years is 5, but the base baseline has 10"),
                               ([few], "sectors is 2 sectors"),
                               ([named], "two scenarios are named 'baseline'"),
                               ([], "give a base and at least one alternative"),
                               (["no-such-scenario"], "'no-such-scenario': no such file, and unknown scenario")] {
            let out = dir.appendingPathComponent("out-\(UUID().uuidString)")
            let r = try CLIRunner.run(["compare", "baseline"] + args + ["--trials", "1024", "--out", out.path])
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(r.stderr.contains(phrase), "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("comparison.csv").path))
        }
    }
}
