import Foundation
import Testing

/// `cyberrisk stress --dynamic`: the files, the JSON and the bad-input checks.
@Suite struct DynamicStressCommandTests {
    /// The two-sector config of `StressCommandTests` with recoveries: alpha `{resilience: 0.5}`,
    /// beta `{days: 10}` (a_ii = 0: k = ln 100 / 10).
    static func config() -> String {
        StressCommandTests.config(mode: "linear")
            .replacingOccurrences(of: "severity: {alpha: 1, beta: 100}}\n  - {id: beta",
                                  with: "severity: {alpha: 1, beta: 100}, recovery: {resilience: 0.5}}\n  - {id: beta")
            .replacingOccurrences(of: "severity: {alpha: 1, beta: 100}}\ndependencies",
                                  with: "severity: {alpha: 1, beta: 100}, recovery: {days: 10}}\ndependencies")
    }

    @Test func writesRecoveryAndStressFiles() throws {
        let path = try StressCommandTests.write(Self.config())
        let out = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("dynamic")
        let r = try CLIRunner.run(["stress", path, "--dynamic", "--shock", "alpha=1", "--shock-days", "3", "--days", "40",
                                   "--out", out.path, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["mode"] as? String == "dynamic" && object["days"] as? Int == 40 && object["shock_days"] as? Int == 3)
        let sectors = try #require(object["sectors"] as? [[String: Any]])
        let k = sectors.compactMap { $0["resilience"] as? Double }
        #expect(k.count == 2 && k[0] == 0.5 && abs(k[1] - log(100) / 10) < 1e-15)
        let recovery = try #require(object["recovery"] as? [[Double]])
        #expect(recovery.count == 40 && recovery.allSatisfy { $0.count == 2 })
        // Day 1: q = clamp(0 + K(A·0 + c)) = (0.5, 0).
        #expect(recovery[0] == [0, 0] && recovery[1] == [0.5, 0])

        let lines = try CLIRunner.read(out.appendingPathComponent("recovery.csv")).split(separator: "\n")
        #expect(lines.first == "day,sector,inoperability")
        #expect(lines.count == 1 + 40 * 2)
        #expect(lines[3] == "1,alpha,0.5" && lines[4] == "1,beta,0.0")
        let stress = try CLIRunner.read(out.appendingPathComponent("stress.csv")).split(separator: "\n")
        #expect(stress.first == "sector,direct_shock,inoperability,peak_inoperability,days_disrupted,inoperability_days")
        let alpha = stress[1].split(separator: ",")
        #expect(alpha[0] == "alpha" && alpha[1] == "1.0")
        let days = sectors[0]["days_disrupted"] as? Int
        #expect(days.map { String($0) } == String(alpha[4]))
        let total = recovery.reduce(0) { $0 + $1[0] }
        #expect(abs((sectors[0]["inoperability_days"] as? Double ?? 0) - total) < 1e-12)
    }

    @Test func initialWithoutShockRecovers() throws {
        let path = try StressCommandTests.write(Self.config())
        let r = try CLIRunner.run(["stress", path, "--dynamic", "--initial", "alpha=0.8", "--days", "5", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let recovery = try #require(object["recovery"] as? [[Double]])
        // A = [[0, 0.5], [0.2, 0]], k = (0.5, ln 100/10): q(1) = (0.8 − 0.5·0.8, k₂·0.2·0.8).
        #expect(recovery[0] == [0.8, 0])
        #expect(abs(recovery[1][0] - 0.4) < 1e-15 && abs(recovery[1][1] - log(100) / 10 * 0.16) < 1e-15)
    }

    @Test func badInputExitsTwoNamingTheOption() throws {
        let path = try StressCommandTests.write(Self.config())
        let cases: [([String], String)] = [
            (["--dynamic", "--days", "0"], "--days: 0 is outside 1…36500"),
            (["--dynamic", "--days", "36501"], "--days: 36501 is outside"),
            (["--dynamic", "--shock-days=-1"], "--shock-days: -1 is negative"),
            (["--dynamic", "--initial", "gamma=0.1"], "--initial: unknown sector 'gamma'"),
            (["--dynamic", "--initial", "alpha=1.5"], "--initial: alpha=1.5 is outside [0, 1]"),
            (["--dynamic", "--initial", "alpha"], "--initial: expected sector=value"),
            (["--dynamic", "--shock", "alpha=2"], "--shock: alpha=2.0 is outside [0, 1]"),
            (["--shock", "alpha=0.1", "--shock-days", "3"], "--shock-days needs --dynamic"),
            (["--shock", "alpha=0.1", "--initial", "alpha=0.1"], "--initial needs --dynamic"),
            ([], "give --shock sector=value"),
        ]
        for (arguments, phrase) in cases {
            let r = try CLIRunner.run(["stress", path] + arguments)
            #expect(r.status == 2 && r.stderr.contains(phrase), "\(arguments): \(r.status) \(r.stderr)")
        }
    }
}
