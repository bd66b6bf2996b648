import Testing
@testable import CyberRisk

@Suite struct ConfigDifferenceTests {
    @Test func namesTheFieldsThatDifferInDocumentOrder() {
        let a = "name: x\ntrials: 1000\nseed: 5\nsectors:\n  - {id: energy, criticality: 1}\n  - {id: dams, criticality: 0.5}\n"
        let b = "name: x\ntrials: 3000\nseed: 5\nsectors:\n  - {id: energy, criticality: 1}\n  - {id: dams, criticality: 0.7}\n"
        #expect(ConfigDifference.between(a, b) == [
            ConfigDifference(path: "trials", first: "1000", second: "3000"),
            ConfigDifference(path: "sectors[1].criticality", first: "0.5", second: "0.7"),
        ])
        #expect(ConfigDifference.between(a, b, limit: 1).count == 1)
        #expect(ConfigDifference.between(a, a).isEmpty)
    }

    @Test func missingKeysAndChangedShapes() {
        let a = "x: 1\nlist: [1, 2]\n"
        let b = "list: [1, 2, 3]\ny: {z: 1}\n"
        #expect(ConfigDifference.between(a, b) == [
            ConfigDifference(path: "x", first: "1", second: "absent"),
            ConfigDifference(path: "list", first: "a sequence of 2", second: "a sequence of 3"),
            ConfigDifference(path: "y", first: "absent", second: "a mapping"),
        ])
        #expect(ConfigDifference.between("x: 1\n", "- not a mapping\n").first?.path == "(the whole config)")
        #expect(ConfigDifference.between("x: [\n", "x: 1\n").isEmpty)   // unreadable: nothing to say
    }
}
