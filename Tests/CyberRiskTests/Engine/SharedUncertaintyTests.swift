import Foundation
import StatisticalTesting
import Testing
@_spi(Engine) @testable import CyberRisk

/// Shared uncertainties and the threat climate make sectors' bad years coincide: the simulated
/// rank correlation between two sectors' annual losses matches the structure's, computed here by
/// an independent simulation of the same model (SplitMix64, Box–Muller, Knuth's Poisson).
@Suite struct SharedUncertaintyTests {
    static let trials = 16_384

    /// Two unconnected sectors (`d = 1`, `Y = 1`) with `λ` attacks a year each, lognormal
    /// severities (median 0.01, σ 0.5).
    static func scenario(attacks: Parameter, climate: ThreatClimate = .off, shared: [SharedUncertainty] = []) -> Scenario {
        let sectors = ["a", "b"].map { id -> Sector in
            var s = ScenarioFixtures.sector(id, digital: 1, attacks: 0, success: 1, output: 1)
            s.threat.attacksPerYear = attacks
            s.severity = .lognormal(median: .fixed(0.01), sigma: .fixed(0.5))
            return s
        }
        var s = ScenarioFixtures.scenario(sectors: sectors, trials: trials, years: 2, seed: 99, climate: climate, shared: shared)
        s.iot.devices = GrowthCurve(initial: .fixed(20), ceiling: .fixed(20), rate: .fixed(0))
        return s
    }

    /// The engine's per-trial losses `(a, b)` in year `t`, from the year step itself.
    static func losses(_ s: Scenario, year t: Int) throws -> [(Double, Double)] {
        let plan = try SimulationPlan(scenario: s)
        let block = TrialBlock(plan: plan)
        var out: [(Double, Double)] = []
        for first in stride(from: 0, to: s.trials, by: TrialBlock.capacity) {
            let rows = min(TrialBlock.capacity, s.trials - first)
            for b in 0..<rows {
                let row = UnsafeMutableBufferPointer(rebasing: block.theta[(b * block.p)..<((b + 1) * block.p)])
                plan.parameters.draw(seed: s.seed, trial: UInt64(first + b), into: row)
            }
            for year in 0...t {
                block.directShocks(year: year, firstTrial: first, rows: rows)
                block.cascade(year: year, rows: rows, accounting: false)
            }
            for b in 0..<rows { out.append((block.inoperability[2 * b], block.inoperability[2 * b + 1])) }
        }
        return out
    }

    /// Spearman's rank correlation (average ranks for ties).
    static func spearman(_ pairs: [(Double, Double)]) -> Double {
        func ranks(_ xs: [Double]) -> [Double] {
            let order = xs.indices.sorted { xs[$0] < xs[$1] }
            var r = [Double](repeating: 0, count: xs.count)
            var i = 0
            while i < order.count {
                var j = i
                while j + 1 < order.count && xs[order[j + 1]] == xs[order[i]] { j += 1 }
                for k in i...j { r[order[k]] = Double(i + j) / 2 }
                i = j + 1
            }
            return r
        }
        let a = ranks(pairs.map(\.0)), b = ranks(pairs.map(\.1))
        let n = Double(pairs.count), ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for k in pairs.indices {
            sab += (a[k] - ma) * (b[k] - mb)
            saa += (a[k] - ma) * (a[k] - ma)
            sbb += (b[k] - mb) * (b[k] - mb)
        }
        return sab / (saa * sbb).squareRoot()
    }

    /// The reference: per trial a rate factor `f` (shared by both sectors), `K ~ Poisson(λ₀·f)` per
    /// sector, losses `min(1, Σ 0.01·e^{0.5 Z})`.
    static func reference(rate: Double, factor: (inout SplitMix64) -> Double) -> [(Double, Double)] {
        var rng = SplitMix64(seed: 12345)
        func poisson(_ mean: Double) -> Int {
            let limit = exp(-mean)
            var k = 0, p = rng.uniform()
            while p > limit { k += 1; p *= rng.uniform() }
            return k
        }
        func loss(_ mean: Double) -> Double {
            var total = 0.0
            for _ in 0..<poisson(mean) { total += 0.01 * exp(0.5 * rng.normal()) }
            return min(1, total)
        }
        return (0..<trials).map { _ in
            let f = factor(&rng)
            return (loss(rate * f), loss(rate * f))
        }
    }

    /// The tolerance for a difference of two Spearman estimates from `n` pairs each: 4 combined
    /// standard errors, with Var ρ̂ ≈ 1.06(1 − ρ²)²/(n − 3) (Fieller, Hartley & Pearson 1957).
    static func tolerance(_ rho: Double) -> Double {
        4 * (2 * 1.06 * (1 - rho * rho) * (1 - rho * rho) / Double(trials - 3)).squareRoot()
    }

    @Test("a shared rate {shared: wave, scale: 3}: one draw per trial for both sectors, and their losses' rank correlation is the structure's")
    func sharedRate() throws {
        let wave = SharedUncertainty(name: "wave", definition: .lognormal(median: 1, sigma: 0.8))
        let reference = SharedReference(name: "wave", scale: 3, root: 0, totalScale: 3, distribution: .lognormal(median: 1, sigma: 0.8))
        let s = Self.scenario(attacks: .shared(reference), shared: [wave])
        let table = ParameterTable(scenario: s)
        var theta = [Double](repeating: 0, count: table.count)
        theta.withUnsafeMutableBufferPointer { table.draw(seed: 1, trial: 5, into: $0) }
        let a = theta[table.index(sector: 0, .attacksPerYear)], b = theta[table.index(sector: 1, .attacksPerYear)]
        #expect(a == b && a == 3 * theta[table.index(shared: 0)])
        let simulated = Self.spearman(try Self.losses(s, year: 0))
        let expected = Self.spearman(Self.reference(rate: 3) { exp(0.8 * $0.normal()) })
        #expect(expected > 0.3)
        #expect(abs(simulated - expected) <= Self.tolerance(expected), "engine \(simulated), structure \(expected)")
    }

    @Test("independent draws per place (the same distribution written twice): rank correlation ≈ 0")
    func independentPlaces() throws {
        let s = Self.scenario(attacks: .lognormal(median: 3, sigma: 0.8))
        let simulated = Self.spearman(try Self.losses(s, year: 0))
        #expect(abs(simulated) <= Self.tolerance(0), "\(simulated)")
    }

    @Test("the threat climate (σ 0.6): both sectors' rates × F(t) = e^{X − σ²/2} in the same trial-year; the rank correlation is the structure's, in the first year and, through the AR(1), the second")
    func climate() throws {
        let sigma = 0.6, rho = 0.5
        let s = Self.scenario(attacks: .fixed(3), climate: ThreatClimate(sigma: .fixed(sigma), correlation: .fixed(rho)))
        let expected = Self.spearman(Self.reference(rate: 3) { exp(sigma * $0.normal() - sigma * sigma / 2) })
        for year in [0, 1] {
            let simulated = Self.spearman(try Self.losses(s, year: year))
            #expect(abs(simulated - expected) <= Self.tolerance(expected), "year \(year): engine \(simulated), structure \(expected)")
        }
    }

    @Test("the climate's log state: variance σ², lag-1 correlation ρ, mean factor 1 (200,000 paths)")
    func climateProcess() {
        let sigma = 0.4, rho = 0.7, n = 200_000
        var rng = SplitMix64(seed: 3)
        var x0s: [Double] = [], x1s: [Double] = [], factor = 0.0
        for _ in 0..<n {
            let x0 = ThreatClimate.logState(previous: .nan, year: 0, sigma: sigma, correlation: rho, normal: rng.normal())
            let x1 = ThreatClimate.logState(previous: x0, year: 1, sigma: sigma, correlation: rho, normal: rng.normal())
            x0s.append(x0)
            x1s.append(x1)
            factor += ThreatClimate.factor(logState: x1, sigma: sigma)
        }
        let v1 = GoodnessOfFit.meanAndVariance(x1s).variance
        let m0 = x0s.reduce(0, +) / Double(n), m1 = x1s.reduce(0, +) / Double(n)
        var c = 0.0, v0 = 0.0
        for k in 0..<n { c += (x0s[k] - m0) * (x1s[k] - m1); v0 += (x0s[k] - m0) * (x0s[k] - m0) }
        let corr = c / (v0 * v1 * Double(n - 1)).squareRoot()
        // sd(s²)/σ² = √(2/n) for normals; sd of a correlation ≈ (1 − ρ²)/√n; sd of the mean factor = √(e^{σ²} − 1)/√n.
        #expect(abs(v1 - sigma * sigma) <= 4 * sigma * sigma * (2 / Double(n)).squareRoot())
        #expect(abs(corr - rho) <= 4 * (1 - rho * rho) / Double(n).squareRoot())
        #expect(abs(factor / Double(n) - 1) <= 4 * (exp(sigma * sigma) - 1).squareRoot() / Double(n).squareRoot())
        #expect(ThreatClimate.factor(logState: 0.3, sigma: 0) == 1)
    }
}
