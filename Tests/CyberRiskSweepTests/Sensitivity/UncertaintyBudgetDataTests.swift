import Foundation
import Testing
@testable import CyberRiskSweep

/// The committed uncertainty-budget run (docs/data/uncertainty-budget/full, written by
/// scripts/uncertainty_budget.py) is the tool's: its `sensitivity.csv` indices of 2035 are what
/// the estimators give on its `outputs.csv` point values (scripts/check_sobol_salib.py holds the
/// same indices to SALib's within 0.02).
@Suite struct UncertaintyBudgetDataTests {
    static let folder: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }   // Sensitivity, CyberRiskSweepTests, Tests, <repo>
        return url.appendingPathComponent("docs/data/uncertainty-budget/full")
    }()

    static func rows(_ name: String) throws -> [[String: String]] {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first)
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func committedIndicesAreTheEstimatorsOnTheCommittedOutputs() throws {
        let sensitivity = try Self.rows("sensitivity.csv").filter { $0["year"] == "2035" }
        var inputs: [String] = []
        for r in sensitivity where !inputs.contains(r["parameter"]!) { inputs.append(r["parameter"]!) }
        let g = inputs.count
        #expect(g >= 2)
        var outputs: [String: [Int: Double]] = [:]
        for r in try Self.rows("outputs.csv") { outputs[r["metric"]!, default: [:]][Int(r["point"]!)!] = Double(r["mean"]!)! }
        #expect(outputs.count >= 5)
        for (metric, values) in outputs {
            let n = values.count / (g + 2)
            #expect(values.count == n * (g + 2) && n >= 2)
            let fA = (0..<n).map { values[$0 * (g + 2)]! }, fB = (0..<n).map { values[$0 * (g + 2) + 1]! }
            let fAB = (0..<g).map { i in (0..<n).map { values[$0 * (g + 2) + 2 + i]! } }
            let estimate = SobolIndices.indices(fA, fB, fAB, rows: Array(0..<n))
            for (i, name) in inputs.enumerated() {
                let row = try #require(sensitivity.first { $0["metric"] == metric && $0["parameter"] == name })
                // sensitivity.csv prints 6 significant digits; outputs.csv the points' values as sweep.csv does.
                #expect(abs(estimate.s1[i] - Double(row["S1"]!)!) <= 1e-5 * max(1, abs(estimate.s1[i])), "\(metric) \(name) S1")
                #expect(abs(estimate.st[i] - Double(row["ST"]!)!) <= 1e-5 * max(1, abs(estimate.st[i])), "\(metric) \(name) ST")
            }
        }
    }
}
