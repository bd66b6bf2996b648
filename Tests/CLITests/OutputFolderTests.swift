import Foundation
import Testing

/// The README's "Output folders" policy, the same for run, merge, sweep and sensitivity.
@Suite struct OutputFolderTests {
    static let small = ["--trials", "200", "--set", "horizon_years=2"]

    func run(_ out: URL, _ extra: [String] = []) throws -> CLIRunner.Result {
        try CLIRunner.run(["run"] + Self.small + ["--out", out.path] + extra)
    }

    @Test func runReplacesTheSameForecastAndRefusesAnotherUnlessForced() throws {
        let out = try CLIRunner.temporaryDirectory().appendingPathComponent("out")
        #expect(try run(out, ["--quiet", "--report"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("report.html").path))
        let summary = try Data(contentsOf: out.appendingPathComponent("summary.csv"))

        // The same forecast again: replaced, with a note; the report is written anew or removed.
        let same = try run(out)
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stderr.contains("note: replacing the results already in \(out.path) (the same forecast"), "\(same.stderr)")
        #expect(same.stderr.contains("removed the earlier report.html"), "\(same.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("report.html").path))
        #expect(try Data(contentsOf: out.appendingPathComponent("summary.csv")) == summary)

        // Another seed, trial count or config field: refused, naming the difference, nothing written.
        for (args, phrase) in [(["--seed", "5"], "seed is 2026 there, 5 here"),
                               (["--trials", "300"], "trials is 200 there, 300 here"),
                               (["--set", "scenario.defense.vulnerability_decline=0.05"],
                                "scenario.defense.vulnerability_decline is 0.03 there, 0.05 here")] {
            let other = try CLIRunner.run(["run", "--trials", "200", "--set", "horizon_years=2"] + args + ["--out", out.path])
            #expect(other.status == 2, "\(args): \(other.stderr)")
            #expect(other.stderr.contains("--out \(out.path) holds the results of a different forecast (\(phrase))"), "\(other.stderr)")
            #expect(other.stderr.contains("add --force to replace them"))
            #expect(try Data(contentsOf: out.appendingPathComponent("summary.csv")) == summary)
        }
        let forced = try CLIRunner.run(["run", "--trials", "300", "--set", "horizon_years=2", "--out", out.path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stderr.contains("note: --force: replacing the results of a different forecast"))
        #expect(try Data(contentsOf: out.appendingPathComponent("summary.csv")) != summary)
        // A shard of the same config is a different forecast too.
        let shard = try run(out, ["--shard", "0/2"])
        #expect(shard.status == 2 && shard.stderr.contains("shard"), "\(shard.stderr)")
    }

    @Test func foreignFilesAreNotOverwrittenButOtherFilesAreLeftAlone() throws {
        let dir = try CLIRunner.temporaryDirectory()
        try "mine\n".write(to: dir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(try run(dir, ["--quiet"]).status == 0)
        #expect(try CLIRunner.read(dir.appendingPathComponent("notes.txt")) == "mine\n")
        let other = try CLIRunner.temporaryDirectory()
        try "a,b\n1,2\n".write(to: other.appendingPathComponent("summary.csv"), atomically: true, encoding: .utf8)
        let refused = try run(other)
        #expect(refused.status == 2 && refused.stderr.contains("holds summary.csv, which is not a cyberrisk forecast's"), "\(refused.stderr)")
        #expect(try CLIRunner.read(other.appendingPathComponent("summary.csv")) == "a,b\n1,2\n")
        #expect(try run(other, ["--force", "--quiet"]).status == 0)
    }

    @Test func aForecastAndASweepNeverReplaceEachOther() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let forecast = dir.appendingPathComponent("forecast"), sweep = dir.appendingPathComponent("sweep")
        #expect(try run(forecast, ["--quiet"]).status == 0)
        let vary = ["sweep", "--vary", "scenario.defense.vulnerability_decline=0,0.05"] + Self.small + ["--quiet"]
        #expect(try CLIRunner.run(vary + ["--out", sweep.path]).status == 0)
        for force in [[], ["--force"]] {
            let intoSweep = try run(sweep, force)
            #expect(intoSweep.status == 2 && intoSweep.stderr.contains("holds a sweep (sweep.journal); a forecast needs a folder of its own"),
                    "\(intoSweep.stderr)")
            let intoForecast = try CLIRunner.run(vary + ["--out", forecast.path] + force)
            #expect(intoForecast.status == 2 && intoForecast.stderr.contains("holds a forecast (state.bin, manifest.json)"),
                    "\(intoForecast.stderr)")
        }
    }

    @Test func aSweepResumesOrStartsOverWhenForced() throws {
        let out = try CLIRunner.temporaryDirectory().appendingPathComponent("sw")
        let base = ["sweep", "--vary", "scenario.defense.vulnerability_decline=0,0.05"] + Self.small + ["--out", out.path]
        #expect(try CLIRunner.run(base + ["--quiet"]).status == 0)
        let again = try CLIRunner.run(base)
        #expect(again.status == 2 && again.stderr.contains("add --resume to continue it with the same spec, choose another folder, or add --force"),
                "\(again.stderr)")
        #expect(try CLIRunner.run(base + ["--resume", "--quiet"]).status == 0)
        let both = try CLIRunner.run(base + ["--resume", "--force"])
        #expect(both.status == 2 && both.stderr.contains("not both"))
        // --force deletes the old sweep, also one of another spec, and runs anew.
        let other = ["sweep", "--vary", "scenario.defense.vulnerability_decline=0,0.02,0.04"] + Self.small + ["--out", out.path]
        let forced = try CLIRunner.run(other + ["--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stderr.contains("note: --force: deleting the earlier sweep"))
        let points = try CLIRunner.read(out.appendingPathComponent("points.csv")).split(separator: "\n")
        #expect(points.count == 4)
    }

    @Test func mergeReplacesTheSameMergedResultAndRefusesAnother() throws {
        let dir = try CLIRunner.temporaryDirectory()
        var shards: [String] = []
        for i in 0..<2 {
            let path = dir.appendingPathComponent("s\(i)").path
            #expect(try CLIRunner.run(["run", "--trials", "2100", "--set", "horizon_years=2", "--shard", "\(i)/2",
                                       "--quiet", "--out", path]).status == 0)
            shards.append(path)
        }
        let merged = dir.appendingPathComponent("merged").path
        #expect(try CLIRunner.run(["merge"] + shards + ["--out", merged, "--quiet"]).status == 0)
        let again = try CLIRunner.run(["merge"] + shards + ["--out", merged])
        #expect(again.status == 0 && again.stderr.contains("note: replacing the results already in"), "\(again.stderr)")
        // merge prints how many shards it merged, not a thread count.
        #expect(again.stdout.contains("merged from 2 shards in"), "\(again.stdout)")
        #expect(!again.stdout.contains("threads"))
        let other = try CLIRunner.run(["merge"] + shards + ["--out", dir.appendingPathComponent("s0").path])
        #expect(other.status == 2 && other.stderr.contains("holds the results of a different forecast (shard 0/2 there, the whole run here)"),
                "\(other.stderr)")
    }
}
