import Foundation
import Testing
@testable import CyberRisk

/// The basis the manifest states for `economic_loss_usd_bn` is true of the shipped scenarios:
/// their outputs are the BEA 2023 value added of `configs/data/sector_economics_bea2023.csv`.
@Suite struct EconomicLossBasisTests {
    /// `sector → value added, bn USD` from the committed BEA-derived table.
    static func valueAdded() throws -> [String: Double] {
        let bytes = try #require(ConfigFixtures.embeddedFiles["data/sector_economics_bea2023.csv"])
        var table: [String: Double] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            let cells = line.split(separator: ",")
            if cells.count >= 2, let x = Double(cells[1]) { table[String(cells[0])] = x }
        }
        return table
    }

    /// The baseline and its variants (the analogues model no economic loss: their outputs are 0).
    @Test(arguments: ScenarioCatalog.entries.filter { !$0.path.hasPrefix("analogues/") }.map(\.name))
    func shippedOutputsAreBEA2023ValueAdded(name: String) throws {
        let scenario = try ScenarioCatalog.resolve(scenario: name, overrides: []).scenario
        let table = try Self.valueAdded()
        #expect(scenario.sectors.count == 16)
        for sector in scenario.sectors {
            let va = try #require(table[sector.id], "\(sector.id) is not in the BEA table")
            // output_usd_bn is the table's value rounded to 0.1 bn.
            #expect(abs(sector.outputUSDbn - va) <= 0.05 + 1e-9, "\(sector.id): \(sector.outputUSDbn) vs \(va)")
        }
        let basis = EconomicLossBasis(scenario: scenario)
        #expect(basis.sectorCount == 16)
        #expect(abs(basis.totalOutputUSDbn - scenario.sectors.reduce(0) { $0 + $1.outputUSDbn }) < 1e-9)
        #expect(basis.statement.contains("BEA 2023") && basis.statement.contains("held fixed"))
        #expect(basis.statement.contains("\(basis.sectorCount) modelled sectors"))
    }

    @Test func manifestCarriesTheBasis() throws {
        let scenario = try ScenarioCatalog.resolve(path: nil, overrides: []).scenario
        var manifest = Manifest(scenario: "baseline", configHash: "0", resolvedConfig: "", seed: 1, trials: 1,
                                trialsRun: 1, years: [2026], blockSize: 1024, threads: 1, shard: .whole,
                                blocks: 0..<1, startTime: Date(), endTime: Date())
        #expect(!manifest.json().contains("economic_loss"))
        manifest.economicLoss = EconomicLossBasis(scenario: scenario)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(manifest.json().utf8)) as? [String: Any])
        let loss = try #require(object["economic_loss"] as? [String: Any])
        #expect(loss["unit"] as? String == "billions of US dollars a year")
        #expect((loss["basis"] as? String)?.contains("not all of GDP") == true)
        #expect(loss["sectors"] as? Int == 16)
    }
}
