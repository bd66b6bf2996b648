import Foundation
import Testing

/// Shards without trials (more shards than blocks of 1024 trials, as a Slurm array with more
/// tasks than blocks) write valid output without NaN or inf, and merge to the unsharded run.
@Suite struct ZeroTrialShardTests {
    static let outputs = ["summary.csv", "sectors.csv", "exceedance.csv"]

    /// Every comma-separated field of a CSV that reads as a non-finite number.
    static func nonFinite(_ text: String) -> [String] {
        text.split(separator: "\n").flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .map(String.init).filter { field in Double(field).map { !$0.isFinite } ?? false }
    }

    @Test(arguments: [(2500, 5), (1000, 8)])
    func emptyShardsMergeToTheUnshardedRun(trials: Int, count: Int) throws {
        let dir = try CLIRunner.temporaryDirectory()
        let common = ["--trials", "\(trials)", "--set", "horizon_years=3", "--threads", "1"]
        let whole = dir.appendingPathComponent("whole")
        #expect(try CLIRunner.run(["run"] + common + ["--quiet", "--out", whole.path]).status == 0)
        for name in Self.outputs {
            #expect(Self.nonFinite(try CLIRunner.read(whole.appendingPathComponent(name))).isEmpty, "\(name)")
        }
        var shards: [String] = []
        var empty = 0
        for i in 0..<count {
            let out = dir.appendingPathComponent("shard-\(i)")
            let r = try CLIRunner.run(["run"] + common + ["--shard", "\(i)/\(count)", "--out", out.path])
            #expect(r.status == 0, "\(r.stderr)")
            shards.append(out.path)
            for name in Self.outputs {
                let text = try CLIRunner.read(out.appendingPathComponent(name))
                #expect(Self.nonFinite(text).isEmpty, "shard \(i) \(name): \(Self.nonFinite(text).prefix(3))")
            }
            let summary = try CLIRunner.read(out.appendingPathComponent("summary.csv")).split(separator: "\n")
            guard summary[1].contains(",0,,") else { continue }
            empty += 1
            #expect(r.stderr.contains("note: shard \(i)/\(count) holds no trials"), "\(r.stderr)")
            #expect(r.stdout.contains("this shard holds no trials"))
            // Keys and trials = 0, every statistic empty; sectors likewise; no exceedance rows.
            #expect(summary.dropFirst().allSatisfy { row in
                let fields = row.split(separator: ",", omittingEmptySubsequences: false)
                return fields[3] == "0" && fields.dropFirst(4).allSatisfy(\.isEmpty)
            }, "\(summary[1])")
            let sectors = try CLIRunner.read(out.appendingPathComponent("sectors.csv")).split(separator: "\n")
            #expect(sectors.dropFirst().allSatisfy { $0.hasSuffix(",,,,") })
            #expect(try CLIRunner.read(out.appendingPathComponent("exceedance.csv")) == "scenario,year,metric,threshold,probability\n")
            // report refuses it, saying what to do.
            let report = try CLIRunner.run(["report", out.path])
            #expect(report.status == 2 && report.stderr.contains("which has no trials") && report.stderr.contains("cyberrisk merge"),
                    "\(report.stderr)")
        }
        let blocks = (trials + 1023) / 1024
        #expect(empty == count - blocks)
        let merged = dir.appendingPathComponent("merged")
        let m = try CLIRunner.run(["merge"] + shards.reversed() + ["--quiet", "--out", merged.path])
        #expect(m.status == 0, "\(m.stderr)")
        for name in Self.outputs {
            #expect(try Data(contentsOf: merged.appendingPathComponent(name)) == Data(contentsOf: whole.appendingPathComponent(name)),
                    "\(name) of the merge differs from the unsharded run")
        }
    }
}
