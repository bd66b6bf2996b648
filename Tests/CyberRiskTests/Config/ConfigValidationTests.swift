@testable import CyberRisk
import Testing

/// One broken configuration and the issue it must produce.
struct BrokenConfig: Sendable, CustomTestStringConvertible {
    var yaml: String
    var path: String
    var phrase: String
    var testDescription: String { "\(path): \(phrase)" }

    init(_ yaml: String, _ path: String, _ phrase: String) {
        self.yaml = yaml
        self.path = path
        self.phrase = phrase
    }
}

@Suite("Config validation")
struct ConfigValidationTests {
    static let two = "sectors: [{id: energy}, {id: dams}]\n"

    static let cases: [BrokenConfig] = [
        // Unknown fields and types.
        .init("trails: 5\n", "trails", "unknown field 'trails' (did you mean 'trials'?)"),
        .init("sectors: [{id: energy, threat: {sucess_probability: 0.1}}]\n",
              "sectors[0].threat.sucess_probability", "did you mean 'success_probability'?"),
        .init("trials: abc\n", "trials", "expected a number, found 'abc'"),
        .init("trials: [1]\n", "trials", "expected a number, found a sequence"),
        .init("population: '5'\n", "population", "expected a number, found the string '5'"),
        .init("cascade: linear\n", "cascade", "expected a mapping"),
        .init("sectors: [{id: energy, criticality: {pert: [1, 2, 3]}}]\n", "sectors[0].criticality", "cannot be uncertain"),
        .init("dependencies: {lifeline_overlay: {enabled: yes}}\n", "dependencies.lifeline_overlay.enabled", "expected true or false"),
        .init("name: ''\n", "name", "must not be empty"),
        .init("name: [a]\n", "name", "expected a string"),
        // Probabilities.
        .init("sectors: [{id: energy, threat: {success_probability: 1.5}}]\n", "sectors[0].threat.success_probability", "must be in [0, 1], found 1.5"),
        .init("sectors: [{id: energy, population_reliance: -0.1}]\n", "sectors[0].population_reliance", "must be in [0, 1], found -0.1"),
        .init("scenario: {iot: {personal_share: 2}}\n", "scenario.iot.personal_share", "must be in [0, 1]"),
        .init("scenario: {iot: {compromise_rate: 1.01}}\n", "scenario.iot.compromise_rate", "must be in [0, 1]"),
        .init("scenario: {neural: {compromise_probability: -1}}\n", "scenario.neural.compromise_probability", "must be in [0, 1]"),
        .init("scenario: {neural: {harm_severity: 3}}\n", "scenario.neural.harm_severity", "must be in [0, 1]"),
        .init("events: [{id: iot_botnet, footprint: {energy: 1.2}}]\n", "events[0].footprint.energy", "must be in [0, 1]"),
        .init("sectors: [{id: energy, digital: {initial: 1.2, ceiling: 1.3}}]\n", "sectors[0].digital.initial", "must be in [0, 1], found 1.2"),
        .init("sectors: [{id: energy, digital: {ceiling: 1.5}}]\n", "sectors[0].digital.ceiling", "must be in [0, 1], found 1.5"),
        .init("sectors: [{id: energy, digital: {initial: -0.1}}]\n", "sectors[0].digital.initial", "must be in [0, 1], found -0.1"),
        .init("cascade: {failure_threshold: 0}\n", "cascade.failure_threshold", "must be in (0, 1], found 0"),
        .init("cascade: {failure_threshold: 1.5}\n", "cascade.failure_threshold", "must be in (0, 1]"),
        // Non-negative quantities.
        .init("sectors: [{id: energy, digital: {rate: -0.1}}]\n", "sectors[0].digital.rate", "must be ≥ 0, found -0.1"),
        .init("scenario: {iot: {devices_bn: {rate: -1}}}\n", "scenario.iot.devices_bn.rate", "must be ≥ 0"),
        .init("sectors: [{id: energy, threat: {iot_elasticity: -0.5}}]\n", "sectors[0].threat.iot_elasticity", "must be ≥ 0"),
        .init("scenario: {neural: {attacker_elasticity: -0.5}}\n", "scenario.neural.attacker_elasticity", "must be ≥ 0"),
        .init("sectors: [{id: energy, threat: {attacks_per_year: -3}}]\n", "sectors[0].threat.attacks_per_year", "must be ≥ 0"),
        .init("sectors: [{id: energy, criticality: -1}]\n", "sectors[0].criticality", "must be ≥ 0"),
        .init("sectors: [{id: energy, output_usd_bn: -1}]\n", "sectors[0].output_usd_bn", "must be ≥ 0"),
        .init("dependencies: {cyber_coupling: -0.5}\n", "dependencies.cyber_coupling", "must be ≥ 0"),
        .init("human_security: {weights: {services: -1}}\n", "human_security.weights.services", "must be ≥ 0"),
        .init("human_security: {dimensions: {economic: {energy: -1}}}\n", "human_security.dimensions.economic.energy", "must be ≥ 0"),
        .init("events: [{id: iot_botnet, frequency: -0.1}]\n", "events[0].frequency", "must be ≥ 0"),
        .init("scenario: {defense: {vulnerability_decline: 1.5}}\n", "scenario.defense.vulnerability_decline", "must be in [0, 1]"),
        // Growth curves and Beta shapes.
        .init("sectors: [{id: energy, digital: {initial: 0.8, ceiling: 0.6}}]\n", "sectors[0].digital.ceiling", "ceiling 0.6 is below initial 0.8"),
        .init("sectors: [{id: energy, digital: {initial: {uniform: [0.5, 0.9]}, ceiling: 0.8}}]\n", "sectors[0].digital.ceiling", "must be ≥ initial for every draw"),
        .init("scenario: {iot: {devices_bn: {initial: 30, ceiling: 20}}}\n", "scenario.iot.devices_bn.ceiling", "below initial"),
        .init("sectors: [{id: energy, severity: {alpha: 0}}]\n", "sectors[0].severity.alpha", "must be > 0, found 0"),
        .init("events: [{id: iot_botnet, severity: {beta: -2}}]\n", "events[0].severity.beta", "must be > 0"),
        .init("sectors: [{id: energy, severity: {beta: {uniform: [0, 10]}}}]\n", "sectors[0].severity.beta", "every draw must be > 0"),
        // Distributions.
        .init("sectors: [{id: energy, threat: {success_probability: {uniform: [0.1, 1.2]}}}]\n",
              "sectors[0].threat.success_probability", "every draw must be in [0, 1], but the distribution ranges over [0.1, 1.2]"),
        .init("sectors: [{id: energy, threat: {success_probability: {uniform: [0.3, 0.1]}}}]\n",
              "sectors[0].threat.success_probability.uniform", "needs min ≤ max"),
        .init("sectors: [{id: energy, threat: {attacks_per_year: {pert: [10, 5, 20]}}}]\n",
              "sectors[0].threat.attacks_per_year.pert", "needs min ≤ mode ≤ max"),
        .init("sectors: [{id: energy, threat: {attacks_per_year: {triangular: [1, 2]}}}]\n",
              "sectors[0].threat.attacks_per_year.triangular", "expects 3 values [min, mode, max], found 2"),
        .init("sectors: [{id: energy, threat: {attacks_per_year: {lognormal: {median: 10, sigma: -1}}}}]\n",
              "sectors[0].threat.attacks_per_year.lognormal", "needs sigma ≥ 0"),
        .init("sectors: [{id: energy, threat: {attacks_per_year: {lognormal: [0, 1]}}}]\n",
              "sectors[0].threat.attacks_per_year.lognormal", "needs median > 0"),
        .init("sectors: [{id: energy, threat: {attacks_per_year: {normal: {mean: 5, sd: -1, min: 0, max: 9}}}}]\n",
              "sectors[0].threat.attacks_per_year.normal", "needs sd ≥ 0"),
        .init("sectors: [{id: energy, threat: {attacks_per_year: {normal: {mean: 0, sd: 1, min: 10, max: 20}}}}]\n",
              "sectors[0].threat.attacks_per_year.normal", "holds only"),
        .init("sectors: [{id: energy, threat: {success_probability: {lognormal: {median: 0.1, sigma: 1}}}}]\n",
              "sectors[0].threat.success_probability", "ranges over (0, 40.3"),
        .init("sectors: [{id: energy, threat: {attacks_per_year: {gauss: [1, 2]}}}]\n",
              "sectors[0].threat.attacks_per_year.gauss", "unknown distribution 'gauss'"),
        .init("sectors: [{id: energy, threat: {attacks_per_year: {prt: [1, 2, 3]}}}]\n",
              "sectors[0].threat.attacks_per_year.prt", "did you mean 'pert'?"),
        .init("sectors: [{id: energy, threat: {attacks_per_year: {pert: [1, 2, 3], uniform: [1, 2]}}}]\n",
              "sectors[0].threat.attacks_per_year", "a distribution is a mapping with one key"),
        // Non-finite numbers.
        .init("population: .nan\n", "population", "must be a finite number, found '.nan'"),
        .init("sectors: [{id: energy, threat: {attacks_per_year: .inf}}]\n", "sectors[0].threat.attacks_per_year", "finite"),
        .init("scenario: {iot: {devices_bn: {ceiling: 1e999}}}\n", "scenario.iot.devices_bn.ceiling", "finite"),
        .init("sectors: [{id: energy, threat: {attacks_per_year: {uniform: [0, -.inf]}}}]\n",
              "sectors[0].threat.attacks_per_year.uniform[1]", "finite"),
        .init(two + "dependencies: {matrix: [[0, .nan], [0, 0]]}\n", "dependencies.matrix[0][1]", "finite"),
        // Sectors.
        .init("sectors: [{id: energy}, {id: energy}]\n", "sectors[1].id", "duplicate sector id 'energy' (also sectors[0])"),
        .init("sectors: [{id: Energy-1}]\n", "sectors[0].id", "is not a valid id"),
        .init("sectors: [{name: X}]\n", "sectors[0].id", "missing field"),
        .init("sectors: []\n", "sectors", "expected 1…2000 sectors, found 0"),
        .init("sectors: {energy: {}}\n", "sectors", "expected a sequence of sectors"),
        // Matrices.
        .init(two + "dependencies: {matrix: [[0, 0.1, 0], [0.1, 0, 0]]}\n", "dependencies.matrix", "expected a 2×2 matrix (one row and one column per sector, in sector order), found 2×3"),
        .init(two + "dependencies: {matrix: [[0, 0.1]]}\n", "dependencies.matrix", "found 1×2"),
        .init(two + "dependencies: {matrix: [[0, 0.1], [0.1]]}\n", "dependencies.matrix", "found 2 rows of 1…2; row 1 has 1 entries"),
        .init(two + "dependencies: {matrix: [[0, -0.1], [0.1, 0]]}\n", "dependencies.matrix[0][1]", "must be ≥ 0, found -0.1"),
        .init(two + "dependencies: {matrix: 5}\n", "dependencies.matrix", "expected a 2×2 matrix"),
        // Top-level numbers.
        .init("trials: 0\n", "trials", "must be in 1…1000000000000, found 0"),
        .init("trials: -5\n", "trials", "must be in 1…1000000000000"),
        .init("trials: 2e12\n", "trials", "must be in 1…1000000000000, found 2000000000000"),
        .init("trials: 10.5\n", "trials", "must be an integer"),
        .init("horizon_years: 0\n", "horizon_years", "must be in 1…100"),
        .init("horizon_years: 101\n", "horizon_years", "must be in 1…100"),
        .init("start_year: 1899\n", "start_year", "must be in 1900…3000"),
        .init("start_year: 3001\n", "start_year", "must be in 1900…3000"),
        .init("seed: -1\n", "seed", "must be an integer in 0…18446744073709551615"),
        .init("seed: 18446744073709551616\n", "seed", "must be an integer in 0…18446744073709551615"),
        .init("seed: 1.5\n", "seed", "must be an integer"),
        .init("population: 0.5\n", "population", "must be ≥ 1, found 0.5"),
        // Cascade, floors, dimensions.
        .init("cascade: {mode: leontief}\n", "cascade.mode", "unknown cascade mode 'leontief' (valid: linear, saturating)"),
        .init("cascade: {mode: saturatin}\n", "cascade.mode", "did you mean 'saturating'?"),
        .init("dependencies: {lifeline_overlay: {floors: {enrgy: 0.1}}}\n", "dependencies.lifeline_overlay.floors.enrgy", "unknown sector 'enrgy' (did you mean 'energy'?)"),
        .init("dependencies: {lifeline_overlay: {floors: {energy: 1}}}\n", "dependencies.lifeline_overlay.floors.energy", "must be in [0, 1), found 1"),
        .init("dependencies: {lifeline_overlay: {floors: {energy: -0.1}}}\n", "dependencies.lifeline_overlay.floors.energy", "must be in [0, 1)"),
        .init("human_security: {dimensions: {Economic-2: {energy: 1}}}\n", "human_security.dimensions.Economic-2", "not a valid dimension name"),
        .init("human_security: {dimensions: {economic: [energy]}}\n", "human_security.dimensions.economic", "expected a mapping of sector id to weight"),
        // Spectral radius.
        .init(two + "dependencies: {matrix: [[0, 0.9], [0.9, 0]], cyber_coupling: 0.5, lifeline_overlay: {enabled: false}}\n",
              "dependencies", "the cascade would diverge: in 2026"),
    ]

    @Test(arguments: cases)
    func brokenConfigIsRefused(_ broken: BrokenConfig) {
        let error = errorLoading(broken.yaml)
        expectIssue(error, path: broken.path, broken.phrase)
        // Every issue names the file; the line when the value came from it.
        #expect(error?.issues.allSatisfy { $0.file == "test.yaml" || $0.file.hasPrefix("embedded:") || $0.file == "d.csv" } == true)
    }

    @Test func issueLinesPointAtTheValue() throws {
        let error = errorLoading("""
            name: x
            trials: 0
            sectors:
              - id: energy
                threat:
                  success_probability: 7
            """)
        let trials = error?.issues.first { $0.path == "trials" }
        #expect(trials?.line == 2)
        let p = error?.issues.first { $0.path == "sectors[0].threat.success_probability" }
        #expect(p?.line == 6)
        #expect(p?.description == "test.yaml:6: sectors[0].threat.success_probability: must be in [0, 1], found 7")
    }

    @Test func divergenceNamesTheFirstDivergentYear() throws {
        // ρ(a) = 0.8 at d = 0; with κ = 1 and d growing from 0.1 to 1, ρ passes 1 after some years.
        let text = """
            horizon_years: 30
            sectors:
              - {id: energy, digital: {initial: 0.1, ceiling: 1, rate: 0.5}}
              - {id: dams, digital: {initial: 0.1, ceiling: 1, rate: 0.5}}
            dependencies: {matrix: [[0, 0.8], [0.8, 0]], cyber_coupling: 1, lifeline_overlay: {enabled: false}}
            """
        let error = try #require(errorLoading(text))
        let issue = try #require(error.issues.first { $0.path == "dependencies" })
        // d(t) = 1/(1 + 9e^(−t/2)); 0.8(1 + d²) ≥ 1 ⇔ d ≥ 0.5 ⇔ t ≥ 2 ln 9 ≈ 4.39: first in 2026 + 5.
        #expect(issue.message.contains("in 2031"), "\(issue.message)")
        #expect(issue.message.contains("spectral radius 1.0"))
        #expect(error.issues.count == 1)
        // Uses the upper bound of the coupling.
        let stable = text.replacingOccurrences(of: "cyber_coupling: 1", with: "cyber_coupling: 0.2")
        #expect(throws: Never.self) { try loadText(stable) }
        let uncertain = text.replacingOccurrences(of: "cyber_coupling: 1", with: "cyber_coupling: {uniform: [0, 1]}")
        expectIssue(errorLoading(uncertain), path: "dependencies", "in 2031")
        // The lifeline floors count when enabled.
        let floors = text.replacingOccurrences(of: "[[0, 0.8], [0.8, 0]], cyber_coupling: 1, lifeline_overlay: {enabled: false}",
                                               with: "[[0.5, 0], [0, 0.5]], cyber_coupling: 0, lifeline_overlay: {enabled: true, floors: {energy: 0.6, dams: 0.6}}")
        expectIssue(errorLoading(floors), path: "dependencies", "in 2026")
        let noFloors = floors.replacingOccurrences(of: "enabled: true", with: "enabled: false")
        #expect(throws: Never.self) { try loadText(noFloors) }
    }

    @Test func divergenceIsCheckedOnlyWhenSectorsAndMatrixAreValid() throws {
        let error = try #require(errorLoading(Self.two + "dependencies: {matrix: [[0, 5], [5, -1]]}\n"))
        #expect(!error.issues.contains { $0.message.contains("diverge") })
    }

    @Test func offlineSectorIsAccepted() throws {
        let s = try loadText("sectors: [{id: energy, digital: {initial: 0, ceiling: 0.5}}, {id: dams}]\n")
        #expect(s.sectors[0].digital.initial == .fixed(0))
    }

    @Test func everyProblemInOneFileIsReported() throws {
        let error = try #require(errorLoading("""
            trials: -1
            horizon_years: 500
            colour: blue
            sectors:
              - {id: energy, criticality: -2, threat: {success_probability: 2}}
              - {id: energy, severity: {alpha: 0}}
            cascade: {mode: quadratic}
            scenario: {iot: {personal_share: 1.5}}
            """))
        let paths = Set(error.issues.map(\.path))
        for expected in ["trials", "horizon_years", "colour", "sectors[0].criticality", "sectors[0].threat.success_probability",
                         "sectors[1].id", "sectors[1].severity.alpha", "cascade.mode", "scenario.iot.personal_share"] {
            #expect(paths.contains(expected), "\(expected) missing from\n\(error)")
        }
        #expect(error.description.split(separator: "\n").count == error.issues.count)
    }

    @Test func tooManyProblemsAreCounted() throws {
        let row = "[" + Array(repeating: "-1", count: 16).joined(separator: ", ") + "]"
        let text = "dependencies:\n  matrix:\n" + Array(repeating: "    - \(row)\n", count: 16).joined()
        let error = try #require(errorLoading(text))
        #expect(error.issues.count == ConfigError.maximumIssues + 1)
        #expect(error.issues.last?.message == "156 more problems not shown")
    }

    @Test func tooManySectors() {
        let text = "sectors:\n" + (0..<2001).map { "  - {id: s\($0)}\n" }.joined()
        expectIssue(errorLoading(text), path: "sectors", "expected 1…2000 sectors, found 2001")
    }
}
