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
    var shock: String?

    @Option(help: ArgumentHelp("Replay one event of this catalogue class instead of --shock (see docs/events.md).", valueName: "class"))
    var event: String?

    @Option(help: "The event's severity (share of a fully digital sector's year, before the class's scale), with --event.")
    var severity: Double?

    @Option(help: ArgumentHelp("The sectors the event hits, with --event (default: every sector of its footprint).", valueName: "sector,..."))
    var hit: String?

    @Option(help: "Calendar year whose A(t) is used (default: the start year).")
    var year: Int?

    @Option(help: "Also write OUT/stress.csv (sector,direct_shock,inoperability).")
    var out: String?

    @Flag(help: "Print JSON instead of the table.")
    var json = false

    func run() throws {
        let resolved = try scenario.resolve()
        let s = resolved.scenario
        let result: StressTest
        do {
            let when = year ?? s.startYear
            let shocks: [String: Double]
            switch (shock, event) {
            case (let text?, nil):
                guard severity == nil, hit == nil else { throw StressTestError("--severity and --hit go with --event, not --shock") }
                shocks = try StressTest.parseShocks(text)
            case (nil, let id?):
                guard let severity else { throw StressTestError("--event needs --severity") }
                let sectors = hit.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
                shocks = try StressTest.eventShocks(scenario: s, event: id, severity: severity, hit: sectors, year: when)
            case (.some, .some):
                throw StressTestError("give either --shock or --event, not both")
            case (nil, nil):
                throw StressTestError("give --shock sector=value,… or --event CLASS --severity S")
            }
            result = try StressTest(scenario: s, year: when, shocks: shocks)
        } catch let error as StressTestError {
            throw CLIError.usage(error.description)
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
}
