@testable import CyberRisk
import Testing

@Suite("Config loading: baseline, defaults, extends")
struct ConfigLoaderTests {
    let loader = ConfigFixtures.loader()

    @Test func baselineLoads() throws {
        let s = try loader.load(embedded: "baseline.yaml")
        #expect(s.name == "baseline")
        #expect(s.description == "Base IoT and neural-link growth, moderate security gains (sourced defaults)")
        #expect(s.startYear == 2026)
        #expect(s.horizonYears == 10)
        #expect(s.trials == 100_000)
        #expect(s.seed == 2026)
        #expect(s.population == 335_000_000)
        #expect(s.sectors.count == 16)
        #expect(s.sectors.first?.id == "chemical")
        #expect(s.sectors.last?.id == "water_wastewater")
        let energy = try #require(s.sectors.first { $0.id == "energy" })
        #expect(energy.name == "Energy")
        #expect(energy.outputUSDbn == 944.4)
        #expect(energy.digital == GrowthCurve(initial: .fixed(0.7), ceiling: .fixed(0.95), rate: .fixed(0.15)))
        #expect(energy.threat.attacksPerYear == .pert(lower: 60, mode: 100, upper: 200))
        #expect(energy.threat.successProbability == .fixed(0.1))
        #expect(energy.severity == .beta(BetaShape(alpha: .fixed(0.16), beta: .fixed(400))))
        #expect(s.dependencies.matrix.count == 16)
        #expect(s.dependencies.matrix[0, 1] == 0.069516)   // configs/data/dependencies_bea2023.csv
        #expect(s.dependencies.matrix[15, 14] == 0.0256863)
        #expect(s.dependencies.source == "data/dependencies_bea2023.csv")
        #expect(s.dependencies.lifelineOverlayEnabled)
        let ids = s.sectors.map(\.id)
        #expect(s.dependencies.lifelineFloors[ids.firstIndex(of: "energy")!] == 0.06)
        #expect(s.dependencies.lifelineFloors[ids.firstIndex(of: "dams")!] == 0)
        #expect(s.dependencies.cyberCoupling == .pert(lower: 0.2, mode: 0.5, upper: 0.9))
        #expect(s.cascade == CascadeSettings(mode: .linear, failureThreshold: 0.03))
        #expect(s.iot.devices == GrowthCurve(initial: .fixed(25.2), ceiling: .fixed(77.1), rate: .fixed(0.205)))
        #expect(s.neural.users.ceiling == .fixed(200_000))
        #expect(s.events.first { $0.id == "iot_botnet" }?.severity == .beta(BetaShape(alpha: .fixed(0.1), beta: .fixed(500))))
        #expect(s.defense.vulnerabilityDecline == .fixed(0.03))
        #expect(s.humanSecurity.servicesWeight == 0.6)
        #expect(s.humanSecurity.dimensions.map(\.name) ==
                ["economic", "food", "health", "environmental", "personal", "community", "political"])
        let economic = s.humanSecurity.dimensions[0].sectorWeights
        #expect(economic[ids.firstIndex(of: "financial_services")!] == 1)
        #expect(economic[ids.firstIndex(of: "chemical")!] == 0)
    }

    @Test func baselineFromDiskEqualsEmbedded() throws {
        let disk = ConfigLoader(embedded: ConfigFixtures.embedded)
        let a = try disk.load(path: ConfigFixtures.configsFolder + "/baseline.yaml")
        let b = try loader.load(embedded: "baseline.yaml")
        #expect(a == b)
    }

    @Test func partialFileTakesEverythingElseFromDefaults() throws {
        let s = try loadText("trials: 5\n")
        let baseline = try loader.load(embedded: "baseline.yaml")
        #expect(s.trials == 5)
        var expected = baseline
        expected.trials = 5
        #expect(s == expected)
        #expect(try loadText("{}\n") == baseline)
    }

    /// A file without content — no bytes, blanks, only comments, a lone null — is refused: a failed
    /// download or a truncated write must not run as the default scenario.
    @Test(arguments: ["", " \n\n", "# only a comment\n", "~\n", "---\n"])
    func fileWithoutContentIsRefused(text: String) {
        let error = errorLoading(text)
        #expect(error?.issues.count == 1)
        #expect(error?.issues.first?.file == "test.yaml")
        #expect(error?.issues.first?.message == ConfigLoader.emptyFileMessage)
    }

    @Test func nestedDefaultsFillMissingKeys() throws {
        let s = try loadText("""
            cascade: {mode: saturating}
            scenario:
              iot: {devices_bn: {rate: 0.25}}
            human_security: {weights: {neural: 0.2}}
            """)
        #expect(s.cascade == CascadeSettings(mode: .saturating, failureThreshold: 0.03))
        #expect(s.iot.devices == GrowthCurve(initial: .fixed(25.2), ceiling: .fixed(77.1), rate: .fixed(0.25)))
        #expect(s.iot.personalShare == .fixed(0.09))
        #expect(s.humanSecurity.servicesWeight == 0.6)
        #expect(s.humanSecurity.neuralWeight == 0.2)
        #expect(s.humanSecurity.dimensions.count == 7)
    }

    @Test func jsonByExtension() throws {
        let json = "{\n\t\"trials\": 7,\n\t\"cascade\": {\"mode\":\"saturating\"},\n\t\"name\": \"j\"\n}\n"
        let s = try loadText(json, name: "x.json")
        #expect(s.trials == 7)
        #expect(s.cascade.mode == .saturating)
        #expect(s.name == "j")
        // A JSON string is never a number.
        expectIssue(errorLoading("{\"trials\": \"7\"}", name: "x.json"), path: "trials", "expected a number, found the string '7'")
    }

    @Test func extendsChainMergesDeeply() throws {
        let files = [
            "base/root.yaml": """
                name: root
                trials: 10
                cascade: {mode: saturating, failure_threshold: 0.5}
                scenario:
                  iot: {personal_share: 0.4, compromise_rate: {uniform: [0.001, 0.003]}}
                """,
            "base/mid.yaml": """
                extends: root.yaml
                name: mid
                cascade: {failure_threshold: 0.6}
                scenario:
                  iot: {compromise_rate: {pert: [0.001, 0.002, 0.004]}}
                """,
        ]
        let s = try loadText("""
            extends: base/mid.yaml
            seed: 7
            scenario: {iot: {personal_share: 0.45}}
            """, extra: files)
        #expect(s.name == "mid")
        #expect(s.trials == 10)
        #expect(s.seed == 7)
        #expect(s.cascade == CascadeSettings(mode: .saturating, failureThreshold: 0.6))
        #expect(s.iot.personalShare == .fixed(0.45))
        // A parameter is replaced whole, not merged key by key.
        #expect(s.iot.compromiseRate == .pert(lower: 0.001, mode: 0.002, upper: 0.004))
    }

    @Test func extendsReplacesSequencesWhole() throws {
        let files = ["parent.yaml": """
            sectors:
              - {id: energy}
              - {id: water_wastewater}
              - {id: transportation}
            """]
        let s = try loadText("extends: parent.yaml\nsectors: [{id: energy}, {id: transportation}]\n", extra: files)
        #expect(s.sectors.map(\.id) == ["energy", "transportation"])
    }

    @Test func extendsCycleAndMissingParent() {
        let files = ["a.yaml": "extends: b.yaml\n", "b.yaml": "extends: a.yaml\n"]
        expectIssue(errorLoading("extends: a.yaml\n", extra: files), path: "extends", "extends cycle")
        expectIssue(errorLoading("extends: nowhere.yaml\n"), path: "extends", "cannot read 'nowhere.yaml'")
        expectIssue(errorLoading("extends: [a]\n"), path: "extends", "expected a file name")
        var chain: [String: String] = [:]
        for i in 0..<20 { chain["f\(i).yaml"] = "extends: f\(i + 1).yaml\n" }
        chain["f20.yaml"] = "trials: 3\n"
        expectIssue(errorLoading("extends: f0.yaml\n", extra: chain), path: "extends", "longer than 16")
    }

    @Test func embeddedExtendsIsRelativeWithinTheEmbeddedTree() throws {
        var files = ConfigFixtures.embeddedFiles
        files["scenarios/test_child.yaml"] = Array("extends: ../baseline.yaml\nname: child\ntrials: 9\n".utf8)
        let loader = ConfigLoader(files: EmbeddedFileSystem(files: [:]), embedded: EmbeddedFileSystem(files: files))
        let s = try loader.load(embedded: "scenarios/test_child.yaml")
        #expect(s.name == "child")
        #expect(s.trials == 9)
        #expect(s.sectors.count == 16)
    }

    @Test func sectorsByIDInheritDefaultSector() throws {
        let s = try loadText("""
            sectors:
              - {id: water_wastewater, criticality: 3}
              - {id: energy, threat: {success_probability: 0.1}}
            """)
        #expect(s.sectors.map(\.id) == ["water_wastewater", "energy"])
        let water = s.sectors[0]
        #expect(water.criticality == 3)
        #expect(water.name == "Water and Wastewater Systems")
        #expect(water.outputUSDbn == 126.7)
        let energy = s.sectors[1]
        #expect(energy.threat.successProbability == .fixed(0.1))
        #expect(energy.threat.attacksPerYear == .pert(lower: 60, mode: 100, upper: 200))
        // The default matrix's submatrix, by id (rows and columns reordered).
        let baseline = try ConfigFixtures.loader().load(embedded: "baseline.yaml")
        let ids = baseline.sectors.map(\.id)
        let w = ids.firstIndex(of: "water_wastewater")!, e = ids.firstIndex(of: "energy")!
        #expect(s.dependencies.matrix.values == [baseline.dependencies.matrix[w, w], baseline.dependencies.matrix[w, e],
                                                 baseline.dependencies.matrix[e, w], baseline.dependencies.matrix[e, e]])
        // Default floors and dimension tables restricted silently to these sectors.
        #expect(s.dependencies.lifelineFloors == [0.03, 0.06])
        #expect(s.humanSecurity.dimensions.first { $0.name == "food" }?.sectorWeights == [0.5, 0.5])
    }

    @Test func newSectorGetsGenericDefaultsButNeedsDependencies() throws {
        let text = """
            sectors:
              - {id: energy}
              - {id: space_systems}
            """
        expectIssue(errorLoading(text), path: "dependencies.matrix", "required when the sectors differ")
        let s = try loadText(text + "\ndependencies: {matrix: [[0, 0.1], [0.2, 0]]}\n")
        let space = s.sectors[1]
        #expect(space.name == "space_systems")
        #expect(space.criticality == 1)
        #expect(space.populationReliance == 0.5)
        #expect(space.outputUSDbn == 0)
        #expect(space.digital == GrowthCurve(initial: .fixed(0.5), ceiling: .fixed(0.9), rate: .fixed(0.1)))
        #expect(space.threat == Threat(attacksPerYear: .fixed(10), successProbability: .fixed(0.05), iotElasticity: .fixed(0.5)))
        #expect(space.severity == .beta(BetaShape(alpha: .fixed(0.5), beta: .fixed(50))))
        #expect(s.dependencies.matrix.values == [0, 0.1, 0.2, 0])
        #expect(s.dependencies.lifelineOverlayEnabled)
        #expect(s.dependencies.lifelineFloors == [0.06, 0])
    }

    @Test func userDimensionNamingUnknownSectorIsAnError() {
        expectIssue(errorLoading("""
            sectors: [{id: energy}, {id: dams}]
            human_security: {dimensions: {economic: {energy: 1, finance: 0.5}}}
            """), path: "human_security.dimensions.economic.finance", "unknown sector 'finance'")
    }

    @Test func unreadableUserFile() {
        let loader = ConfigFixtures.loader()
        expectIssue(configError({ try loader.load(path: "missing.yaml") }), path: "", "no such embedded file")
        let disk = ConfigLoader(embedded: ConfigFixtures.embedded)
        expectIssue(configError({ try disk.load(path: "/nonexistent/x.yaml") }), path: "", "no such file")
        expectIssue(configError({ try disk.load(path: "/tmp") }), path: "", "is a directory")
    }

    @Test func distributionFormsAndNullMeansAbsent() throws {
        let s = try loadText("""
            description:
            cascade: ~
            sectors:
              - id: energy
                threat:
                  attacks_per_year: {pert: {min: 10, mode: 20, max: 40}}
                  success_probability: {normal: [0.05, 0.02, 0, 0.2]}
                  iot_elasticity: {lognormal: [0.5, 0.1]}
            """)
        #expect(s.description == "Base IoT and neural-link growth, moderate security gains (sourced defaults)")
        #expect(s.cascade == CascadeSettings(mode: .linear, failureThreshold: 0.03))
        let t = s.sectors[0].threat
        #expect(t.attacksPerYear == .pert(lower: 10, mode: 20, upper: 40))
        #expect(t.successProbability == .normal(mean: 0.05, sd: 0.02, lower: 0, upper: 0.2))
        #expect(t.iotElasticity == .lognormal(median: 0.5, sigma: 0.1))
    }

    @Test func setReplacesWholeNodes() {
        let error = configError { try loader.load(embedded: "baseline.yaml", overrides: ["sectors.energy={id: energy}"]) }
        expectIssue(error, path: "sectors[7].name", "missing field")
    }

    @Test func userTablesReplaceDefaultTables() throws {
        let s = try loadText("""
            dependencies: {lifeline_overlay: {floors: {dams: 0.05}}}
            human_security: {dimensions: {cyber: {information_technology: 1}}}
            """)
        let ids = s.sectors.map(\.id)
        #expect(s.dependencies.lifelineFloors.filter { $0 != 0 } == [0.05])
        #expect(s.dependencies.lifelineFloors[ids.firstIndex(of: "dams")!] == 0.05)
        #expect(s.humanSecurity.dimensions.map(\.name) == ["cyber"])
    }
}

@Suite("Config loading: names and extends by scenario name")
struct ConfigLoaderNamingTests {
    @Test func aFileWithoutNameIsNamedAfterItsStemNotItsParent() throws {
        let loader = ConfigFixtures.loader(files: [
            "runs/my-run.yaml": "trials: 5\n",
            "runs/child.yaml": "extends: parent.yaml\n",
            "runs/parent.yaml": "name: parent\ntrials: 6\n",
            "runs/named.yaml": "name: given\n",
            "runs/j.json": "{\"trials\": 7}",
        ])
        #expect(try loader.load(path: "runs/my-run.yaml").name == "my-run")
        #expect(try loader.load(path: "runs/child.yaml").name == "child")
        #expect(try loader.load(path: "runs/child.yaml").trials == 6)
        #expect(try loader.load(path: "runs/named.yaml").name == "given")
        #expect(try loader.load(path: "runs/j.json").name == "j")
        #expect(try loader.load(path: "runs/my-run.yaml", overrides: ["name=other"]).name == "other")
        // The embedded default keeps its own name.
        #expect(try loader.load(embedded: "baseline.yaml").name == "baseline")
    }

    @Test func extendsTakesAnEmbeddedScenarioByName() throws {
        let loader = ConfigFixtures.loader(files: ["mine.yaml": "extends: cautious\ntrials: 9\n",
                                                   "base.yaml": "extends: baseline\n"])
        let mine = try loader.load(path: "mine.yaml")
        let cautious = try loader.load(embedded: "scenarios/cautious.yaml")
        #expect(mine.name == "mine")
        #expect(mine.trials == 9)
        #expect(mine.defense == cautious.defense)
        #expect(mine.iot == cautious.iot)
        #expect(try loader.load(path: "base.yaml").sectors.count == 16)
    }

    @Test func anUnknownNameOrAMissingPathSaysWhatWouldWork() {
        let loader = ConfigFixtures.loader(files: ["typo.yaml": "extends: cautios\n",
                                                   "path.yaml": "extends: ../configs/scenarios/cautious.yaml\n"])
        let typo = configError { try loader.load(path: "typo.yaml") }
        expectIssue(typo, path: "extends", "'cautios' is not an embedded scenario (did you mean 'cautious'?)")
        expectIssue(typo, path: "extends", "available: baseline, cautious")
        expectIssue(typo, path: "extends", "extends: ./cautios.yaml")
        let path = configError { try loader.load(path: "path.yaml") }
        expectIssue(path, path: "extends", "to extend the embedded scenario, write extends: cautious")
    }

    @Test func replacingTheDefaultSectorsIsReported() throws {
        let loader = ConfigFixtures.loader(files: ["one.yaml": "sectors:\n  - {id: energy}\n",
                                                   "all.yaml": "trials: 5\n"])
        let one = try loader.resolve(.file("one.yaml"))
        #expect(one.defaultSectorIDs.count == 16)
        #expect(one.replacesDefaultSectors)
        #expect(!(try loader.resolve(.file("all.yaml"))).replacesDefaultSectors)
    }
}
