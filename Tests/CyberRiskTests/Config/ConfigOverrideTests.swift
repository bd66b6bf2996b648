@testable import CyberRisk
import Testing

@Suite("Config --set overrides and paths")
struct ConfigOverrideTests {
    let loader = ConfigFixtures.loader()

    @Test func pathParsing() throws {
        let p = try ConfigPath(parsing: "sectors[3].threat.success_probability")
        #expect(p.components == [.key("sectors"), .index(3), .key("threat"), .key("success_probability")])
        #expect(p.description == "sectors[3].threat.success_probability")
        #expect(try ConfigPath(parsing: "dependencies.matrix[0][2]").description == "dependencies.matrix[0][2]")
        for bad in ["", ".a", "a.", "a..b", "a[", "a[x]", "[1]", "a b", "a]b", "a[99999999999999999999999]"] {
            #expect(throws: ConfigError.self, "\(bad)") { try ConfigPath(parsing: bad) }
        }
    }

    @Test func setScalar() throws {
        let s = try loader.load(embedded: "baseline.yaml", overrides: ["trials=200000", "seed = 9", "name=My run"])
        #expect(s.trials == 200_000)
        #expect(s.seed == 9)
        #expect(s.name == "My run")
        #expect(try loader.load(embedded: "baseline.yaml", overrides: ["trials=1e3"]).trials == 1000)
    }

    @Test func setDistribution() throws {
        let s = try loader.load(embedded: "baseline.yaml",
                                overrides: ["scenario.iot.devices_bn.rate={pert: [0.1, 0.16, 0.2]}"])
        #expect(s.iot.devices.rate == .pert(lower: 0.1, mode: 0.16, upper: 0.2))
        let t = try loader.load(embedded: "baseline.yaml",
                                overrides: ["sectors.energy.threat.attacks_per_year.pert[1]=80"])
        #expect(t.sectors.first { $0.id == "energy" }?.threat.attacksPerYear == .pert(lower: 60, mode: 80, upper: 200))
    }

    @Test func setByIndexAndByID() throws {
        let s = try loader.load(embedded: "baseline.yaml", overrides: [
            "sectors[3].criticality=2.5",
            "sectors.energy.threat.success_probability=0.2",
            "dependencies.matrix[0][1]=0.05",
            "dependencies.lifeline_overlay.floors.dams=0.01",
            "human_security.dimensions.economic.dams=0.25",
        ])
        let ids = s.sectors.map(\.id)
        #expect(s.sectors[3].criticality == 2.5)
        #expect(s.sectors[ids.firstIndex(of: "energy")!].threat.successProbability == .fixed(0.2))
        #expect(s.dependencies.matrix[0, 1] == 0.05)
        #expect(s.dependencies.lifelineFloors[ids.firstIndex(of: "dams")!] == 0.01)
        #expect(s.humanSecurity.dimensions[0].sectorWeights[ids.firstIndex(of: "dams")!] == 0.25)
    }

    @Test func setValuesAreValidated() {
        let error = configError { try loader.load(embedded: "baseline.yaml", overrides: ["sectors[0].threat.success_probability=1.5"]) }
        expectIssue(error, path: "sectors[0].threat.success_probability", "must be in [0, 1], found 1.5")
        #expect(error?.issues.first?.file == "--set")
    }

    @Test func unknownPathSuggestsNearest() {
        func fails(_ argument: String) -> ConfigError? {
            configError { try loader.load(embedded: "baseline.yaml", overrides: [argument]) }
        }
        expectIssue(fails("trails=5"), path: "trails", "did you mean 'trials'")
        expectIssue(fails("scenario.iott.devices_bn.rate=0.2"), path: "scenario.iott.devices_bn.rate",
                    "did you mean 'scenario.iot.devices_bn.rate'")
        expectIssue(fails("scenario.iot.devices_bn.rte=0.2"), path: "scenario.iot.devices_bn.rte",
                    "did you mean 'scenario.iot.devices_bn.rate'")
        expectIssue(fails("sectors.enrgy.criticality=2"), path: "sectors.enrgy.criticality",
                    "did you mean 'sectors.energy.criticality'")
        expectIssue(fails("sectors[16].criticality=2"), path: "sectors[16].criticality", "index 16 out of range (valid: 0…15)")
        expectIssue(fails("trials.x=2"), path: "trials.x", "unknown path: 'trials' is '100000', which has no field 'x'")
        expectIssue(fails("name[0]=2"), path: "name[0]", "is 'baseline', not a sequence (for [0])")
        expectIssue(fails("dependencies.csvv=x.csv"), path: "dependencies.csvv", "did you mean 'dependencies.csv'")
        expectIssue(fails("trials"), path: "", "expected path=value")
        expectIssue(fails("trials={a"), path: "trials", "cannot read the value")
        // Every bad override is reported at once.
        let both = configError { try loader.load(embedded: "baseline.yaml", overrides: ["trails=1", "sed=2"]) }
        #expect(both?.issues.count == 2)
    }

    @Test func setCSVReplacesMatrix() throws {
        let csv = "sector,energy,dams\nenergy,0,0.1\ndams,0.2,0\n"
        let loader = ConfigFixtures.loader(files: ["deps.csv": csv])
        let s = try loader.load(text: "sectors: [{id: energy}, {id: dams}]\n", name: "t.yaml",
                                overrides: ["dependencies.csv=deps.csv"])
        #expect(s.dependencies.matrix.values == [0, 0.1, 0.2, 0])
        #expect(s.dependencies.source == "deps.csv")
    }

    @Test func numericLeafPathsOfResolvedConfig() throws {
        let tree = try loader.resolvedTree(.embedded("baseline.yaml"))
        let paths = tree.numericLeafPaths().map(\.description)
        #expect(paths.contains("trials"))
        #expect(paths.contains("sectors.energy.criticality"))
        #expect(paths.contains("sectors.energy.threat.attacks_per_year.pert[2]"))
        #expect(paths.contains("scenario.iot.devices_bn.rate"))
        #expect(paths.contains("dependencies.matrix[15][14]"))
        #expect(paths.contains("dependencies.lifeline_overlay.floors.energy"))
        #expect(!paths.contains("name"))
        #expect(!paths.contains("cascade.mode"))
        // Every listed path can be set, and a sweep can decode the result.
        for path in paths.prefix(40) {
            var t = tree
            try t.set(.plain("0.01"), at: ConfigPath(parsing: path))
        }
        var swept = tree
        try swept.set(.plain("0.3"), at: ConfigPath(parsing: "scenario.iot.devices_bn.rate"))
        #expect(try loader.scenario(from: swept).iot.devices.rate == .fixed(0.3))
    }
}
