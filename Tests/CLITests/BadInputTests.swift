import Foundation
import Testing

/// Every class of bad input ends with exit code 2 and a message naming the file, the field path
/// and the reason — never a trap, never output files.
@Suite struct BadInputTests {
    /// Writes `text` as a config in a fresh folder and returns its path.
    static func config(_ text: String, name: String = "bad.yaml") throws -> String {
        let dir = try CLIRunner.temporaryDirectory()
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let cases: [(String, String, [String])] = [
        ("unknown field", "trails: 5\n", ["trails", "did you mean", "trials"]),
        ("wrong type", "trials: many\n", ["trials", "many"]),
        ("probability out of range", "sectors:\n  - {id: energy, threat: {success_probability: 1.5}}\n",
         ["sectors[0].threat.success_probability", "1.5"]),
        ("negative rate", "scenario:\n  iot: {devices_bn: {rate: -0.1}}\n", ["scenario.iot.devices_bn.rate"]),
        ("ceiling below initial", "sectors:\n  - {id: energy, digital: {initial: 0.9, ceiling: 0.5}}\n",
         ["sectors[0].digital", "ceiling"]),
        ("beta shape not positive", "sectors:\n  - {id: energy, severity: {alpha: 0}}\n", ["sectors[0].severity.alpha"]),
        ("duplicate sector id", "sectors:\n  - {id: energy}\n  - {id: energy}\n", ["sectors[1].id", "duplicate"]),
        ("matrix not N×N", "sectors:\n  - {id: energy}\n  - {id: dams}\ndependencies: {matrix: [[0, 0.1]]}\n",
         ["dependencies.matrix", "2"]),
        ("negative matrix entry", "sectors:\n  - {id: energy}\n  - {id: dams}\ndependencies: {matrix: [[0, -0.1], [0, 0]]}\n",
         ["dependencies.matrix[0][1]"]),
        ("NaN", "population: .nan\n", ["population"]),
        ("diverging cascade", "sectors:\n  - {id: energy}\n  - {id: dams}\ndependencies: {matrix: [[0, 1.2], [0.9, 0]], lifeline_overlay: {enabled: false}}\n",
         ["spectral radius", "diverge"]),
        ("trials not positive", "trials: 0\n", ["trials"]),
        ("absurd trial count", "trials: 1e30\n", ["trials"]),
        ("unknown cascade mode", "cascade: {mode: quadratic}\n", ["cascade.mode", "linear"]),
        // Event catalogue, severities, shared uncertainties.
        ("unknown event class field", "events:\n  - {id: grid_attack, frequncy: 1}\n", ["events[0].frequncy", "frequency"]),
        ("footprint naming an unknown sector", "events:\n  - {id: grid_attack, footprint: {enrgy: 1}}\n", ["events[0].footprint.enrgy", "energy"]),
        ("footprint probability out of range", "events:\n  - {id: grid_attack, footprint: {energy: 1.5}}\n", ["events[0].footprint.energy", "[0, 1]"]),
        ("GPD shape without a mean", "events:\n  - {id: grid_attack, severity: {gpd: {threshold: 0, scale: 0.01, shape: 1}}}\n",
         ["events[0].severity.gpd.shape", "mean"]),
        ("negative GPD shape", "sectors:\n  - {id: energy, severity: {gpd: {threshold: 0, scale: 0.01, shape: -0.1}}}\n",
         ["sectors[0].severity.gpd.shape", "negative"]),
        ("spliced threshold outside the body's support",
         "sectors:\n  - {id: energy, severity: {spliced: {body: {alpha: 0.5, beta: 50}, threshold: 1.5, tail_probability: 0.1, scale: 0.1, shape: 0.5}}}\n",
         ["sectors[0].severity.spliced.threshold", "support"]),
        ("undefined shared name", "sectors:\n  - {id: energy, threat: {attacks_per_year: {shared: wave}}}\n",
         ["sectors[0].threat.attacks_per_year.shared", "unknown shared uncertainty 'wave'"]),
        ("shared cycle", "shared: {a: {shared: b}, b: {shared: a}}\n", ["shared.b", "cycle: a → b → a"]),
        ("the moved botnet", "scenario: {botnet: {events_per_bn_devices: 0.1}}\n", ["scenario.botnet", "events"]),
        // Documented limits (docs/reliability.md).
        ("trial count near the Int range", "trials: 9223372036854775807\n", ["trials", "must be in 1…1000000000000"]),
        ("trial count beyond the Int range", "trials: 92233720368547758070\n", ["trials", "must be in 1…1000000000000"]),
        ("more than 2,000 sectors", "sectors:\n" + (0...2000).map { "  - {id: s\($0)}\n" }.joined(),
         ["sectors", "expected 1…2000 sectors, found 2001"]),
        ("billion laughs", "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + (1...9).map { "l\($0): &l\($0) [" + String(repeating: "*\($0 == 1 ? "a" : "l\($0 - 1)"), ", count: 10) + "]\n" }.joined(),
         ["aliases expand to more than 1000000 nodes"]),
        ("nesting too deep", "a: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\n",
         ["nesting deeper than 64 levels"]),
    ]

    @Test(arguments: 0..<Self.cases.count)
    func brokenConfigExitsTwoNamingTheField(index: Int) throws {
        let (what, text, phrases) = Self.cases[index]
        let path = try Self.config(text)
        for command in [["validate", path], ["run", path, "--out", path + ".out"]] {
            let r = try CLIRunner.run(command)
            #expect(r.status == 2, "\(what): exit \(r.status)\n\(r.stderr)")
            #expect(r.stderr.contains(path), "\(what): file not named\n\(r.stderr)")
            for phrase in phrases {
                #expect(r.stderr.contains(phrase), "\(what): '\(phrase)' missing from\n\(r.stderr)")
            }
            #expect(!FileManager.default.fileExists(atPath: path + ".out/summary.csv"))
        }
    }

    /// A config file without content (a failed download, a truncated write) is refused, not run
    /// as the default scenario; the message says so and how to run the default on purpose.
    @Test(arguments: ["", "\n  \n", "# only a comment\n", "~\n"])
    func emptyConfigFileExitsTwo(text: String) throws {
        let path = try Self.config(text, name: "empty.yaml")
        for command in [["run", path, "--trials", "100", "--out", path + ".out"], ["validate", path],
                        ["stress", path, "--shock", "energy=0.5"], ["config", path, "--dump"]] {
            let r = try CLIRunner.run(command)
            #expect(r.status == 2, "\(command): exit \(r.status)\n\(r.stderr)")
            #expect(r.stderr.contains(path + ": the file is empty"), "\(command): \(r.stderr)")
            #expect(r.stderr.contains("To run the default scenario (configs/baseline.yaml), omit the CONFIG argument"),
                    "\(command): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: path + ".out"))
        // An empty parent is refused too, naming the parent.
        let child = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("child.yaml").path
        try "extends: empty.yaml\ntrials: 100\n".write(toFile: child, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["validate", child])
        #expect(r.status == 2 && r.stderr.contains(path + ": the file is empty"), "\(r.stderr)")
        // `{}` says "all defaults" on purpose and is accepted.
        let explicit = try Self.config("{}\n", name: "all-defaults.yaml")
        #expect(try CLIRunner.run(["validate", explicit]).status == 0)
    }

    @Test func validateReportsEveryProblemNotOnlyTheFirst() throws {
        let path = try Self.config("trials: -3\nseed: x\nsectors:\n  - {id: energy, threat: {success_probability: 2}}\n")
        let r = try CLIRunner.run(["validate", path])
        #expect(r.status == 2)
        for field in ["trials", "seed", "sectors[0].threat.success_probability"] {
            #expect(r.stderr.contains(field), "\(field) not reported:\n\(r.stderr)")
        }
    }

    @Test func missingFileAndBadArgumentsAreUsageErrors() throws {
        let missing = try CLIRunner.run(["run", "/nonexistent/x.yaml"])
        #expect(missing.status == 2 && missing.stderr.contains("/nonexistent/x.yaml"))
        let set = try CLIRunner.run(["validate", "--set", "scenario.iot.devices.rate=1"])
        #expect(set.status == 2 && set.stderr.contains("scenario.iot.devices"))
        let shard = try CLIRunner.run(["run", "--trials", "100", "--shard", "4/4"])
        #expect(shard.status == 2 && shard.stderr.contains("--shard"))
        let option = try CLIRunner.run(["run", "--no-such-option"])
        #expect(option.status == 2)
        for value in ["0", "4097"] {
            let threads = try CLIRunner.run(["run", "--trials", "100", "--threads", value])
            #expect(threads.status == 2 && threads.stderr.contains("--threads: expected 1…4096") && threads.stderr.contains("found '\(value)'"), "\(threads.stderr)")
        }
        // --trials is named as itself, not as the --set it becomes.
        for command in [["run"], ["sweep", "--vary", "seed=1"], ["sensitivity", "--vary", "seed={range: [1, 2]}"]] {
            for value in ["0", "1000000000001"] {
                let trials = try CLIRunner.run(command + ["--trials", value])
                #expect(trials.status == 2 && trials.stderr.contains("--trials: expected 1…1000000000000 (a whole number of trials, e.g. 100000 or 1e5), found '\(value)'"),
                        "\(command): \(trials.stderr)")
            }
        }
    }

    /// The documented `--threads` limit is inclusive: 4,096 workers are accepted (a one-block run
    /// uses one of them).
    @Test func threadLimitIsInclusive() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let r = try CLIRunner.run(["run", "--trials", "100", "--threads", "4096", "--quiet", "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test func unwritableOutputFolderIsRefusedBeforeAnyWork() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let file = dir.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        let r = try CLIRunner.run(["run", "--trials", "100", "--out", file.path + "/sub"])
        #expect(r.status == 2 && r.stderr.contains(file.path))
    }

    @Test func validConfigValidates() throws {
        let r = try CLIRunner.run(["validate", CLIRunner.packageRoot.appendingPathComponent("configs/baseline.yaml").path])
        #expect(r.status == 0 && r.stdout.hasPrefix("ok: "))
    }
}
