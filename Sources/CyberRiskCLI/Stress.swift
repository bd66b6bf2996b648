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
        let when = year ?? s.startYear
        let shocks: [String: Double]
        switch (shock, event) {
        case (let text?, nil):
            guard severity == nil, hit == nil else { throw CLIError.usage("--severity and --hit go with --event, not --shock") }
            shocks = try Stress.parseShocks(text)
        case (nil, let id?):
            guard let severity else { throw CLIError.usage("--event needs --severity") }
            let sectors = hit.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            do {
                shocks = try StressTest.eventShocks(scenario: s, event: id, severity: severity, hit: sectors, year: when)
            } catch {
                throw Stress.usage(error, sectorOption: "--hit")
            }
        case (.some, .some):
            throw CLIError.usage("give either --shock or --event, not both")
        case (nil, nil):
            throw CLIError.usage("give --shock sector=value,… or --event CLASS --severity S")
        }
        do {
            result = try StressTest(scenario: s, year: when, shocks: shocks)
        } catch {
            throw Stress.usage(error, sectorOption: "--shock")
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

    /// The usage error worded for the option that caused `error` (`sectorOption`: the option whose
    /// sector ids were checked, `--shock` or `--hit`).
    static func usage(_ error: StressTestError, sectorOption: String) -> CLIError {
        switch error {
        case let .unknownSector(id, sectors):
            .usage("\(sectorOption): unknown sector '\(id)'; sectors are \(sectors.joined(separator: ", "))")
        case let .shockOutOfRange(id, value):
            .usage("--shock: \(id)=\(value) is outside [0, 1]")
        case .yearOutsideHorizon:
            .usage("--year: \(error.description)")
        case .unknownEventClass:
            .usage("--event: \(error.description)")
        case let .invalidSeverity(value):
            .usage("--severity: \(value) must be a finite number ≥ 0")
        }
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
