@_spi(Engine) import CyberRisk
@testable import CyberRiskSweep
import Foundation
import Testing

/// `cyberrisk calibrate` end to end: the shipped IC3 data, a config elsewhere (the `extends:` path of
/// calibrated.yaml), synthetic data with known rates, threads, bad input (exit 2) and chains that
/// did not converge (exit 3).
@Suite struct CalibrateCommandTests {
    static let ic3 = CLIRunner.packageRoot.appendingPathComponent("configs/data/incidents_ic3.csv").path

    static func lines(_ url: URL, _ name: String) throws -> [Substring] {
        try CLIRunner.read(url.appendingPathComponent(name)).split(separator: "\n")
    }

    @Test func calibratesTheShippedIC3DataAndTheCalibratedConfigRuns() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("cal")
        let r = try CLIRunner.run(["calibrate", Self.ic3, "--out", out.path, "--report"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Successful attacks per year in 2026") && r.stdout.contains("Converged: 4 chains × 1000 draws"))
        let posterior = try Self.lines(out, "posterior.csv")
        #expect(posterior.first == "sector,parameter,mean,sd,p05,p50,p95")
        #expect(posterior.count == 1 + 16 + 4)
        #expect(posterior.dropFirst(17).map { $0.split(separator: ",")[1] } == ["reporting_rate", "factor_mean", "factor_cv", "overdispersion"])
        let ppc = try Self.lines(out, "ppc.csv")
        #expect(ppc.first == "sector,year,observed,p05,p50,p95,pit,fitted" && ppc.count == 1 + 19)
        #expect(ppc[1].hasPrefix("healthcare_public_health,2021,148,"))
        #expect(try Self.lines(out, "diagnostics.csv").count == 1 + 20)
        for name in ["calibrated.yaml", "manifest.json", "report.html"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("hindcast.csv").path))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as? [String: Any]
        #expect(manifest?["kind"] as? String == "calibration" && manifest?["rows_fitted"] as? Int == 14)
        // Without a config the calibrated file extends nothing: its fields come from the embedded baseline.
        let yaml = try CLIRunner.read(out.appendingPathComponent("calibrated.yaml"))
        #expect(!yaml.contains("extends:") && yaml.contains("name: baseline-calibrated"))
        #expect(yaml.contains("attacks_per_year: {lognormal: {median: "))

        let run = try CLIRunner.run(["run", out.appendingPathComponent("calibrated.yaml").path, "--trials", "300",
                                     "--out", dir.appendingPathComponent("run").path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try CLIRunner.read(dir.appendingPathComponent("run/summary.csv"))
        #expect(summary.contains("\nbaseline-calibrated,2026,national_risk,300,"))
    }

    /// calibrated.yaml `extends:` its config by a path relative to the output folder, so it runs
    /// from any working folder and keeps the config's other fields.
    @Test func theCalibratedFileExtendsItsConfigFromAnywhere() throws {
        let dir = try CLIRunner.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("configs"), withIntermediateDirectories: true)
        let config = dir.appendingPathComponent("configs/mine.yaml")
        try "name: mine\ncascade: {failure_threshold: 0.05}\nhorizon_years: 3\n".write(to: config, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["calibrate", Self.ic3, "configs/mine.yaml", "--out", "results/cal", "--quiet", "--seed", "3"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let yaml = try CLIRunner.read(dir.appendingPathComponent("results/cal/calibrated.yaml"))
        #expect(yaml.contains("extends: \"../../configs/mine.yaml\"\nname: mine-calibrated\n"), "\(yaml.prefix(800))")
        let dump = try CLIRunner.run(["config", "--dump", dir.appendingPathComponent("results/cal/calibrated.yaml").path])
        #expect(dump.status == 0, "\(dump.stderr)")
        #expect(dump.stdout.contains("failure_threshold: 0.05") && dump.stdout.contains("horizon_years: 3"))
        let run = try CLIRunner.run(["run", "cal/calibrated.yaml", "--trials", "200", "--out", "run", "--quiet"],
                                    in: dir.appendingPathComponent("results"))
        #expect(run.status == 0, "\(run.stderr)")
    }

    /// Synthetic counts from known rates (every incident reported, Poisson): the posterior of each
    /// sector's successful attacks per year holds its true rate within its 90% interval for at
    /// least 3 of the 4 sectors (each misses with probability 0.1).
    @Test func recoversKnownRatesFromSyntheticData() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let config = dir.appendingPathComponent("small.yaml")
        try "sectors:\n  - {id: energy}\n  - {id: healthcare_public_health}\n  - {id: financial_services}\n  - {id: water_wastewater}\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let scenario = try ScenarioCatalog.resolve(path: config.path, overrides: []).scenario
        let projection = AttackRateProjection(scenario: scenario)
        let factors = [0.6, 1.0, 1.5, 2.0]
        var csv = "sector,year,count,reporting_rate\n"
        var rng = RandomStream(seed: 99, trial: 0, stream: 0, site: 0)
        for (i, sector) in scenario.sectors.enumerated() {
            for year in 2019...2023 {
                let mean = factors[i] * scenario.calibration.incidentsPerAttack * projection.rate(sector: i, year: year)
                csv += "\(sector.id),\(year),\(Int(Poisson.sample(mean: mean, using: &rng))),1\n"
            }
        }
        let data = dir.appendingPathComponent("synthetic.csv")
        try csv.write(to: data, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("cal")
        let r = try CLIRunner.run(["calibrate", data.path, config.path, "--out", out.path, "--poisson", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try Self.lines(out, "posterior.csv").dropFirst().map { $0.split(separator: ",") }
        var inside = 0
        for (i, sector) in scenario.sectors.enumerated() {
            let row = try #require(rows.first { $0[0] == sector.id && $0[1] == "successful_attacks_per_year" })
            let truth = factors[i] * projection.startRate(sector: i)
            if Double(row[4])! <= truth && truth <= Double(row[6])! { inside += 1 }
        }
        #expect(inside >= 3, "\(rows)")
        #expect(!rows.contains { $0[1] == "overdispersion" })
    }

    @Test func resultsDoNotDependOnThreads() throws {
        let dir = try CLIRunner.temporaryDirectory()
        for threads in ["1", "2"] {
            let r = try CLIRunner.run(["calibrate", Self.ic3, "--out", dir.appendingPathComponent("t" + threads).path,
                                       "--holdout-year", "2023", "--threads", threads, "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        for name in ["posterior.csv", "ppc.csv", "diagnostics.csv", "hindcast.csv", "calibrated.yaml"] {
            let a = try Data(contentsOf: dir.appendingPathComponent("t1/" + name))
            let b = try Data(contentsOf: dir.appendingPathComponent("t2/" + name))
            #expect(a == b, "\(name) differs between --threads 1 and 2")
        }
        let hindcast = try Self.lines(dir.appendingPathComponent("t1"), "hindcast.csv")
        #expect(hindcast.count == 1 + 4 + 1 && hindcast.last!.hasPrefix("*,2023,3,"))
    }

    static let bad: [(what: String, csv: String, phrases: [String])] = [
        ("negative count", "sector,year,count\nenergy,2021,-4\n", [":2: count:", "whole number"]),
        ("non-integer count", "sector,year,count\nenergy,2021,2.5\n", [":2: count:", "2.5"]),
        ("unknown sector", "sector,year,count\nhealthcare,2021,4\n", [":2: sector:", "unknown sector 'healthcare'",
                                                                      "did you mean 'healthcare_public_health'?"]),
        ("duplicate row", "sector,year,count\nenergy,2021,4\nenergy,2021,5\n", [":3: sector:", "duplicate row", "also line 2"]),
        ("reporting rate above 1", "sector,year,count,reporting_rate\nenergy,2021,4,2\n", [":2: reporting_rate:", "(0, 1]"]),
        ("reporting rate 0", "sector,year,count,reporting_rate\nenergy,2021,4,0\n", [":2: reporting_rate:", "(0, 1]"]),
        ("empty file", "", ["empty file"]),
        ("no count column", "sector,year\nenergy,2021\n", [":1: count:", "missing column"]),
    ]

    @Test(arguments: 0..<Self.bad.count)
    func badIncidentDataExitsTwoNamingTheRowAndField(index: Int) throws {
        let (what, csv, phrases) = Self.bad[index]
        let dir = try CLIRunner.temporaryDirectory()
        let path = dir.appendingPathComponent("bad.csv").path
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["calibrate", path, "--out", dir.appendingPathComponent("out").path])
        #expect(r.status == 2, "\(what): exit \(r.status)\n\(r.stderr)")
        #expect(r.stderr.contains("invalid incident data") && r.stderr.contains(path), "\(what): \(r.stderr)")
        for phrase in phrases { #expect(r.stderr.contains(phrase), "\(what): '\(phrase)' missing from\n\(r.stderr)") }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/posterior.csv").path))
    }

    @Test func badArgumentsExitTwo() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("out").path
        for (args, phrase) in [(["calibrate", "/nonexistent/x.csv"], "/nonexistent/x.csv"),
                               (["calibrate", Self.ic3, "--holdout-year", "2030", "--out", out], "no rows in the holdout year 2030"),
                               (["calibrate", Self.ic3, "--holdout-year", "2021", "--out", out], "no sector rows before the holdout year 2021"),
                               (["calibrate", Self.ic3, "--chains", "1"], "--chains"), (["calibrate", Self.ic3, "--draws", "10"], "--draws")] {
            let r = try CLIRunner.run(args)
            #expect(r.status == 2 && r.stderr.contains(phrase), "\(args): \(r.status) \(r.stderr)")
        }
    }

    /// Two chains of 100 draws cannot reach an ESS of 400: exit 3, the failing quantities named,
    /// nothing written.
    @Test func chainsThatDidNotConvergeExitThree() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("out")
        let r = try CLIRunner.run(["calibrate", Self.ic3, "--chains", "2", "--draws", "100", "--out", out.path])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("did not converge") && r.stderr.contains("ESS") && r.stderr.contains("--draws"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("posterior.csv").path))
    }
}
