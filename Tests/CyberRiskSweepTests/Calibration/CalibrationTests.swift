@testable import CyberRisk
@testable import CyberRiskSweep
import Foundation
import Testing

@Suite("Calibration: fits, coverage, checks and outputs")
struct CalibrationTests {
    static let scenario = CalibrationFixtures.baseline
    /// Rate factors of the 16 sectors, spread over a factor of 4.
    static let trueFactors = (0..<16).map { Foundation.exp(-0.7 + 1.4 * Double($0) / 15) }

    /// A dataset from known factors with a known reporting rate (on every row, so the rates are
    /// identified), Poisson counts, every sector in `years`.
    static func knownRateData(years: ClosedRange<Int>, index: Int, rate: Double = 0.4) -> IncidentData {
        let layout = (0..<16).flatMap { i in years.map { (sector: i, year: $0, rate: Optional(rate)) } }
        let truth = CalibrationFixtures.Truth(theta: trueFactors, cv: 0, mean: 1, rho: rate, dispersion: 0)
        return CalibrationFixtures.data(scenario, layout: layout, truth: truth, seed: 23, index: index)
    }

    static func fitDraws(_ data: IncidentData, overdispersed: Bool, seed: UInt64, draws: Int = 400) throws -> (CalibrationProblem, PosteriorDraws) {
        let prior = CalibrationPrior(reportingRate: scenario.calibration.reportingRate, dispersionScale: overdispersed ? 0.5 : nil)
        let problem = try CalibrationProblem(scenario: scenario, data: data, prior: prior)
        return (problem, CalibrationSampler(problem: problem).run(chains: 2, warmup: 200, draws: draws, seed: seed, threads: 2))
    }

    /// 90% posterior intervals of the factors hold the truth in 85–95% of 400 cases (16 sectors ×
    /// 25 datasets; the binomial sd of the coverage is 1.5%).
    @Test func ninetyPercentIntervalsCoverTheTruth() throws {
        var inside = 0, total = 0
        for d in 0..<25 {
            let (_, draws) = try Self.fitDraws(Self.knownRateData(years: 2022...2023, index: d), overdispersed: true, seed: UInt64(d))
            for i in 0..<16 {
                let s = PosteriorSummary(draws.pooled(.factor(i)))
                if s.p05 <= Self.trueFactors[i] && Self.trueFactors[i] <= s.p95 { inside += 1 }
                total += 1
            }
        }
        let coverage = Double(inside) / Double(total)
        print("coverage of 90% intervals: \(inside) of \(total) = \(coverage)")
        #expect(coverage >= 0.85 && coverage <= 0.95, "coverage \(coverage)")
    }

    /// Four times the data (8 years instead of 2) halve the intervals: where the data dominate
    /// the prior (every incident reported; sectors with at least 200 in the two years), the
    /// posterior sd of a Poisson rate factor is ≈ θ/√(Σy), so the width ratio is √(Σy₂/Σy₈),
    /// computed per sector. The Monte Carlo error of one ratio is ≈ 4% with 2,000 draws, of
    /// their mean ≈ 1.5%; the tolerance is 5%.
    @Test func moreYearsShrinkTheIntervals() throws {
        let short = Self.knownRateData(years: 2022...2023, index: 100, rate: 1)
        let long = Self.knownRateData(years: 2016...2023, index: 100, rate: 1)
        let (_, a) = try Self.fitDraws(short, overdispersed: false, seed: 1, draws: 1000)
        let (_, b) = try Self.fitDraws(long, overdispersed: false, seed: 1, draws: 1000)
        var ratios: [Double] = []
        for i in 0..<16 {
            let y2 = short.rows.filter { $0.sectors == [i] }.reduce(0) { $0 + $1.count }
            let y8 = long.rows.filter { $0.sectors == [i] }.reduce(0) { $0 + $1.count }
            guard y2 >= 200 else { continue }
            let wa = PosteriorSummary(a.pooled(.factor(i))), wb = PosteriorSummary(b.pooled(.factor(i)))
            ratios.append(((wb.p95 - wb.p05) / (wa.p95 - wa.p05)) / (y2 / y8).squareRoot())
        }
        #expect(ratios.count >= 6)
        let mean = ratios.reduce(0, +) / Double(ratios.count)
        print("interval width (8 years / 2 years) over √(Σy₂/Σy₈), mean over \(ratios.count) sectors: \(mean)")
        #expect(Swift.abs(mean - 1) < 0.05, "width ratio / expected: \(ratios)")
    }

    @Test func theIC3FitIsDeterministicWhateverTheThreads() throws {
        let options = Calibration.Options(seed: 4, chains: 2, draws: 300, threads: 1)
        let one = Calibration(scenario: Self.scenario, data: CalibrationFixtures.ic3, options: options,
                              problem: try Self.problem(), draws: try Self.draws(threads: 1))
        let two = Calibration(scenario: Self.scenario, data: CalibrationFixtures.ic3, options: options,
                              problem: try Self.problem(), draws: try Self.draws(threads: 2))
        #expect(one.draws.values == two.draws.values)
        #expect(CalibrationTables.posterior(one) == CalibrationTables.posterior(two))
        #expect(CalibrationTables.predictiveChecks(one) == CalibrationTables.predictiveChecks(two))
    }

    static func problem() throws -> CalibrationProblem {
        try CalibrationProblem(scenario: scenario, data: CalibrationFixtures.ic3,
                               prior: CalibrationPrior(reportingRate: scenario.calibration.reportingRate))
    }

    static func draws(threads: Int) throws -> PosteriorDraws {
        CalibrationSampler(problem: try problem()).run(chains: 2, warmup: 300, draws: 300, seed: 4, threads: threads)
    }

    @Test func tooFewDrawsFailTheDiagnostics() throws {
        #expect {
            try Calibration.fit(scenario: Self.scenario, data: CalibrationFixtures.ic3,
                                options: .init(seed: 1, chains: 2, draws: 50))
        } throws: { error in
            guard case .notConverged(let failures) = error as? CalibrationError else { return false }
            return !failures.isEmpty && "\(error)".contains("ESS") && failures.allSatisfy { !$0.passes }
        }
    }

    @Test func inputsThatDoNotFitTheConfigurationAreRefused() throws {
        let offline = try CalibrationFixtures.loader.load(text: "sectors:\n  - {id: energy, digital: {initial: 0}}\n  - {id: dams}\n")
        let data = try IncidentCSV.parse(Array("sector,year,count\nenergy,2022,4\ndams,2022,1\n".utf8), file: "d.csv",
                                         sectorIDs: ["energy", "dams"])
        let prior = CalibrationPrior(reportingRate: offline.calibration.reportingRate)
        #expect(throws: CalibrationError.self) { try CalibrationProblem(scenario: offline, data: data, prior: prior) }
        do {
            _ = try CalibrationProblem(scenario: offline, data: data, prior: prior)
        } catch {
            #expect("\(error)".contains("d.csv:2: sector: sector 'energy' has no attacks"))
        }
        #expect(throws: CalibrationError.self) {
            try Calibration.fit(scenario: Self.scenario, data: CalibrationFixtures.ic3, options: .init(seed: 1, holdoutYear: 2030))
        }
        #expect(throws: CalibrationError.self) {   // nothing before the holdout year
            try CalibrationProblem(scenario: Self.scenario, data: CalibrationFixtures.ic3,
                                   prior: CalibrationPrior(reportingRate: .fixed(0.4)), holdoutYear: 2021)
        }
    }

    @Test func aHoldoutYearIsPredictedNotFitted() throws {
        let data = CalibrationFixtures.ic3
        let options = Calibration.Options(seed: 2, chains: 2, draws: 200, holdoutYear: 2023)
        let problem = try CalibrationProblem(scenario: Self.scenario, data: data,
                                             prior: CalibrationPrior(reportingRate: Self.scenario.calibration.reportingRate),
                                             holdoutYear: 2023)
        #expect(problem.fittedYears == [2021, 2022] && problem.rows.count == 11)
        let draws = CalibrationSampler(problem: problem).run(chains: 2, warmup: 200, draws: 200, seed: 2, threads: 2)
        let fit = Calibration(scenario: Self.scenario, data: data, options: options, problem: problem, draws: draws)
        let h = try #require(fit.hindcast)
        #expect(h.entries.map(\.check.row.label) == ["healthcare_public_health", "critical_manufacturing", "government_facilities", "all"])
        #expect(h.entries.allSatisfy { !$0.check.fitted })
        #expect(h.entries[0].naive == 210 && h.entries[0].naiveCRPS == 39)
        #expect(h.sectorRows == 3 && h.coverage90 == Double(h.entries.prefix(3).filter(\.check.inside90).count) / 3)
        let table = CalibrationTables.hindcast(h).split(separator: "\n")
        #expect(table.first == "sector,year,observed,naive,p05,p25,p50,p75,p95,pit,in50,in90,crps,crps_naive")
        #expect(table.last!.hasPrefix("*,2023,3,NaN,"))
        let earlier = fit.checks.filter { $0.row.year < 2023 && $0.row.kind == .sector }
        #expect(earlier.count == 11 && earlier.allSatisfy { $0.fitted })
    }

    /// The predictive scores on known samples: quantiles, mid-PIT and the CRPS against brute force.
    @Test func predictiveScores() {
        let row = IncidentRow(line: 2, label: "energy", sectors: [0], kind: .sector, year: 2022, count: 3)
        let samples: [Double] = [0, 1, 2, 3, 3, 4, 5, 6, 7, 9]
        let c = PredictiveCheck(row: row, fitted: true, replicates: samples.reversed())
        let quantiles: [Double] = [c.p05, c.p25, c.p50, c.p75, c.p95]
        #expect(quantiles == [0, 2, 3, 6, 9])
        let pit: Double = (3 + 0.5 * 2) / 10
        #expect(c.pit == pit)
        var brute = 0.0
        for x in samples { brute += Swift.abs(x - 3) }
        var spread = 0.0
        for x in samples { for y in samples { spread += Swift.abs(x - y) } }
        let crps: Double = brute / 10 - spread / 200
        #expect(Swift.abs(c.crps - crps) < 1e-12)
        #expect(c.inside50 && c.inside90)
    }

    @Test func calibratedSectorsGetALognormalWithThePosteriorsMeanAndSD() {
        let (median, sigma) = CalibratedConfig.lognormal(mean: 50, sd: 20)
        #expect(Swift.abs(median * exp(sigma * sigma / 2) - 50) < 1e-9)
        #expect(Swift.abs(median * median * exp(sigma * sigma) * (exp(sigma * sigma) - 1) - 400) < 1e-6)
        var sector = Self.scenario.sectors[11]
        sector.threat.successProbability = .uniform(lower: 0.05, upper: 0.15)
        let posterior = PosteriorSummary([60, 70, 80])
        let out = CalibratedConfig.calibrated(sector, posterior: posterior)
        #expect(out.threat.successProbability == .fixed(0.1))
        guard case .lognormal(let m, let s) = out.threat.attacksPerYear else { Issue.record("not a lognormal"); return }
        let (em, es) = CalibratedConfig.lognormal(mean: 700, sd: 100)
        #expect(Swift.abs(m / em - 1) < 1e-3 && Swift.abs(s / es - 1) < 1e-3)
        #expect(CalibratedConfig.calibrated(sector, posterior: nil) == sector)
    }
}
