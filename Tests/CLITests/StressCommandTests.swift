import Foundation
import Testing

/// `cyberrisk stress` against hand-computed IIM results.
@Suite struct StressCommandTests {
    /// Two sectors, A = [[0, 0.5], [0.2, 0]], κ = 0, so A(t) = A in every year.
    static func config(mode: String, matrix: String = "[[0, 0.5], [0.2, 0]]") -> String {
        """
        name: two-sector
        sectors:
          - {id: alpha, name: Alpha, criticality: 1, population_reliance: 0.5, output_usd_bn: 100,
             digital: {initial: 0.5, ceiling: 0.5, rate: 0},
             threat: {attacks_per_year: 1, success_probability: 0.1, iot_elasticity: 0},
             severity: {alpha: 1, beta: 100}}
          - {id: beta, name: Beta, criticality: 3, population_reliance: 0.5, output_usd_bn: 50,
             digital: {initial: 0.5, ceiling: 0.5, rate: 0},
             threat: {attacks_per_year: 1, success_probability: 0.1, iot_elasticity: 0},
             severity: {alpha: 1, beta: 100}}
        dependencies:
          matrix: \(matrix)
          lifeline_overlay: {enabled: false, floors: {}}
          cyber_coupling: 0
        cascade: {mode: \(mode), failure_threshold: 0.3}
        human_security:
          weights: {services: 0.6, personal: 0.3, neural: 0.1}
          dimensions: {personal: {alpha: 1, beta: 1}}
        """
    }

    static func write(_ text: String) throws -> String {
        let dir = try CLIRunner.temporaryDirectory()
        let path = dir.appendingPathComponent("two.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func linearStressReproducesTheLeontiefSolution() throws {
        let path = try Self.write(Self.config(mode: "linear"))
        let out = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("stress")
        let r = try CLIRunner.run(["stress", path, "--shock", "alpha=0.1", "--json", "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let sectors = try #require(object["sectors"] as? [[String: Any]])
        // q = (I − A)⁻¹ c = (0.1/0.9, 0.02/0.9).
        let q = sectors.compactMap { $0["inoperability"] as? Double }
        #expect(q.count == 2)
        #expect(abs(q[0] - 0.1 / 0.9) < 1e-14 && abs(q[1] - 0.02 / 0.9) < 1e-14)
        // National risk weights 1 and 3; loss 100·q1 + 50·q2.
        #expect(abs((object["national_risk"] as? Double ?? 0) - (q[0] + 3 * q[1]) / 4) < 1e-14)
        #expect(abs((object["economic_loss_usd_bn"] as? Double ?? 0) - (100 * 0.1 / 0.9 + 50 * 0.02 / 0.9)) < 1e-12)
        let csv = try CLIRunner.read(out.appendingPathComponent("stress.csv"))
        #expect(csv.hasPrefix("sector,direct_shock,inoperability\nalpha,0.1,"))
    }

    /// A = [[0, 0.5], [0.8, 0]], c = (0.9, 0): linear clamps (1.5, 1.2) to (1, 1); the saturating
    /// least fixed point is (1, 0.8).
    @Test func saturatingStressStopsAtTheLeastFixedPoint() throws {
        let matrix = "[[0, 0.5], [0.8, 0]]"
        let saturating = try CLIRunner.run(["stress", try Self.write(Self.config(mode: "saturating", matrix: matrix)),
                                            "--shock", "alpha=0.9", "--json"])
        #expect(saturating.status == 0, "\(saturating.stderr)")
        let s = try #require(try JSONSerialization.jsonObject(with: Data(saturating.stdout.utf8)) as? [String: Any])
        let qs = (s["sectors"] as? [[String: Any]])?.compactMap { $0["inoperability"] as? Double } ?? []
        #expect(qs.count == 2 && qs[0] == 1 && abs(qs[1] - 0.8) < 1e-12)
        #expect(s["sectors_disrupted"] as? Int == 2)
        let linear = try CLIRunner.run(["stress", try Self.write(Self.config(mode: "linear", matrix: matrix)),
                                        "--shock", "alpha=0.9", "--json"])
        let l = try #require(try JSONSerialization.jsonObject(with: Data(linear.stdout.utf8)) as? [String: Any])
        let ql = (l["sectors"] as? [[String: Any]])?.compactMap { $0["inoperability"] as? Double } ?? []
        #expect(ql == [1, 1])
    }

    @Test func badShocksAreUsageErrors() throws {
        let path = try Self.write(Self.config(mode: "linear"))
        let unknown = try CLIRunner.run(["stress", path, "--shock", "gamma=0.1"])
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown sector 'gamma'"))
        let range = try CLIRunner.run(["stress", path, "--shock", "alpha=1.5"])
        #expect(range.status == 2 && range.stderr.contains("outside [0, 1]"))
        let year = try CLIRunner.run(["stress", path, "--shock", "alpha=0.5", "--year", "1999"])
        #expect(year.status == 2 && year.stderr.contains("--year"))
    }

    @Test func defaultScenarioStressPrintsEverySector() throws {
        let r = try CLIRunner.run(["stress", "--shock", "energy=0.5,communications=0.3", "--year", "2030"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("energy") && r.stdout.contains("water_wastewater") && r.stdout.contains("2030"))
    }

    /// An event replay: `--event blackout --severity 0.2` hits alpha (scale 1) and beta (scale
    /// 0.5) at d = 0.5: c = (0.5·0.2, 0.5·0.1) = (0.1, 0.05), q = (I − A)⁻¹ c.
    @Test func eventReplayShocksTheFootprintWithTheScaledSeverity() throws {
        let text = Self.config(mode: "linear") + """

            events:
              - {id: blackout, frequency: 0.1, footprint: {alpha: 1, beta: {probability: 1, severity_scale: 0.5}},
                 severity: {gpd: {threshold: 0, scale: 0.01, shape: 0.5}}}
            """
        let path = try Self.write(text)
        let r = try CLIRunner.run(["stress", path, "--event", "blackout", "--severity", "0.2", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let sectors = try #require(object["sectors"] as? [[String: Any]])
        let c = sectors.compactMap { $0["direct_shock"] as? Double }, q = sectors.compactMap { $0["inoperability"] as? Double }
        #expect(c == [0.1, 0.05])
        // (I − A) q = c with A = [[0, 0.5], [0.2, 0]]: q1 = (0.1 + 0.5·0.05)/0.9, q2 = 0.05 + 0.2·q1.
        let q1 = (0.1 + 0.5 * 0.05) / 0.9
        #expect(abs(q[0] - q1) < 1e-14 && abs(q[1] - (0.05 + 0.2 * q1)) < 1e-14)
        let only = try CLIRunner.run(["stress", path, "--event", "blackout", "--severity", "0.2", "--hit", "beta", "--json"])
        let onlyObject = try #require(try JSONSerialization.jsonObject(with: Data(only.stdout.utf8)) as? [String: Any])
        #expect((onlyObject["sectors"] as? [[String: Any]])?.compactMap { $0["direct_shock"] as? Double } == [0, 0.05])
        for (arguments, phrase) in [(["--event", "grid", "--severity", "0.1"], "unknown event class 'grid'; classes are blackout"),
                                    (["--event", "blackout"], "--event needs --severity"),
                                    (["--event", "blackout", "--severity", "0.1", "--shock", "alpha=0.1"], "either --shock or --event"),
                                    (["--event", "blackout", "--severity", "0.1", "--hit", "gamma"], "--hit: unknown sector 'gamma'"),
                                    (["--shock", "alpha=0.1", "--severity", "0.1"], "go with --event")] {
            let bad = try CLIRunner.run(["stress", path] + arguments)
            #expect(bad.status == 2 && bad.stderr.contains(phrase), "\(arguments): \(bad.stderr)")
        }
    }
}
