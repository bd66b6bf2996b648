@testable import CyberRisk
import Foundation
import Testing

/// The event catalogue, severity families, shared uncertainties and the threat climate in the
/// config: decoding, defaults, the resolved dump, and every refusal with its field path.
@Suite("Config: events, severities, shared uncertainties")
struct EventConfigTests {
    static let cases: [BrokenConfig] = [
        // Event classes.
        .init("events: [{id: grid_attack, frequncy: 1}]\n", "events[0].frequncy", "unknown field 'frequncy' (did you mean 'frequency'?)"),
        .init("events: [{id: grid_attack, footprint: {enrgy: 0.5}}]\n", "events[0].footprint.enrgy", "unknown sector 'enrgy' (did you mean 'energy'?)"),
        .init("events: [{id: grid_attack, footprint: {energy: 1.5}}]\n", "events[0].footprint.energy", "must be in [0, 1], found 1.5"),
        .init("events: [{id: grid_attack, footprint: {energy: {probability: -0.1}}}]\n", "events[0].footprint.energy.probability", "must be in [0, 1]"),
        .init("events: [{id: grid_attack, footprint: {energy: {probability: 1, severity_scale: -2}}}]\n",
              "events[0].footprint.energy.severity_scale", "must be ≥ 0"),
        .init("events: [{id: grid_attack, footprint: {energy: {probability: 1, scale: 2}}}]\n",
              "events[0].footprint.energy.scale", "unknown field 'scale'"),
        .init("events: [{id: grid_attack}, {id: grid_attack}]\n", "events[1].id", "duplicate event class id 'grid_attack' (also events[0])"),
        .init("events: [{id: Grid}]\n", "events[0].id", "not a valid id"),
        .init("events: [{id: new_class, frequency: 1, footprint: {energy: 1}}]\n", "events[0].severity", "missing field"),
        .init("events: [{id: grid_attack, scaling: {hub: {sector: enrgy, elasticity: 1}}}]\n",
              "events[0].scaling.hub.sector", "unknown sector 'enrgy'"),
        .init("events: [{id: grid_attack, dependence: comonotone}]\n", "events[0].dependence", "unknown dependence 'comonotone'"),
        .init("events: [{id: grid_attack, dependence: {common_factor: -1}}]\n", "events[0].dependence.common_factor", "must be ≥ 0"),
        .init("events: [{id: grid_attack, frequency: 20000}]\n", "events[0].frequency", "at most 10000 are allowed"),
        .init("events: {grid_attack: {}}\n", "events", "expected a sequence of event classes"),
        // The botnet moved.
        .init("scenario: {botnet: {events_per_bn_devices: 0.05}}\n", "scenario.botnet", "moved to the event catalogue"),
        // Severity families.
        .init("events: [{id: grid_attack, severity: {gpd: {threshold: 0, scale: 0.01, shape: 1}}}]\n",
              "events[0].severity.gpd.shape", "the mean severity would not exist"),
        .init("events: [{id: grid_attack, severity: {gpd: {threshold: 0, scale: 0.01, shape: {uniform: [0.5, 1.2]}}}}]\n",
              "events[0].severity.gpd.shape", "must be < 1 for every draw"),
        .init("events: [{id: grid_attack, severity: {gpd: {threshold: 0, scale: 0.01, shape: -0.2}}}]\n",
              "events[0].severity.gpd.shape", "a negative shape ξ (a bounded tail) is not supported"),
        .init("events: [{id: grid_attack, severity: {gpd: {threshold: 0, scale: 0, shape: 0.5}}}]\n",
              "events[0].severity.gpd.scale", "must be > 0"),
        .init("events: [{id: grid_attack, severity: {gpd: {threshold: 1, scale: 0.1, shape: 0.5}}}]\n",
              "events[0].severity.gpd.threshold", "must be in [0, 1)"),
        .init("sectors: [{id: energy, severity: {lognormal: {median: 0, sigma: 1}}}]\n", "sectors[0].severity.lognormal.median", "must be > 0"),
        .init("sectors: [{id: energy, severity: {lognormal: {median: 0.01, sigma: 1}, gpd: {}}}]\n",
              "sectors[0].severity", "a mapping with the one key"),
        .init("sectors: [{id: energy, severity: {weibull: {shape: 1}}}]\n", "sectors[0].severity.weibull",
              "valid: alpha, beta, lognormal, gpd, spliced"),
        .init("sectors: [{id: energy, severity: {spliced: {body: {alpha: 0.5, beta: 50}, threshold: 1.5, tail_probability: 0.1, scale: 0.1, shape: 0.5}}}]\n",
              "sectors[0].severity.spliced.threshold", "inside the body's support"),
        .init("sectors: [{id: energy, severity: {spliced: {body: {alpha: 0.5, beta: 50}, threshold: 0, tail_probability: 0.1, scale: 0.1, shape: 0.5}}}]\n",
              "sectors[0].severity.spliced.threshold", "inside the body's support"),
        .init("sectors: [{id: energy, severity: {spliced: {body: {alpha: 5, beta: 50}, threshold: 1e-6, tail_probability: 0.1, scale: 0.1, shape: 0.5}}}]\n",
              "sectors[0].severity.spliced.threshold", "of its mass below the threshold"),
        .init("sectors: [{id: energy, severity: {spliced: {body: {gpd: {threshold: 0, scale: 1, shape: 0}}, threshold: 0.1, tail_probability: 0.1, scale: 0.1, shape: 0.5}}}]\n",
              "sectors[0].severity.spliced.body", "must be Beta"),
        .init("sectors: [{id: energy, severity: {spliced: {body: {alpha: 0.5, beta: 50}, threshold: 0.1, tail_probability: 1.5, scale: 0.1, shape: 0.5}}}]\n",
              "sectors[0].severity.spliced.tail_probability", "must be in [0, 1]"),
        .init("sectors: [{id: energy, threat: {attacks_per_year: 1e9, success_probability: 1}, severity: {lognormal: {median: 0.001, sigma: 1}}}]\n",
              "sectors[0].threat", "at most 1000000 are allowed"),
        // Shared uncertainties.
        .init("sectors: [{id: energy, threat: {attacks_per_year: {shared: wave}}}]\n",
              "sectors[0].threat.attacks_per_year.shared", "unknown shared uncertainty 'wave' (no shared: block defines any)"),
        .init("shared: {wave: {lognormal: {median: 1, sigma: 0.5}}}\nsectors: [{id: energy, threat: {attacks_per_year: {shared: wav}}}]\n",
              "sectors[0].threat.attacks_per_year.shared", "did you mean 'wave'?"),
        .init("shared: {a: {shared: b}, b: {shared: c, scale: 2}, c: {shared: a}}\n", "shared.c", "shared references form a cycle: a → b → c → a"),
        .init("shared: {a: {shared: missing}}\n", "shared.a", "unknown shared uncertainty 'missing'"),
        .init("shared: {Wave: 1}\n", "shared.Wave", "not a valid name"),
        .init("shared: {wave: 1}\nsectors: [{id: energy, threat: {attacks_per_year: {shared: wave, scale: -1}}}]\n",
              "sectors[0].threat.attacks_per_year.scale", "must be ≥ 0"),
        .init("shared: {p: {uniform: [0.5, 2]}}\nsectors: [{id: energy, threat: {success_probability: {shared: p}}}]\n",
              "sectors[0].threat.success_probability", "every draw must be in [0, 1], but the distribution ranges over [0.5, 2] (shared 'p')"),
        .init("shared: {w: 2}\nsectors: [{id: energy, criticality: {shared: w}}]\n", "sectors[0].criticality", "cannot be uncertain"),
        .init("shared: [1, 2]\n", "shared", "expected a mapping"),
        // Threat climate.
        .init("scenario: {threat_climate: {sigma: -0.1}}\n", "scenario.threat_climate.sigma", "must be ≥ 0"),
        .init("scenario: {threat_climate: {correlation: 1.5}}\n", "scenario.threat_climate.correlation", "must be in [0, 1]"),
    ]

    @Test(arguments: cases)
    func brokenConfigIsRefused(_ broken: BrokenConfig) {
        expectIssue(errorLoading(broken.yaml), path: broken.path, broken.phrase)
    }

    @Test("more than 1,000 event classes or 10,000 shared uncertainties are refused, naming the count")
    func catalogueAndSharedSizesAreLimited() {
        let classes = (0...ScenarioDecoder.maximumEventClasses).map { "  - {id: c\($0), frequency: 0}\n" }.joined()
        expectIssue(errorLoading("events:\n" + classes), path: "events", "at most 1000 event classes, found 1001")
        let shared = (0...ScenarioDecoder.maximumShared).map { "  s\($0): 1\n" }.joined()
        expectIssue(errorLoading("shared:\n" + shared), path: "shared", "at most 10000 shared uncertainties, found 10001")
    }

    @Test("the baseline ships six sourced classes, the botnet first; the dump reloads to an equal scenario")
    func baselineCatalogue() throws {
        let s = try ConfigFixtures.loader().load(embedded: "baseline.yaml")
        #expect(s.events.map(\.id) == ["iot_botnet", "cloud_it_outage", "software_supply_chain", "grid_attack",
                                       "contagious_malware", "healthcare_clearinghouse"])
        let grid = try #require(s.events.first { $0.id == "grid_attack" })
        #expect(grid.hub?.sector == s.sectors.firstIndex { $0.id == "energy" })
        #expect(grid.severity.kind == .splicedLognormal)
        let yaml = ScenarioEncoder.yaml(s)
        #expect(try ConfigFixtures.loader().load(text: yaml, name: "dump.yaml") == s)
    }

    @Test("severity families decode and dump; a family replaces the default's whole, a field of the same family merges")
    func severityFamilies() throws {
        let text = """
            sectors:
              - {id: energy, severity: {lognormal: {median: 0.002, sigma: 1.6}}}
              - {id: water_wastewater, severity: {gpd: {threshold: 0.001, scale: 0.004, shape: 0.5}}}
              - {id: dams, severity: {spliced: {body: {alpha: 0.5, beta: 200}, threshold: 0.01, tail_probability: 0.02, scale: 0.01, shape: 0.6}}}
              - {id: nuclear, severity: {alpha: 0.5}}
            """
        let s = try loadText(text)
        #expect(s.sectors[0].severity == .lognormal(median: .fixed(0.002), sigma: .fixed(1.6)))
        #expect(s.sectors[1].severity == .gpd(GPDTail(threshold: .fixed(0.001), scale: .fixed(0.004), shape: .fixed(0.5))))
        #expect(s.sectors[2].severity.kind == .splicedBeta)
        // Beta over Beta merges: the default beta 100 stays.
        #expect(s.sectors[3].severity == .beta(BetaShape(alpha: .fixed(0.5), beta: .fixed(100))))
        let again = try ConfigFixtures.loader().load(text: ScenarioEncoder.yaml(s), name: "dump.yaml")
        #expect(again == s)
    }

    @Test("events: absent gives the catalogue; a list replaces it, entries with a default id completed from it; [] is none")
    func eventListSemantics() throws {
        let baseline = try ConfigFixtures.loader().load(embedded: "baseline.yaml")
        let one = try loadText("events: [{id: grid_attack, frequency: 0.01}]\n")
        #expect(one.events.count == 1 && one.events[0].frequency == .fixed(0.01))
        #expect(one.events[0].footprint == baseline.events.first { $0.id == "grid_attack" }?.footprint)
        #expect(try loadText("events: []\n").events.isEmpty)
        // Sectors other than the defaults: the default footprints and hubs keep the present sectors only.
        let two = try loadText("sectors: [{id: energy}, {id: dams}]\n")
        let grid = try #require(two.events.first { $0.id == "grid_attack" })
        #expect(grid.footprint.count == 2 && grid.hub?.sector == 0)
        let cloud = try #require(two.events.first { $0.id == "cloud_it_outage" })
        #expect(cloud.hub == nil)   // its hub, information_technology, is absent
        // --set reaches a class by id.
        let set = try ConfigFixtures.loader().load(embedded: "baseline.yaml", overrides: ["events.grid_attack.frequency=0.2"])
        #expect(set.events.first { $0.id == "grid_attack" }?.frequency == .fixed(0.2))
    }

    @Test("shared: one name, many places; chains multiply their scales; --set adds a new name; the dump keeps references")
    func sharedReferences() throws {
        let text = """
            shared:
              wave: {lognormal: {median: 1, sigma: 0.4}}
              double_wave: {shared: wave, scale: 2}
            sectors:
              - {id: energy, threat: {attacks_per_year: {shared: wave, scale: 50}}}
              - {id: dams, threat: {attacks_per_year: {shared: double_wave, scale: 10}}}
            """
        let s = try loadText(text)
        let a = try #require(s.sectors[0].threat.attacksPerYear.sharedReference)
        let b = try #require(s.sectors[1].threat.attacksPerYear.sharedReference)
        #expect(a.root == 0 && b.root == 0 && a.totalScale == 50 && b.totalScale == 20)
        #expect(abs(s.sectors[1].threat.attacksPerYear.mean - 20 * exp(0.08)) < 1e-12)
        #expect(s.shared.map(\.name) == ["wave", "double_wave"])
        let yaml = ScenarioEncoder.yaml(s)
        #expect(yaml.contains("attacks_per_year: {shared: double_wave, scale: 10}"))
        #expect(try ConfigFixtures.loader().load(text: yaml, name: "dump.yaml") == s)
        let added = try ConfigFixtures.loader().load(embedded: "baseline.yaml",
                                                      overrides: ["shared.reporting={pert: [10, 20, 40]}",
                                                                  "sectors.energy.threat.attacks_per_year={shared: reporting, scale: 5}"])
        #expect(added.shared.map(\.name) == ["reporting"])
        #expect(abs((added.sectors.first { $0.id == "energy" }?.threat.attacksPerYear.mean ?? 0) - 5.0 * 130 / 6) < 1e-9)
    }
}
