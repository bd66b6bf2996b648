import Foundation
import Testing

/// End-to-end tests of `cyberrisk scenarios` and `run --scenario`.
@Suite struct ScenariosCommandTests {
    static let names = ["baseline", "cautious", "hyperconnected", "iot-fast", "neural-fast", "secure-by-design",
                        "estonia-2007", "georgia-2008"]

    @Test func listsEveryEmbeddedScenarioWithItsDescription() throws {
        let r = try CLIRunner.run(["scenarios"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == Self.names.count)
        for (line, name) in zip(lines, Self.names) {
            #expect(line.hasPrefix(name + " "), "\(line)")
            #expect(line.dropFirst(name.count).trimmingCharacters(in: .whitespaces).count > 10, "\(line)")
        }
        #expect(r.stdout.contains("vulnerability_decline 0)"))
        #expect(try CLIRunner.run(["scenarios", "list"]).stdout == r.stdout)
    }

    @Test func showPrintsTheResolvedYAML() throws {
        let r = try CLIRunner.run(["scenarios", "show", "hyperconnected"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("name: hyperconnected\n"))
        #expect(r.stdout.contains("defense: {vulnerability_decline: 0}"))
        #expect(r.stdout.contains("devices_bn: {initial: 25.3, ceiling: 102.2, rate: 0.188}"))
        #expect(r.stdout.contains("sectors:\n"))
        #expect(!r.stdout.contains("extends"))
        let unknown = try CLIRunner.run(["scenarios", "show", "utopia"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown scenario 'utopia'") && unknown.stderr.contains("hyperconnected"))
    }

    @Test func unknownScenarioExits2WithTheList() throws {
        let r = try CLIRunner.run(["run", "--scenario", "utopia", "--out", try CLIRunner.temporaryDirectory().path])
        #expect(r.status == 2)
        for name in Self.names { #expect(r.stderr.contains(name)) }
        let both = try CLIRunner.run(["validate", "configs/baseline.yaml", "--scenario", "cautious"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("not both"))
        let ok = try CLIRunner.run(["validate", "--scenario", "estonia-2007"])
        #expect(ok.status == 0 && ok.stdout.contains("scenario 'estonia-2007', 7 sectors"), "\(ok.stdout)\(ok.stderr)")
    }

    /// Mean and standard error of `national_risk` in `year` from a run's summary.csv.
    static func nationalRisk(_ scenario: String, year: Int) throws -> (mean: Double, se: Double) {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIRunner.run(["run", "--scenario", scenario, "--trials", "2000", "--seed", "11",
                                   "--threads", "2", "--quiet", "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let csv = try CLIRunner.read(dir.appendingPathComponent("summary.csv"))
        let header = csv.split(separator: "\n")[0].split(separator: ",").map(String.init)
        let mean = try #require(header.firstIndex(of: "mean")), se = try #require(header.firstIndex(of: "se"))
        let row = try #require(csv.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
            .first { $0[1] == "\(year)" && $0[2] == "national_risk" })
        return (try #require(Double(row[mean])), try #require(Double(row[se])))
    }

    /// Same seed: hyperconnected (fast growth, no defence) above the baseline in 2035, cautious
    /// (slow growth, strong defence) below it, each by more than 3·(se_A + se_B) (a bound on the
    /// standard error of a difference whatever the correlation).
    @Test func scenariosOrderTheRiskIn2035() throws {
        let hyper = try Self.nationalRisk("hyperconnected", year: 2035)
        let base = try Self.nationalRisk("baseline", year: 2035)
        let cautious = try Self.nationalRisk("cautious", year: 2035)
        #expect(hyper.mean - base.mean > 3 * (hyper.se + base.se), "hyperconnected \(hyper), baseline \(base)")
        #expect(base.mean - cautious.mean > 3 * (base.se + cautious.se), "baseline \(base), cautious \(cautious)")
    }
}
