import ArgumentParser
import CyberRisk
import Foundation

/// The options of `stress --dynamic`.
struct DynamicStressOptions: ParsableArguments {
    @Flag(help: "Follow the dynamic inoperability model day by day (recovery at each sector's resilience).")
    var dynamic = false

    @Option(help: "With --dynamic: days simulated, 0 … D−1 (1…36500; default 365).")
    var days: Int?

    @Option(name: .customLong("shock-days"), help: "With --dynamic: the shock is held on days 0 … T−1 (default 1).")
    var shockDays: Int?

    @Option(help: ArgumentHelp("With --dynamic: inoperability in [0, 1] at day 0 (default 0), e.g. energy=1.",
                               valueName: "sector=value,..."))
    var initial: String?

    /// Refuses the dynamic options without `--dynamic`.
    func refuseWithoutDynamic() throws {
        for (name, given) in [("--days", days != nil), ("--shock-days", shockDays != nil), ("--initial", initial != nil)] where given {
            throw CLIError.usage("\(name) needs --dynamic")
        }
    }
}

extension Stress {
    /// `stress --dynamic`: runs ``DynamicStressTest``; `--out` writes `recovery.csv` (every day and
    /// sector) and `stress.csv` with the peak, days disrupted and inoperability-days.
    func runDynamic(_ s: Scenario) throws {
        let result: DynamicStressTest
        let shocks = try shock.map { try Stress.parseShocks($0) } ?? [:]
        let initial = try dynamic.initial.map { try Stress.parseAssignments($0, option: "--initial") } ?? [:]
        do {
            result = try DynamicStressTest(scenario: s, year: year ?? s.startYear, shocks: shocks,
                                           shockDays: dynamic.shockDays ?? 1, initial: initial,
                                           days: dynamic.days ?? 365)
        } catch {
            throw Stress.usage(error, sectorOption: "--shock")
        }
        let n = s.sectors.count
        let final = result.finalInoperability
        if let out {
            let directory = try OutputDirectory.forOption(out)
            var recovery = CSVTable(header: ["day", "sector", "inoperability"])
            for day in 0..<result.days {
                for (i, sector) in s.sectors.enumerated() {
                    recovery.append([.integer(Int64(day)), .text(sector.id), .number(result.inoperability(day: day, sector: i))])
                }
            }
            var csv = CSVTable(header: ["sector", "direct_shock", "inoperability", "peak_inoperability",
                                        "days_disrupted", "inoperability_days"])
            for (i, sector) in s.sectors.enumerated() {
                csv.append([.text(sector.id), .number(result.directShock[i]), .number(final[i]), .number(result.peak[i]),
                            .integer(Int64(result.daysDisrupted[i])), .number(result.inoperabilityDays[i])])
            }
            try directory.writeAll([("stress.csv", Array(csv.text.utf8)), ("recovery.csv", Array(recovery.text.utf8))])
        }
        if json {
            let sectors: [[String: Any]] = s.sectors.enumerated().map { i, sector in
                ["sector": sector.id, "direct_shock": result.directShock[i], "initial": result.initial[i],
                 "resilience": result.resilience[i], "inoperability": final[i], "peak_inoperability": result.peak[i],
                 "days_disrupted": result.daysDisrupted[i], "inoperability_days": result.inoperabilityDays[i]]
            }
            let recovery: [[Double]] = (0..<result.days).map { day in (0..<n).map { result.inoperability(day: day, sector: $0) } }
            let object: [String: Any] = [
                "scenario": s.name, "year": result.year, "mode": "dynamic", "days": result.days,
                "shock_days": result.shockDays, "sectors": sectors, "recovery": recovery,
                "national_risk": result.nationalRisk, "services_deprivation": result.servicesDeprivation,
                "economic_loss_usd_bn": result.economicLoss, "sectors_disrupted": result.sectorsDisrupted,
                "outage_days": result.outageDays,
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        var table = TextTable(header: ["sector", "shock", "initial", "resilience", "peak", "days ≥ threshold",
                                       "inoperability-days", "last day"])
        for (i, sector) in s.sectors.enumerated() {
            table.append([sector.id, TextTable.format(result.directShock[i]), TextTable.format(result.initial[i]),
                          TextTable.format(result.resilience[i]), TextTable.format(result.peak[i]),
                          "\(result.daysDisrupted[i])", TextTable.format(result.inoperabilityDays[i]),
                          TextTable.format(final[i])])
        }
        print("\(s.name): dynamic stress test in \(result.year), days 0…\(result.days - 1), shock held \(result.shockDays) day(s)\n")
        print(table.rendered)
        print("national_risk (last day)  \(TextTable.format(result.nationalRisk))")
        print("sectors_disrupted (peak)  \(result.sectorsDisrupted)")
        print("outage_days               \(result.outageDays)")
    }
}
