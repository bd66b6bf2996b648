@testable import CyberRisk
@testable import CyberRiskSweep
import Dispatch
import Foundation
import Synchronization
import StatisticalTesting
import Testing

/// Simulation-based calibration (Talts, Betancourt, Simpson, Vehtari & Gelman 2018,
/// arXiv:1804.06788): for datasets drawn from the prior predictive, the rank of each true
/// parameter among `L` posterior draws is uniform on `0…L` exactly when the sampler draws from the
/// posterior. Ranks are binned into 10 bins of 10 and tested with Pearson's χ² (9 df) at
/// p > 0.01, for every factor (four sectors with data — one of them with a known reporting rate
/// — and one without), the factors' CV and mean, the reporting rate and the overdispersion.
///
/// `make test` runs 200 datasets (`L = 99` draws kept every 3rd sweep after 150 warm-up sweeps);
/// `scripts/calibration_sbc.sh` runs 1,000 (`CYBERRISK_SBC_DATASETS`) in release mode. A second
/// test fits with a prior other than the one that made the data and must see the ranks fail.
@Suite("Calibration: simulation-based calibration")
struct SimulationBasedCalibrationTests {
    static let datasets = ProcessInfo.processInfo.environment["CYBERRISK_SBC_DATASETS"].flatMap(Int.init) ?? 200
    static let kept = 99
    static let thin = 3
    static let warmup = 150
    static let bins = 10

    /// Sectors 0–3 of the small scenario have rows in 2021–2023 (sector 2's with a known reporting
    /// rate of 0.5); sector 4 has none.
    static let layout: [(sector: Int, year: Int, rate: Double?)] = (0..<4).flatMap { i in
        (2021...2023).map { (sector: i, year: $0, rate: i == 2 ? 0.5 : nil) }
    }
    static let quantities: [PosteriorDraws.Quantity] = (0..<5).map { .factor($0) }
        + [.factorCV, .factorMean, .reportingRate, .dispersion]
    static let prior = CalibrationPrior(reportingRate: CalibrationFixtures.small.calibration.reportingRate)

    /// The rank of every quantity in every dataset: data from `generating`, fitted with `fitting`.
    static func ranks(generating: CalibrationPrior, fitting: CalibrationPrior, datasets: Int, seed: UInt64) -> [[Int]] {
        let scenario = CalibrationFixtures.small
        let results = Mutex<[Int: [Int]]>([:])
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            while true {
                let d = next.wrappingAdd(1, ordering: .relaxed).oldValue
                if d >= datasets { break }
                let truth = CalibrationFixtures.drawTruth(prior: generating, sectors: 5, seed: seed, index: d)
                let data = CalibrationFixtures.data(scenario, layout: layout, truth: truth, seed: seed, index: d)
                let problem = try! CalibrationProblem(scenario: scenario, data: data, prior: fitting)
                let values = CalibrationSampler(problem: problem).chain(d, warmup: warmup, draws: kept * thin, seed: seed)
                let draws = PosteriorDraws(sectorCount: 5, chains: 1, drawsPerChain: kept * thin, values: values)
                let r = CalibrationFixtures.ranks(draws, truth: truth, quantities: quantities, thin: thin)
                results.withLock { $0[d] = r }
            }
        }
        return results.withLock { all in (0..<datasets).map { all[$0]! } }
    }

    /// Pearson's χ² p-value of ranks `0…L` against the uniform, in ``bins`` equal bins.
    static func uniformityPValue(_ ranks: [Int]) -> Double {
        var counts = Array(repeating: 0.0, count: bins)
        for r in ranks { counts[r * bins / (kept + 1)] += 1 }
        let expected = Double(ranks.count) / Double(bins)
        let statistic = counts.reduce(0) { $0 + ($1 - expected) * ($1 - expected) / expected }
        return 1 - ReferenceCDF.gammaP(Double(bins - 1) / 2, statistic / 2)
    }

    @Test func ranksOfEveryParameterAreUniform() {
        let ranks = Self.ranks(generating: Self.prior, fitting: Self.prior, datasets: Self.datasets, seed: 17)
        for (k, q) in Self.quantities.enumerated() {
            let p = Self.uniformityPValue(ranks.map { $0[k] })
            print("SBC \(q): χ² p = \(p) over \(Self.datasets) datasets")
            #expect(p > 0.01, "\(q): rank histogram not uniform, χ² p = \(p)")
        }
    }

    /// The test can fail: data made with a wide prior on the factors' mean (sd 1.5 on its log)
    /// and fitted with a narrow one (sd 0.25) put the truth in the posterior's tails.
    @Test func aWrongPriorBreaksTheRanks() {
        var generating = Self.prior
        generating.factorMeanSD = 1.5
        var fitting = Self.prior
        fitting.factorMeanSD = 0.25
        let ranks = Self.ranks(generating: generating, fitting: fitting, datasets: 100, seed: 18)
        let p = Self.uniformityPValue(ranks.map { $0[Self.quantities.firstIndex(of: .factorMean)!] })
        #expect(p < 1e-6, "a misspecified prior went unnoticed: χ² p = \(p)")
    }
}
