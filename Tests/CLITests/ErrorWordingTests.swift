import Foundation
import Testing

/// The mistakes of a first hour end with exit 2 and a message that names the problem and the
/// fix (issue 22), never a bare parser error.
@Suite struct ErrorWordingTests {
    static func file(_ text: String, _ name: String) throws -> String {
        let path = try CLIRunner.temporaryDirectory().appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func expectUsage(_ args: [String], _ phrases: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try CLIRunner.run(args)
        #expect(r.status == 2, "\(args): exit \(r.status)\n\(r.stderr)", sourceLocation: sourceLocation)
        for phrase in phrases {
            #expect(r.stderr.contains(phrase), "\(args): '\(phrase)' missing from\n\(r.stderr)", sourceLocation: sourceLocation)
        }
        #expect(!r.stderr.contains("Missing value"), sourceLocation: sourceLocation)
    }

    @Test func wholeNumberOptionsSayWhatAValidValueIs() throws {
        let trials = "--trials: expected 1…1000000000000 (a whole number of trials, e.g. 100000 or 1e5), found"
        for command in [["run"], ["sweep", "--vary", "seed=1"], ["sensitivity", "--vary", "seed={range: [1, 2]}"]] {
            for value in ["-5", "0", "1.5", "abc", "1e13"] {
                try expectUsage(command + ["--trials", value], ["\(trials) '\(value)'"])
            }
        }
        try expectUsage(["run", "--seed", "-1"], ["--seed: expected 0…18446744073709551615 (a whole number, e.g. 2026), found '-1'"])
        try expectUsage(["run", "--threads", "-2"], ["--threads: expected 1…4096 (a whole number of threads, e.g. 2), found '-2'"])
        try expectUsage(["sweep", "--vary", "scenario.iot.devices_bn.rate=0.1", "--design", "lhs", "--samples", "-3"],
                        ["--samples: expected 1…100000", "found '-3'"])
        // 1e5 is read as 100000, as --set trials=1e5 is; a seed may be written 1e3 too.
        let dir = try CLIRunner.temporaryDirectory()
        for (k, args) in [["--trials", "1e3", "--seed", "1e3"], ["--set", "trials=1e3", "--set", "seed=1000"]].enumerated() {
            let r = try CLIRunner.run(["run", "--quiet", "--set", "horizon_years=1", "--out", dir.appendingPathComponent("o\(k)").path] + args)
            #expect(r.status == 0, "\(r.stderr)")
        }
        #expect(try Data(contentsOf: dir.appendingPathComponent("o0/summary.csv")) == Data(contentsOf: dir.appendingPathComponent("o1/summary.csv")))
    }

    @Test func aTabSaysYAMLIndentsWithSpaces() throws {
        let path = try Self.file("trials: 1000\nscenario:\n\tiot: {}\n", "tab.yaml")
        try expectUsage(["validate", path], ["\(path):3: a tab character at column 1: YAML indents with spaces, not tabs"])
    }

    @Test func varyNamesTheElementThatIsNotANumber() throws {
        try expectUsage(["sweep", "--vary", "name=a,b", "--plan"], ["value 1 of 2, 'a', is not a number"])
        try expectUsage(["sweep", "--vary", "scenario.iot.devices_bn.rate=", "--plan"], ["no values after '='"])
    }

    @Test func mergeNamesTheFieldThatDiffers() throws {
        let dir = try CLIRunner.temporaryDirectory()
        func shard(_ name: String, _ i: Int, _ extra: [String]) throws -> String {
            let path = dir.appendingPathComponent(name).path
            let r = try CLIRunner.run(["run", "--trials", "2100", "--set", "horizon_years=1", "--shard", "\(i)/2", "--quiet",
                                       "--out", path] + extra)
            #expect(r.status == 0, "\(r.stderr)")
            return path
        }
        let a = try shard("a", 0, [])
        let seed = try shard("seed", 1, ["--seed", "5"]), trials = try shard("trials", 1, ["--trials", "3100"])
        let field = try shard("field", 1, ["--set", "scenario.defense.vulnerability_decline=0.05"])
        let out = dir.appendingPathComponent("m").path
        try expectUsage(["merge", a, seed, "--out", out], ["\(seed)/state.bin: seed 5 differs from \(a)/state.bin's 2026"])
        try expectUsage(["merge", a, trials, "--out", out], ["trial count 3100 differs from \(a)/state.bin's 2100"])
        try expectUsage(["merge", a, field, "--out", out],
                        ["\(field)/state.bin: its config differs from \(a)/state.bin's (scenario.defense.vulnerability_decline is 0.05 here, 0.03 there)"])
    }

    @Test func theWrongKindOfFileOrFolderIsNamedWithTheCommandThatTakesIt() throws {
        let grid = CLIRunner.packageRoot.appendingPathComponent("configs/sweeps/iot-neural-grid.yaml").path
        let sensitivity = CLIRunner.packageRoot.appendingPathComponent("configs/sweeps/main-uncertainties-sensitivity.yaml").path
        let baseline = CLIRunner.packageRoot.appendingPathComponent("configs/baseline.yaml").path
        try expectUsage(["run", grid], ["\(grid) is a sweep spec, not a scenario config: run it with `cyberrisk sweep \(grid)`"])
        try expectUsage(["validate", sensitivity], ["is a sweep spec", "`cyberrisk sensitivity \(sensitivity)`"])
        try expectUsage(["sweep", baseline], ["\(baseline) is a scenario config, not a sweep spec: run it with `cyberrisk run \(baseline)`"])
        try expectUsage(["sensitivity", baseline], ["is a scenario config, not a sweep spec"])
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("out").path
        #expect(try CLIRunner.run(["run", "--trials", "100", "--set", "horizon_years=1", "--quiet", "--out", out]).status == 0)
        try expectUsage(["run", out], ["\(out) is a folder, not a scenario config file", "`cyberrisk report \(out)`"])
        try expectUsage(["run", out + "/state.bin"], ["is a cyberrisk state file, not a scenario config"])
        // report on a sweep shard and on an unfinished sweep.
        let shard = dir.appendingPathComponent("shard").path
        #expect(try CLIRunner.run(["sweep", "--vary", "scenario.defense.vulnerability_decline=0,0.05", "--trials", "100",
                                   "--set", "horizon_years=1", "--shard", "0/2", "--quiet", "--out", shard]).status == 0)
        try expectUsage(["report", shard], ["holds shard 0/2 of a sweep, which has only its journal: merge the 2 shard folders"])
        try FileManager.default.removeItem(atPath: shard + "/manifest.json")
        try expectUsage(["report", shard], ["holds an unfinished sweep", "--resume"])
    }

    @Test func sweepAndSensitivityEachHaveTheirOwnHelp() throws {
        // Help text wraps at 80 columns: compare with every run of spaces and line breaks as one space.
        func help(_ command: String) throws -> String {
            try CLIRunner.run([command, "--help"]).stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        }
        let sweep = try help("sweep"), sensitivity = try help("sensitivity")
        #expect(sweep.contains("path=v1,v2,…") && sweep.contains("Points of an lhs or sobol design"))
        #expect(sweep.contains("--design") && sweep.contains("--keep-points"))
        // sensitivity offers only what it accepts: ranges, base rows, no design or value lists.
        #expect(!sensitivity.contains("path=v1,v2"), "\(sensitivity)")
        #expect(sensitivity.contains("path='{range: [lo, hi]}'") && sensitivity.contains("Base rows N of the Saltelli design"))
        #expect(!sensitivity.contains("lhs or sobol") && !sensitivity.contains("--design") && !sensitivity.contains("--keep-points"))
        for help in [sweep, sensitivity] { #expect(help.contains("--force") && help.contains("--resume")) }
        #expect(try CLIRunner.run(["run", "--help"]).stdout.contains("--force"))
    }
}
