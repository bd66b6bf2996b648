@testable import CyberRisk
import Testing

@Suite("Dependency CSV")
struct DependencyCSVTests {
    let sectors = "sectors: [{id: energy}, {id: water_wastewater}, {id: transportation}]\n"

    @Test func csvMatchedByIDInShuffledOrder() throws {
        let csv = """
            # expert dependencies (test)
            sector, transportation, energy, water_wastewater\r
            water_wastewater,0.01,0.05,0\r

            energy, 0.03 ,0,0.02
            transportation,0,0.06,"0.01"
            """
        let s = try loadText(sectors + "dependencies: {csv: data/deps.csv}\n", name: "cfg/test.yaml",
                             extra: ["cfg/data/deps.csv": csv])
        // Sector order: energy, water_wastewater, transportation.
        #expect(s.dependencies.matrix.values == [0, 0.02, 0.03,
                                                 0.05, 0, 0.01,
                                                 0.06, 0.01, 0])
        #expect(s.dependencies.source == "data/deps.csv")
        // The dump inlines the matrix and keeps the source; it reloads without the CSV.
        let loader = ConfigFixtures.loader(files: ["cfg/data/deps.csv": csv])
        let resolved = try loader.resolve(.text(sectors + "dependencies: {csv: data/deps.csv}\n", name: "cfg/test.yaml"))
        #expect(resolved.yaml.contains("  source: data/deps.csv\n  matrix:\n    - [0, 0.02, 0.03]\n"))
        #expect(try ConfigFixtures.loader().load(text: resolved.yaml) == s)
    }

    @Test func csvInAParentIsRelativeToTheParent() throws {
        let files = ["lib/parent.yaml": sectors + "dependencies: {csv: deps.csv}\n",
                     "lib/deps.csv": "s,energy,water_wastewater,transportation\nenergy,0,0,0\nwater_wastewater,0,0,0\ntransportation,0.1,0,0\n"]
        let s = try loadText("extends: lib/parent.yaml\n", extra: files)
        #expect(s.dependencies.matrix[2, 0] == 0.1)
    }

    @Test func csvIDsMustMatchTheSectors() {
        let csv = "sector,energy,dams,transportation\nenergy,0,0,0\nwater_wastewater,0,0,0\ntransportation,0,0,0\n"
        let error = errorLoading(sectors + "dependencies: {csv: d.csv}\n", extra: ["d.csv": csv])
        expectIssue(error, path: "dependencies.csv", "header ids do not match the sectors: unknown 'dams'; missing 'water_wastewater'")
        #expect(error?.issues.first?.file == "d.csv")
    }

    @Test func csvEntriesAreChecked() {
        let csv = "sector,energy,water_wastewater,transportation\nenergy,0,-0.1,x\nwater_wastewater,0,nan,0\ntransportation,0,0\n"
        let error = errorLoading(sectors + "dependencies: {csv: d.csv}\n", extra: ["d.csv": csv])
        expectIssue(error, path: "dependencies.csv", "column 'water_wastewater': must be ≥ 0, found -0.1")
        expectIssue(error, path: "dependencies.csv", "column 'transportation': expected a number, found 'x'")
        expectIssue(error, path: "dependencies.csv", "must be a finite number, found 'nan'")
        expectIssue(error, path: "dependencies.csv", "row 'transportation' has 2 entries, expected 3")
        #expect(error?.issues.contains { $0.line == 3 && $0.file == "d.csv" } == true)
    }

    @Test func csvMissingOrEmpty() {
        expectIssue(errorLoading(sectors + "dependencies: {csv: none.csv}\n"), path: "dependencies.csv", "cannot read 'none.csv'")
        expectIssue(errorLoading(sectors + "dependencies: {csv: e.csv}\n", extra: ["e.csv": "# nothing\n"]),
                    path: "dependencies.csv", "no header line")
        expectIssue(errorLoading(sectors + "dependencies: {csv: d.csv, matrix: [[0]]}\n", extra: ["d.csv": ""]),
                    path: "dependencies.csv", "either matrix or csv")
    }
}
