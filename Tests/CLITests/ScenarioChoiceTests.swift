import Foundation
import Testing

/// What a user's own config becomes: its name, its parent by scenario name, and a note when its
/// `sectors:` list replaced the default sectors (issue 22's silent traps).
@Suite struct ScenarioChoiceTests {
    static func file(_ text: String, _ name: String) throws -> String {
        let path = try CLIRunner.temporaryDirectory().appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aConfigWithoutNameIsNamedAfterItsFile() throws {
        let path = try Self.file("extends: cautious\ntrials: 300\nhorizon_years: 2\n", "my-cautious.yaml")
        let v = try CLIRunner.run(["validate", path])
        #expect(v.status == 0 && v.stdout.contains("scenario 'my-cautious', 16 sectors, years 2026–2027"), "\(v.stdout)\(v.stderr)")
        let out = try CLIRunner.temporaryDirectory().appendingPathComponent("o").path
        #expect(try CLIRunner.run(["run", path, "--quiet", "--out", out]).status == 0)
        let summary = try CLIRunner.read(URL(fileURLWithPath: out + "/summary.csv")).split(separator: "\n")
        #expect(summary.dropFirst().allSatisfy { $0.hasPrefix("my-cautious,") })
        // extends: by name is the embedded scenario.
        let cautious = try CLIRunner.run(["config", "--scenario", "cautious"]).stdout
        let mine = try CLIRunner.run(["config", path]).stdout
        let line = { (text: String) in text.split(separator: "\n").first { $0.contains("vulnerability_decline") } }
        #expect(line(mine) != nil && line(mine) == line(cautious))
    }

    @Test func anUnknownScenarioNameInExtendsListsTheNames() throws {
        let path = try Self.file("extends: hyperconected\n", "x.yaml")
        let r = try CLIRunner.run(["validate", path])
        #expect(r.status == 2 && r.stderr.contains("'hyperconected' is not an embedded scenario (did you mean 'hyperconnected'?)"), "\(r.stderr)")
    }

    @Test func replacingTheDefaultSectorsIsPointedOut() throws {
        let path = try Self.file("sectors:\n  - id: energy\ntrials: 200\nhorizon_years: 1\n", "energy-only.yaml")
        let v = try CLIRunner.run(["validate", path])
        #expect(v.status == 0)
        #expect(v.stdout.contains("scenario 'energy-only', 1 sector (replacing the 16 default sectors), year 2026"), "\(v.stdout)")
        #expect(v.stdout.contains("note: \(path): its sectors: list replaces the 16 default sectors, so the model has only 1 sector (energy)"))
        let out = try CLIRunner.temporaryDirectory().appendingPathComponent("o").path
        let r = try CLIRunner.run(["run", path, "--out", out])
        #expect(r.status == 0 && r.stderr.contains("replaces the 16 default sectors") && r.stderr.contains("--set sectors.energy"), "\(r.stderr)")
        #expect(try CLIRunner.run(["run", path, "--out", out, "--quiet"]).stderr.isEmpty)
        // The default config, and the embedded analogues (documented as seven-sector models), say nothing.
        let plain = try CLIRunner.run(["validate", "--scenario", "estonia-2007"])
        #expect(plain.stdout.contains("7 sectors (replacing the 16 default sectors), year 2007") && !plain.stdout.contains("note:"))
        #expect(!(try CLIRunner.run(["validate"])).stdout.contains("replacing"))
    }
}
