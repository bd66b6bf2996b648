@testable import CyberRisk
import Testing

@Suite("Resolved dump and config hash")
struct ScenarioEncoderTests {
    let loader = ConfigFixtures.loader()

    @Test func baselineDumpRoundTrips() throws {
        let resolved = try loader.resolve(.embedded("baseline.yaml"))
        let again = try loader.resolve(.text(resolved.yaml, name: "dump.yaml"))
        #expect(again.scenario == resolved.scenario)
        #expect(again.yaml == resolved.yaml)
        #expect(again.hash == resolved.hash)
        // Loading without any defaults proves the dump is self-contained.
        let bare = ConfigLoader(files: EmbeddedFileSystem(files: [:]), embedded: ConfigFixtures.embedded, defaults: nil)
        #expect(try bare.load(text: resolved.yaml) == resolved.scenario)
    }

    @Test func dumpKeepsKeyOrderAndEveryField() throws {
        let yaml = try loader.resolve(.text("trials: 5\n", name: "t.yaml")).yaml
        let keys = yaml.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.hasPrefix("#") && !$0.hasPrefix("-") }
            .map { String($0.prefix { $0 != ":" }) }
        #expect(keys == ["name", "description", "start_year", "horizon_years", "trials", "seed", "population",
                         "sectors", "dependencies", "cascade", "scenario", "events", "human_security", "calibration"])
        #expect(yaml.hasSuffix("calibration: {reporting_rate: {pert: [0.2, 0.4, 0.667]}, incidents_per_attack: 10}\n"))
        #expect(yaml.contains("    threat: {attacks_per_year: {pert: [30, 50, 100]}, success_probability: 0.1, iot_elasticity: 0.5}\n"))
        #expect(yaml.contains("  matrix:\n    - [0.217054, 0.069516, 0.00109672,"))
        #expect(yaml.contains("    enabled: true\n    floors: {communications: 0.04, energy: 0.06, information_technology: 0.04, transportation: 0.03, water_wastewater: 0.03}\n"))
    }

    @Test func everyParameterFormRoundTrips() throws {
        let text = """
            name: "odd: name #1"
            description: "two\\nlines \\"quoted\\" é"
            seed: 18446744073709551615
            trials: 1000000000000
            population: 1.5e9
            dependencies:
              cyber_coupling: {lognormal: {median: 0.3, sigma: 0.2}}
              lifeline_overlay: {enabled: false}
            scenario:
              iot:
                devices_bn: {initial: {uniform: [20, 25]}, ceiling: {triangular: [70, 78, 90]}, rate: {normal: {mean: 0.18, sd: 0.03, min: 0.1, max: 0.3}}}
                compromise_rate: 1e-05
              neural: {compromise_probability: 0.1000000000000001}
            human_security: {dimensions: {}}
            """
        let resolved = try loader.resolve(.text(text, name: "t.yaml"))
        let s = resolved.scenario
        #expect(s.name == "odd: name #1")
        #expect(s.description == "two\nlines \"quoted\" é")
        #expect(s.seed == UInt64.max)
        #expect(s.dependencies.cyberCoupling == .lognormal(median: 0.3, sigma: 0.2))
        #expect(!s.dependencies.lifelineOverlayEnabled)
        #expect(s.iot.devices.rate == .normal(mean: 0.18, sd: 0.03, lower: 0.1, upper: 0.3))
        #expect(s.humanSecurity.dimensions.isEmpty)
        let again = try loader.resolve(.text(resolved.yaml, name: "dump.yaml"))
        #expect(again.scenario == s)
        #expect(again.hash == resolved.hash)
    }

    @Test func hashIsStableAndSensitive() throws {
        let a = try loader.resolve(.embedded("baseline.yaml"))
        let b = try loader.resolve(.embedded("baseline.yaml"))
        #expect(a.hash == b.hash)
        #expect(a.hash.count == 16)
        #expect(a.source == "embedded:baseline.yaml")
        #expect(a.hash.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        let c = try loader.resolve(.embedded("baseline.yaml"), overrides: ["seed=2027"])
        #expect(c.hash != a.hash)
        // Same scenario written differently: same hash.
        let d = try loader.resolve(.text("trials: 1e5\nseed: 2026.0\n", name: "t.yaml"))
        #expect(d.hash == a.hash)
        // FNV-1a 64 reference values.
        #expect(ScenarioEncoder.configHash(yaml: "") == "cbf29ce484222325")
        #expect(ScenarioEncoder.configHash(yaml: "a") == "af63dc4c8601ec8c")
    }
}
