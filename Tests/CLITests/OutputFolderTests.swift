import Foundation
import Testing

/// The README's "Output folders" policy, the same for run, merge, compare, sweep, sensitivity and calibrate.
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

    @Test func compareReplacesTheSameComparisonAndRefusesAnotherUnlessForced() throws {
        let out = try CLIRunner.temporaryDirectory().appendingPathComponent("cmp")
        let base = ["compare", "baseline", "secure-by-design"] + Self.small + ["--out", out.path]
        #expect(try CLIRunner.run(base + ["--quiet", "--report"]).status == 0)
        let table = try Data(contentsOf: out.appendingPathComponent("comparison.csv"))

        let same = try CLIRunner.run(base)
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stderr.contains("note: replacing the comparison already in \(out.path) (the same scenarios"), "\(same.stderr)")
        #expect(same.stderr.contains("removed the earlier report.html"), "\(same.stderr)")
        #expect(try Data(contentsOf: out.appendingPathComponent("comparison.csv")) == table)

        // Another seed or other scenarios: refused, naming the difference, nothing written.
        for (args, phrase) in [(["compare", "baseline", "secure-by-design", "--seed", "5"], "seed is 2026 there, 5 here"),
                               (["compare", "baseline", "cautious"], "scenarios baseline, secure-by-design there, baseline, cautious here")] {
            let other = try CLIRunner.run(args + Self.small + ["--out", out.path])
            #expect(other.status == 2, "\(args): \(other.stderr)")
            #expect(other.stderr.contains("--out \(out.path) holds the results of a different comparison (\(phrase))"), "\(other.stderr)")
            #expect(other.stderr.contains("add --force to replace them"))
            #expect(try Data(contentsOf: out.appendingPathComponent("comparison.csv")) == table)
        }
        // Forced: replaced, and the folder of the scenario the new comparison lacks is removed.
        let forced = try CLIRunner.run(["compare", "baseline", "cautious"] + Self.small + ["--out", out.path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stderr.contains("note: --force: replacing the results of a different comparison"), "\(forced.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("secure-by-design").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("cautious/summary.csv").path))

        // A folder of a scenario's name that is not a comparison's is not overwritten unless forced.
        let foreign = try CLIRunner.temporaryDirectory()
        try FileManager.default.createDirectory(at: foreign.appendingPathComponent("baseline"), withIntermediateDirectories: true)
        let refused = try CLIRunner.run(Array(base.dropLast()) + [foreign.path])
        #expect(refused.status == 2 && refused.stderr.contains("holds baseline, which is not a cyberrisk comparison's"), "\(refused.stderr)")
    }

    @Test func comparisonsCalibrationsForecastsAndSweepsNeverReplaceEachOther() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let forecast = dir.appendingPathComponent("forecast"), comparison = dir.appendingPathComponent("comparison")
        let calibration = dir.appendingPathComponent("calibration")
        #expect(try run(forecast, ["--quiet"]).status == 0)
        let compare = ["compare", "baseline", "secure-by-design"] + Self.small + ["--quiet"]
        #expect(try CLIRunner.run(compare + ["--out", comparison.path]).status == 0)
        let calibrate = ["calibrate", CalibrateCommandTests.ic3, "--quiet"]
        #expect(try CLIRunner.run(calibrate + ["--out", calibration.path]).status == 0)
        let sweep = ["sweep", "--vary", "scenario.defense.vulnerability_decline=0,0.05"] + Self.small + ["--quiet"]
        let cases: [(args: [String], into: URL, phrase: String)] = [
            (["run"] + Self.small, comparison, "holds a comparison (comparison.bin); a forecast needs a folder of its own"),
            (["run"] + Self.small, calibration, "holds a calibration (posterior.csv); a forecast needs a folder of its own"),
            (compare, forecast, "holds a forecast (state.bin, manifest.json); a comparison needs a folder of its own"),
            (compare, calibration, "holds a calibration (posterior.csv); a comparison needs a folder of its own"),
            (calibrate, forecast, "holds a forecast (state.bin, manifest.json); a calibration needs a folder of its own"),
            (calibrate, comparison, "holds a comparison (comparison.bin); a calibration needs a folder of its own"),
            (sweep, comparison, "holds a comparison (comparison.bin); a sweep needs a folder of its own"),
        ]
        for c in cases {
            for force in [[], ["--force"]] {
                let r = try CLIRunner.run(c.args + ["--out", c.into.path] + force)
                #expect(r.status == 2 && r.stderr.contains(c.phrase), "\(c.args) \(force): \(r.stderr)")
            }
        }
        #expect(FileManager.default.fileExists(atPath: comparison.appendingPathComponent("comparison.csv").path))
        #expect(FileManager.default.fileExists(atPath: calibration.appendingPathComponent("posterior.csv").path))
    }

    @Test func calibrateReplacesAnEarlierCalibrationAndItsStaleFiles() throws {
        let out = try CLIRunner.temporaryDirectory().appendingPathComponent("cal")
        let calibrate = ["calibrate", CalibrateCommandTests.ic3, "--out", out.path]
        #expect(try CLIRunner.run(calibrate + ["--holdout-year", "2023", "--quiet"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("hindcast.csv").path))
        let again = try CLIRunner.run(calibrate)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("note: replacing the calibration already in \(out.path)"), "\(again.stderr)")
        #expect(again.stderr.contains("removed the earlier hindcast.csv"), "\(again.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("hindcast.csv").path))
        // Files of a calibration's names that are not a calibration's are not overwritten unless forced.
        let foreign = try CLIRunner.temporaryDirectory()
        try "mine\n".write(to: foreign.appendingPathComponent("calibrated.yaml"), atomically: true, encoding: .utf8)
        let other = ["calibrate", CalibrateCommandTests.ic3, "--out", foreign.path]
        let refused = try CLIRunner.run(other)
        #expect(refused.status == 2 && refused.stderr.contains("holds calibrated.yaml, which is not a cyberrisk calibration's"),
                "\(refused.stderr)")
        #expect(try CLIRunner.read(foreign.appendingPathComponent("calibrated.yaml")) == "mine\n")
        #expect(try CLIRunner.run(other + ["--force", "--quiet"]).status == 0)
    }
}
