import Foundation
import Synchronization
import Testing
@testable import CyberRisk
@testable import CyberRiskSweep

@Suite struct SensitivityAnalysisTests {
    static let ranges: [(String, Double, Double)] = [
        ("scenario.defense.vulnerability_decline", 0, 0.08),
        ("scenario.iot.devices_bn.rate", 0.1, 0.3),
        ("scenario.neural.users.rate", 0.3, 0.8),
    ]

    /// A Saltelli plan over the embedded baseline, `n` base rows, `trials` per point, with
    /// `overrides` applied to the base.
    func plan(baseRows n: Int, trials: Int, overrides: [String] = []) throws -> SweepPlan {
        var spec = SweepSpec()
        spec.overrides = overrides
        spec.design = .saltelli
        spec.samples = n
        spec.trials = trials
        spec.parameters = try Self.ranges.map { SweepParameter(path: try ConfigPath(parsing: $0.0), domain: .range($0.1, $0.2)) }
        return try SweepPlan(spec: spec, threads: 2)
    }

    /// Records whose "y" mean is a known function of the points' unit coordinates (plus the
    /// year), with `se` = 0.01, and whose "flat" metric never varies.
    func syntheticRecords(_ plan: SweepPlan, _ f: ([Double]) -> Double) -> [SweepRecord] {
        plan.points.map { p in
            let u = zip(p.values, Self.ranges).map { ($0 - $1.1) / ($1.2 - $1.1) }
            func row(_ mean: Double) -> SweepRecord.Row {
                SweepRecord.Row(trials: 100, mean: mean, sd: 0.1, se: 0.01, p05: 0, p50: 0, p95: 0, p99: 0, es95: 0)
            }
            return SweepRecord(point: p, scenario: "synthetic", years: [2030, 2031], metrics: ["y", "flat"],
                               rows: [row(f(u)), row(7), row(f(u) + 1), row(7)], seconds: 0)
        }
    }

    /// The analysis maps the interleaved points back to `A`, `B` and `A_B⁽ⁱ⁾`: its indices equal
    /// those computed straight from the design's matrices.
    @Test func indicesMatchTheDesignMatricesAndSeriesAreSeparate() throws {
        let plan = try plan(baseRows: 64, trials: 1)
        #expect(plan.points.count == 64 * 5)
        let f: ([Double]) -> Double = { u in u[0] + 2 * u[1] + u[0] * u[2] }
        let header = SweepJournal.Header(plan: plan, shard: .whole)
        let analysis = try SensitivityAnalysis(header: header, records: syntheticRecords(plan, f).shuffled(), resamples: 50)
        let design = SaltelliDesign(inputs: 3, baseRows: 64)
        let direct = SobolIndices(fA: design.a.map(f), fB: design.b.map(f), fAB: design.ab.map { $0.map(f) },
                                  resamples: 50, seed: header.seed, site: 0)
        let y2030 = try #require(analysis.series(metric: "y", year: 2030))
        for i in 0..<3 {
            #expect(abs(y2030.indices.firstOrder[i].value - direct.firstOrder[i].value) < 1e-12)
            #expect(abs(y2030.indices.total[i].value - direct.total[i].value) < 1e-12)
        }
        #expect(y2030.indices.firstOrder[0].low == direct.firstOrder[0].low)
        // A shift by a constant changes nothing but the bootstrap stream (site).
        let y2031 = try #require(analysis.series(metric: "y", year: 2031))
        #expect(abs(y2031.indices.total[1].value - y2030.indices.total[1].value) < 1e-9)
        #expect(abs(y2030.noiseVariance - 1e-4) < 1e-15)
        #expect(abs(y2030.noiseShare - 1e-4 / y2030.variance) < 1e-15)
        // x3 acts only through its interaction with x1: S1 ≈ 0 < ST.
        #expect(y2030.indices.total[2].value > 0.02)
        // Variance shares: x2 (coefficient 2) > x1 (1 + x3/2 on average) > x3.
        #expect(analysis.ranked(metric: "y").map(\.parameter) == [1, 0, 2].map { Self.ranges[$0].0 })
        // An output that does not vary has no indices.
        let flat = try #require(analysis.series(metric: "flat"))
        #expect(flat.indices.firstOrder.allSatisfy { $0.value.isNaN && $0.low.isNaN } && flat.indices.total.allSatisfy { $0.value.isNaN })
        let csv = analysis.csv.split(separator: "\n")
        #expect(csv.count == 1 + 2 * 2 * 3)
        #expect(csv[1].hasPrefix("2030,y,scenario.defense.vulnerability_decline,"))
        #expect(csv[4] == "2030,flat,scenario.defense.vulnerability_decline,NaN,NaN,NaN,NaN,NaN,NaN")
        // Threads do not change a byte.
        let again = try SensitivityAnalysis(header: header, records: syntheticRecords(plan, f), resamples: 50, threads: 3)
        #expect(again.csv == analysis.csv)
    }

    @Test func refusesOtherDesignsAndIncompleteRuns() throws {
        let plan = try plan(baseRows: 4, trials: 1)
        let header = SweepJournal.Header(plan: plan, shard: .whole)
        let records = syntheticRecords(plan) { $0[0] }
        #expect(throws: SweepJournalError.self) {
            try SensitivityAnalysis(header: header, records: Array(records.dropLast()))
        }
        var lhs = header
        lhs.design = "lhs"
        #expect(throws: SweepJournalError("not a sensitivity analysis: the sweep's design is lhs, not saltelli")) {
            try SensitivityAnalysis(header: lhs, records: records)
        }
    }

    @Test func layoutAndBaseRows() {
        #expect(SaltelliDesign.Matrix(point: 0, inputs: 3) == .a)
        #expect(SaltelliDesign.Matrix(point: 6, inputs: 3) == .b)
        #expect(SaltelliDesign.Matrix(point: 9, inputs: 3) == .ab(2))
        #expect(SaltelliDesign.pointCount(inputs: 3, baseRows: 8) == 40)
        #expect(SaltelliDesign.pointCount(inputs: 3, baseRows: Int.max / 2) == nil)
        #expect([1, 2, 3, 5, 64, 65, 100_000].map(SaltelliDesign.baseRows(forSamples:)) == [2, 2, 4, 8, 64, 128, 131_072])
        let d = SaltelliDesign(inputs: 2, baseRows: 4)
        let points = d.points
        #expect(points.count == 16)
        #expect(points[4] == d.a[1] && points[5] == d.b[1] && points[7] == d.ab[1][1])
    }

    /// The default scenario's indices are sane (issue 7): every index within [−0.05, 1.05] up
    /// to its interval, ST ≥ S1 − the S1 interval's width, ΣS1 ≤ 1 + the intervals' half-widths —
    /// in every series whose variance is mostly the parameters' (inner-noise share ≤ 25%; in the
    /// first years, before the parameters have acted, the indices are noise by construction, and
    /// `sensitivity_noise.csv` says so). And the ranking is informative: defence (vulnerability
    /// decline) drives 2035 national risk more than neural-implant adoption does.
    ///
    /// The run leaves out the systemic event catalogue (`events=[]`): of the three swept
    /// parameters only the IoT growth rate reaches it (the botnet class's frequency), and its
    /// heavy-tailed years put the inner-noise share of a 64-trial point above 25% in all but one
    /// year (measured), so with it this test would check noise, not the indices.
    /// A sensitivity run of the full baseline wants far more trials per point (docs/events.md).
    @Test func defaultScenarioIndicesAreSane() throws {
        let plan = try plan(baseRows: 16, trials: 64, overrides: ["events=[]"])
        let records = Mutex<[SweepRecord]>([])
        try SweepRunner(plan: plan).run(points: plan.points, threads: 2) { r, _ in records.withLock { $0.append(r) } }
        let analysis = try SensitivityAnalysis(header: SweepJournal.Header(plan: plan, shard: .whole),
                                               records: records.withLock { $0 }, resamples: 500, threads: 2)
        for metric in ["national_risk", "human_risk", "economic_loss_usd_bn"] {
            let meaningful = analysis.years.compactMap { analysis.series(metric: metric, year: $0) }.filter { $0.noiseShare <= 0.25 }
            #expect(meaningful.count >= 7, "\(metric): only \(meaningful.count) years with inner-noise share ≤ 25%")
            for s in meaningful {
                let year = s.year
                var sumS1 = 0.0, halfWidths = 0.0
                for i in 0..<3 {
                    let (s1, st) = (s.indices.firstOrder[i], s.indices.total[i])
                    for e in [s1, st] {
                        #expect(e.low <= 1.05 && e.high >= -0.05, "\(metric) \(year) \(i): \(e)")
                    }
                    #expect(st.value >= s1.value - (s1.high - s1.low), "\(metric) \(year) \(i): S1 \(s1) ST \(st)")
                    sumS1 += s1.value
                    halfWidths += (s1.high - s1.low) / 2
                }
                #expect(sumS1 <= 1 + halfWidths, "\(metric) \(year): ΣS1 = \(sumS1)")
            }
        }
        let ranked = analysis.ranked(metric: "national_risk")
        #expect(ranked.first?.parameter == "scenario.defense.vulnerability_decline")
        let neural = try #require(ranked.first { $0.parameter == "scenario.neural.users.rate" })
        #expect(ranked[0].total.low > neural.total.high, "\(ranked)")
    }
}
