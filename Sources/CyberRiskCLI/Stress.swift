import ArgumentParser
import CyberRisk
import Foundation

/// `cyberrisk stress`: the deterministic what-if.
struct Stress: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Propagate a given direct-shock vector through one year's dependency matrix.",
        discussion: """
            Uses the config's cascade mode and, for uncertain parameters, their means. Prints each \
            sector's direct shock and inoperability and the national, services and economic metrics.
            """
    )

    @OptionGroup var scenario: ScenarioOptions

    @Option(help: ArgumentHelp("Direct shocks in [0, 1], e.g. energy=0.5,communications=0.3.", valueName: "sector=value,..."))
    var shock: String

    @Option(help: "Calendar year whose A(t) is used (default: the start year).")
    var year: Int?

    @Option(help: "Also write OUT/stress.csv (sector,direct_shock,inoperability).")
    var out: String?

    @Flag(help: "Print JSON instead of the table.")
    var json = false

    func run() throws {
        let resolved = try scenario.resolve()
        let s = resolved.scenario
        let shocks = try Stress.parseShocks(shock)
        let result: StressTest
        do {
            result = try StressTest(scenario: s, year: year ?? s.startYear, shocks: shocks)
        } catch {
            switch error {
            case let .unknownSector(id, sectors):
                throw CLIError.usage("--shock: unknown sector '\(id)'; sectors are \(sectors.joined(separator: ", "))")
            case let .shockOutOfRange(id, value):
                throw CLIError.usage("--shock: \(id)=\(value) is outside [0, 1]")
            case .yearOutsideHorizon:
                throw CLIError.usage("--year: \(error.description)")
            }
        }
        if let out {
            let directory = try OutputDirectory.forOption(out)
            var csv = CSVTable(header: ["sector", "direct_shock", "inoperability"])
            for (i, sector) in s.sectors.enumerated() {
                csv.append([.text(sector.id), .number(result.directShock[i]), .number(result.inoperability[i])])
            }
            try directory.writeAll([("stress.csv", Array(csv.text.utf8))])
        }
        if json {
            let sectors: [[String: Any]] = s.sectors.enumerated().map { i, sector in
                ["sector": sector.id, "direct_shock": result.directShock[i], "inoperability": result.inoperability[i]]
            }
            let object: [String: Any] = [
                "scenario": s.name, "year": result.year, "mode": s.cascade.mode.rawValue, "sectors": sectors,
                "national_risk": result.nationalRisk, "services_deprivation": result.servicesDeprivation,
                "economic_loss_usd_bn": result.economicLoss, "sectors_disrupted": result.sectorsDisrupted,
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        var table = TextTable(header: ["sector", "direct shock", "inoperability"])
        for (i, sector) in s.sectors.enumerated() {
            table.append([sector.id, TextTable.format(result.directShock[i]), TextTable.format(result.inoperability[i])])
        }
        print("\(s.name): stress test in \(result.year), \(s.cascade.mode.rawValue) cascade\n")
        print(table.rendered)
        print("national_risk         \(TextTable.format(result.nationalRisk))")
        print("services_deprivation  \(TextTable.format(result.servicesDeprivation))")
        print("economic_loss_usd_bn  \(TextTable.format(result.economicLoss))")
        print("sectors_disrupted     \(result.sectorsDisrupted)")
    }

    /// The shocks of `--shock energy=0.5,communications=0.3`.
    static func parseShocks(_ text: String) throws -> [String: Double] {
        var out: [String: Double] = [:]
        for item in text.split(separator: ",") {
            let kv = item.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, let v = Double(kv[1].trimmingCharacters(in: .whitespaces)) else {
                throw CLIError.usage("--shock: expected sector=value[,sector=value…], found '\(item)'")
            }
            let id = kv[0].trimmingCharacters(in: .whitespaces)
            guard out[id] == nil else { throw CLIError.usage("--shock: sector '\(id)' given twice") }
            out[id] = v
        }
        guard !out.isEmpty else { throw CLIError.usage("--shock: no shocks given") }
        return out
    }
}
