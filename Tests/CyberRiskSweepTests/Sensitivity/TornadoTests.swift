import Foundation
import Testing
@testable import CyberRisk
@testable import CyberRiskSweep

@Suite struct TornadoTests {
    func plan(seed: UInt64? = nil, trials: Int = 1024) throws -> SweepPlan {
        var spec = SweepSpec()
        spec.design = .tornado
        spec.trials = trials
        spec.seed = seed
        spec.overrides = ["horizon_years=2"]
        spec.parameters = [
            SweepParameter(path: try ConfigPath(parsing: "scenario.defense.vulnerability_decline"), domain: .range(0, 0.08)),
            SweepParameter(path: try ConfigPath(parsing: "sectors.energy.threat.attacks_per_year"), domain: .logRange(10, 1000)),
        ]
        return try SweepPlan(spec: spec, threads: 2)
    }

    /// Point 0 is the base; then each parameter alone at its low and high end, every point on the
    /// base's seed, the other parameters left as the base has them (a distribution stays one).
    @Test func pointsSwingOneParameterOnOneSeed() throws {
        let p = try plan()
        #expect(p.points.count == TornadoDesign.pointCount(parameters: 2))
        #expect(Set(p.points.map(\.seed)) == [p.base.scenario.seed])
        let energy = p.base.scenario.sectors.firstIndex { $0.id == "energy" }!
        let baseAttacks = p.base.scenario.sectors[energy].threat.attacksPerYear
        #expect(baseAttacks.isUncertain)
        #expect(p.points[0].values == [0.03, baseAttacks.mean])
        #expect(p.points.map { $0.values[0] } == [0.03, 0, 0.08, 0.03, 0.03])
        #expect(p.points.map { $0.values[1] } == [baseAttacks.mean, baseAttacks.mean, baseAttacks.mean, 10, 1000])
        #expect(p.scenario(at: 0) == p.base.scenario)
        #expect(p.scenario(at: 1).sectors[energy].threat.attacksPerYear == baseAttacks)     // not set to its mean
        #expect(p.scenario(at: 1).defense.vulnerabilityDecline == .fixed(0))
        #expect(p.scenario(at: 4).sectors[energy].threat.attacksPerYear == .fixed(1000))
        #expect(p.scenario(at: 4).defense.vulnerabilityDecline == p.base.scenario.defense.vulnerabilityDecline)
        #expect(TornadoDesign.swing(ofPoint: 0) == nil)
        #expect(TornadoDesign.swing(ofPoint: 3)! == (parameter: 1, high: false))
        #expect(try plan(seed: 99).points.allSatisfy { $0.seed == 99 })
    }

    /// tornado.csv: swings of the means, bars by |swing|, the base column the base value.
    @Test func analysisOrdersBarsBySwing() throws {
        let p = try plan()
        let header = SweepJournal.Header(plan: p, shard: .whole)
        let records = p.points.map { point -> SweepRecord in
            // national: decline swings by 0.4, attacks by −0.8 (in 2027; 2026 has no swing).
            let effect = [0.0, -0.2, 0.2, 0.4, -0.4][point.index]
            func row(_ m: Double) -> SweepRecord.Row { SweepRecord.Row(trials: 1, mean: m, sd: 0, se: 0, p05: 0, p50: 0, p95: 0, p99: 0, es95: 0) }
            return SweepRecord(point: point, scenario: "b", years: [2026, 2027], metrics: ["national_risk"],
                               rows: [row(1), row(1 + effect)], seconds: 0)
        }
        let a = try TornadoAnalysis(header: header, records: records.reversed())
        let bars = a.bars[1]
        #expect(bars.map(\.parameter) == ["sectors.energy.threat.attacks_per_year", "scenario.defense.vulnerability_decline"])
        #expect(bars[0].swing == (1 - 0.4) - (1 + 0.4) && bars[1].swing == (1 + 0.2) - (1 - 0.2))
        #expect(a.bars[0].map(\.parameter) == p.parameterPaths)    // no swing: spec order
        let csv = a.csv.split(separator: "\n")
        #expect(csv[0] == "parameter,low,base,high,year,metric,value_low,value_base,value_high,swing")
        #expect(csv.count == 1 + 2 * 2)
        #expect(csv[3].hasPrefix("sectors.energy.threat.attacks_per_year,10.0,"))
        #expect(throws: SweepJournalError.self) { try TornadoAnalysis(header: header, records: Array(records.dropLast())) }
    }

    /// A group swings as one input: its members together, each to the end of its own range; its
    /// row of tornado.csv is named by the group and has NaN ends (each member has its own).
    @Test func groupsSwingTheirMembersTogether() throws {
        let spec = try SweepSpec(parsing: Array("""
            base_scenario: baseline
            trials: 64
            set: [horizon_years=2]
            parameters:
              scenario.iot.devices_bn.rate: {range: [0.1, 0.3]}
              dependencies.cyber_coupling: {range: [0.2, 0.9]}
              scenario.iot.devices_bn.ceiling: {log_range: [50, 120]}
            groups:
              iot_growth: [scenario.iot.devices_bn.rate, scenario.iot.devices_bn.ceiling]
            """.utf8), file: "t.yaml", design: .tornado)
        #expect(spec.pointCount == 5)
        let p = try SweepPlan(spec: spec, threads: 2)
        #expect(p.points.count == 5)
        let base = p.points[0].values
        // Input 0 is the group (first appearance), input 1 the coupling.
        #expect(p.points[1].values == [0.1, base[1], 50])
        #expect(p.points[2].values == [0.3, base[1], 120])
        #expect(p.points[3].values == [base[0], 0.2, base[2]])
        #expect(p.points[4].values == [base[0], 0.9, base[2]])
        #expect(p.scenario(at: 2).iot.devices.ceiling == .fixed(120) && p.scenario(at: 2).iot.devices.rate == .fixed(0.3))
        #expect(p.scenario(at: 2).dependencies.cyberCoupling == p.base.scenario.dependencies.cyberCoupling)
        #expect(p.scenario(at: 3).iot.devices == p.base.scenario.iot.devices)

        let header = SweepJournal.Header(plan: p, shard: .whole)
        let records = p.points.map { point -> SweepRecord in
            let row = SweepRecord.Row(trials: 1, mean: Double(point.index), sd: 0, se: 0, p05: 0, p50: 0, p95: 0, p99: 0, es95: 0)
            return SweepRecord(point: point, scenario: "b", years: [2026], metrics: ["national_risk"], rows: [row], seconds: 0)
        }
        let a = try TornadoAnalysis(header: header, records: records)
        #expect(a.bars[0].map(\.parameter) == ["iot_growth", "dependencies.cyber_coupling"])
        #expect(a.bars[0][0].swing == 1 && a.bars[0][0].low.isNaN && a.bars[0][0].high.isNaN)
        #expect(a.bars[0][1].low == 0.2 && a.bars[0][1].high == 0.9)
        #expect(a.csv.split(separator: "\n")[1].hasPrefix("iot_growth,NaN,NaN,NaN,2026,national_risk,1.0,0.0,2.0,1.0"))
    }

    @Test func valuesAreRefusedAndStepsDoNotCount() throws {
        var spec = SweepSpec()
        spec.design = .tornado
        spec.parameters = [SweepParameter(path: try ConfigPath(parsing: "scenario.defense.vulnerability_decline"), domain: .values([0, 1]))]
        #expect(throws: ConfigError.self) { try spec.validate() }
        spec.parameters = [SweepParameter(path: try ConfigPath(parsing: "scenario.defense.vulnerability_decline"),
                                          domain: .range(0, 0.1), steps: 7)]
        try spec.validate()
        #expect(spec.pointCount == 3)
    }
}
