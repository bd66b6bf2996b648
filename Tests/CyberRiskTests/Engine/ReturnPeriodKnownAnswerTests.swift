import Foundation
import StatisticalTesting
import Testing
@_spi(Engine) @testable import CyberRisk

/// Return periods against a compound Poisson known answer: one sector with `Y = 100`, `d = 1`, no
/// cascade and no growth, `λ` losses a year with a lognormal severity `X` (median 0.01, σ 1).
/// The annual loss is `L = 100·min(1, Σ min(1, X_k))`, its largest event `100·min(1, max X_k)`:
///
/// - OEP: `P(max ≤ x) = exp(−λ(1 − F(x)))`, so the 1-in-T level is `100·F⁻¹(1 + ln(1 − 1/T)/λ)`
///   (0 when the argument is ≤ 0: most years have no event);
/// - AEP: the compound distribution by Panjer's recursion on a grid of `h = 10⁻⁴` (severity
///   rounded to the nearest grid point), computed here.
///
/// The same losses come once as a catalogue event class (AEP and OEP) and once as the sector's
/// attacks (AEP only: attacks are attritional). Tolerances: 4 batch-means standard errors plus
/// the sketch's relative accuracy and the grid's half step.
@Suite struct ReturnPeriodKnownAnswerTests {
    static let lambda = 3.0, median = 0.01, sigma = 1.0, output = 100.0
    static let trials = 131_072      // 128 blocks, 4 per batch: resolved up to T = 409
    static let grid = 1e-4, gridMax = 0.6

    static func scenario(asEvents: Bool) -> Scenario {
        var sector = ScenarioFixtures.sector("only", digital: 1, attacks: asEvents ? 0 : lambda, success: 1, output: output)
        sector.severity = .lognormal(median: .fixed(median), sigma: .fixed(sigma))
        let events = asEvents ? [EventClass(id: "losses", description: "", frequency: .fixed(lambda),
                                            footprint: [EventFootprint(probability: .fixed(1))],
                                            severity: .lognormal(median: .fixed(median), sigma: .fixed(sigma)))] : []
        var s = ScenarioFixtures.scenario(sectors: [sector], trials: trials, years: 1, seed: 2015, events: events)
        s.iot.devices = GrowthCurve(initial: .fixed(20), ceiling: .fixed(20), rate: .fixed(0))
        return s
    }

    /// `F(x)` of the lognormal severity.
    static func severityCDF(_ x: Double) -> Double { x <= 0 ? 0 : ReferenceCDF.normal(log(x / median) / sigma) }

    /// `F⁻¹(p)` by bisection on the log scale.
    static func severityQuantile(_ p: Double) -> Double {
        var lo = -40.0, hi = 40.0
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if ReferenceCDF.normal(mid) < p { lo = mid } else { hi = mid }
        }
        return median * exp(sigma * (lo + hi) / 2)
    }

    /// Panjer's recursion for the compound Poisson total of the capped, discretised severity:
    /// `g₀ = e^{−λ(1 − f₀)}`, `g_s = (λ/s) Σ_{j=1}^{s} j f_j g_{s−j}`, on the grid up to `gridMax`.
    static func aggregate() -> [Double] {
        let m = Int(gridMax / grid)
        var f = [Double](repeating: 0, count: m + 1)
        for k in 0...m {
            let lo = k == 0 ? 0 : severityCDF((Double(k) - 0.5) * grid)
            f[k] = severityCDF((Double(k) + 0.5) * grid) - lo
        }
        var g = [Double](repeating: 0, count: m + 1)
        g[0] = exp(-lambda * (1 - f[0]))
        for s in 1...m {
            var acc = 0.0
            for j in 1...s { acc += Double(j) * f[j] * g[s - j] }
            g[s] = lambda / Double(s) * acc
        }
        return g
    }

    /// The `q` quantile and the mean of the top `1 − q` of the discrete law `g` on the grid (× output).
    static func quantileAndTail(_ g: [Double], _ q: Double) -> (Double, Double) {
        var cdf = 0.0, k = 0
        while k < g.count - 1 && cdf + g[k] < q { cdf += g[k]; k += 1 }
        // The top 1 − q of the mass: part of cell k, then everything above.
        var tailMass = cdf + g[k] - q, tailSum = tailMass * Double(k) * grid
        for j in (k + 1)..<g.count { tailMass += g[j]; tailSum += g[j] * Double(j) * grid }
        return (output * Double(k) * grid, output * tailSum / tailMass)
    }

    static func rows(_ s: Scenario) throws -> [(t: Double, aep: Double, aepSE: Double, aepTVaR: Double, aepTVaRSE: Double,
                                                 oep: Double, oepSE: Double, resolved: Bool)] {
        let acc = try ScenarioFixtures.run(s, threads: 2)
        let tail = try #require(acc.tail)
        let a = ReturnPeriod.table(tail.annual(.aggregateLoss, year: 0))
        let o = ReturnPeriod.table(tail.annual(.largestEventLoss, year: 0))
        return zip(a, o).map { ($0.years, $0.level, $0.levelSE, $0.tailMean, $0.tailMeanSE, $1.level, $1.levelSE, $0.resolved) }
    }

    @Test("a catalogue class: OEP equals 100·F⁻¹(1 + ln(1 − 1/T)/λ), AEP and its TVaR match Panjer's recursion, OEP ≤ AEP")
    func eventClass() throws {
        let g = Self.aggregate()
        for r in try Self.rows(Self.scenario(asEvents: true)) where r.resolved {
            let (aep, tvar) = Self.quantileAndTail(g, 1 - 1 / r.t)
            let tolerance = 4 * r.aepSE + aep / 257 + Self.output * Self.grid
            #expect(abs(r.aep - aep) <= tolerance, "1-in-\(r.t) AEP \(r.aep) vs Panjer \(aep) ± \(tolerance)")
            let tvarTolerance = 4 * r.aepTVaRSE + tvar / 257 + Self.output * Self.grid
            #expect(abs(r.aepTVaR - tvar) <= tvarTolerance, "1-in-\(r.t) TVaR \(r.aepTVaR) vs \(tvar) ± \(tvarTolerance)")
            let argument = 1 + log(1 - 1 / r.t) / Self.lambda
            let oep = argument > 0 ? Self.output * min(1, Self.severityQuantile(argument)) : 0
            let oepTolerance = 4 * r.oepSE + oep / 257 + 1e-12
            #expect(abs(r.oep - oep) <= oepTolerance, "1-in-\(r.t) OEP \(r.oep) vs closed form \(oep) ± \(oepTolerance)")
            #expect(r.oep <= r.aep)
        }
    }

    @Test("the same losses as sector attacks: the same AEP (Panjer), and no OEP (attacks are attritional)")
    func attacks() throws {
        let g = Self.aggregate()
        let rows = try Self.rows(Self.scenario(asEvents: false))
        #expect(rows.filter(\.resolved).count >= 8)
        for r in rows where r.resolved {
            let (aep, _) = Self.quantileAndTail(g, 1 - 1 / r.t)
            let tolerance = 4 * r.aepSE + aep / 257 + Self.output * Self.grid
            #expect(abs(r.aep - aep) <= tolerance, "1-in-\(r.t) AEP \(r.aep) vs Panjer \(aep) ± \(tolerance)")
            #expect(r.oep == 0)
        }
    }
}
