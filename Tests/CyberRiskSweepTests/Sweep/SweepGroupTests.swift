import Foundation
import Testing
@testable import CyberRisk
@testable import CyberRiskSweep

@Suite struct SweepGroupTests {
    static let spec = """
        base_scenario: baseline
        trials: 8
        samples: 8
        tail: true
        parameters:
          scenario.iot.devices_bn.rate: {range: [0.1, 0.3]}
          dependencies.cyber_coupling: {range: [0.2, 0.9]}
          scenario.iot.devices_bn.ceiling: {log_range: [50, 120]}
          scenario.defense.vulnerability_decline: {range: [0, 0.08]}
        groups:
          iot_growth: [scenario.iot.devices_bn.rate, scenario.iot.devices_bn.ceiling]
        """

    func parse(_ text: String) throws -> SweepSpec {
        try SweepSpec(parsing: Array(text.utf8), file: "budget.yaml", design: .saltelli)
    }

    /// The problems a spec's groups are refused for, as `file:line: path: reason` lines.
    func problems(_ groups: String) -> String {
        let text = Self.spec.replacingOccurrences(of: "groups:\n  iot_growth: [scenario.iot.devices_bn.rate, scenario.iot.devices_bn.ceiling]",
                                                  with: groups)
        do {
            _ = try parse(text)
            return "accepted"
        } catch let error as ConfigError {
            return error.description
        } catch {
            return "\(error)"
        }
    }

    @Test func groupsAreInputsInOrderOfFirstAppearance() throws {
        let spec = try parse(Self.spec)
        #expect(spec.tailOutputs)
        #expect(spec.factors.map(\.name) == ["iot_growth", "dependencies.cyber_coupling", "scenario.defense.vulnerability_decline"])
        #expect(spec.factors[0].parameters == [0, 2])
        #expect(spec.pointCount == 8 * (3 + 2))
    }

    /// Every parameter of a group sits at its group's unit coordinate; `A_B⁽ᵍ⁾` takes exactly the
    /// group's parameters from `B`.
    @Test func aGroupMovesTogetherInTheDesign() throws {
        let plan = try SweepPlan(spec: try parse(Self.spec))
        #expect(plan.points.count == 40)
        func unit(_ p: SweepPoint) -> [Double] {
            [(p.values[0] - 0.1) / 0.2, (p.values[1] - 0.2) / 0.7, log(p.values[2] / 50) / log(120.0 / 50),
             p.values[3] / 0.08]
        }
        for j in 0..<8 {
            let a = unit(plan.points[j * 5]), b = unit(plan.points[j * 5 + 1])
            #expect(abs(a[0] - a[2]) < 1e-12 && abs(b[0] - b[2]) < 1e-12)
            let abIoT = unit(plan.points[j * 5 + 2]), abCoupling = unit(plan.points[j * 5 + 3])
            #expect(abs(abIoT[0] - b[0]) < 1e-12 && abs(abIoT[2] - b[2]) < 1e-12 && abIoT[1] == a[1] && abIoT[3] == a[3])
            #expect(abs(abCoupling[1] - b[1]) < 1e-12 && abCoupling[0] == a[0] && abCoupling[2] == a[2])
        }
        // The groups are part of the plan's hash; a spec without them keeps its old hash.
        let ungrouped = try SweepPlan(spec: try parse(Self.spec.replacingOccurrences(
            of: "groups:\n  iot_growth: [scenario.iot.devices_bn.rate, scenario.iot.devices_bn.ceiling]", with: "")))
        #expect(ungrouped.hash != plan.hash)
        #expect(!ungrouped.canonicalText.contains("group:"))
    }

    /// A grouped journal header (format 2) reads back with its inputs; an ungrouped one stays format 1.
    @Test func theJournalKeepsTheGroups() throws {
        let plan = try SweepPlan(spec: try parse(Self.spec))
        let header = SweepJournal.Header(plan: plan, shard: .whole)
        #expect(header.factorNames == ["iot_growth", "dependencies.cyber_coupling", "scenario.defense.vulnerability_decline"])
        #expect(header.factorOfParameter == [0, 1, 0, 2])
        var w = ByteWriter()
        header.write(to: &w)
        #expect(w.bytes.prefix(8) == [2, 0, 0, 0, 0, 0, 0, 0])
        var r = ByteReader(w.bytes)
        #expect(try SweepJournal.Header(from: &r) == header)
        var one = ByteWriter()
        var ungrouped = header
        ungrouped.factorNames = header.parameterPaths
        ungrouped.factorOfParameter = [0, 1, 2, 3]
        ungrouped.write(to: &one)
        #expect(one.bytes.prefix(8) == [1, 0, 0, 0, 0, 0, 0, 0])
        // The manifest names each parameter's group (the report lists the groups from it).
        #expect(SweepManifest.parameters(header).compactMap { $0["group"] as? String }
                == ["iot_growth", "dependencies.cyber_coupling", "iot_growth", "scenario.defense.vulnerability_decline"])
        #expect(SweepManifest.parameters(ungrouped).allSatisfy { $0["group"] == nil })
    }

    /// The analysis has one index per input; a function of the group's coordinate alone puts the
    /// whole variance on the group.
    @Test func indicesArePerGroup() throws {
        let plan = try SweepPlan(spec: try parse(Self.spec.replacingOccurrences(of: "samples: 8", with: "samples: 64")))
        let records = plan.points.map { p in
            let u = (p.values[0] - 0.1) / 0.2
            let row = SweepRecord.Row(trials: 1, mean: u * u, sd: 0, se: 0, p05: 0, p50: 0, p95: 0, p99: 0, es95: 0)
            return SweepRecord(point: p, scenario: "synthetic", years: [2035], metrics: ["y"], rows: [row], seconds: 0)
        }
        let analysis = try SensitivityAnalysis(header: SweepJournal.Header(plan: plan, shard: .whole), records: records,
                                               resamples: 20)
        #expect(analysis.parameters == ["iot_growth", "dependencies.cyber_coupling", "scenario.defense.vulnerability_decline"])
        #expect(analysis.members[0] == ["scenario.iot.devices_bn.rate", "scenario.iot.devices_bn.ceiling"])
        let s = try #require(analysis.series(metric: "y"))
        // At N = 64 the estimators' own error is ~1/√N: the group's indices near 1, the others exactly 0.
        #expect(abs(s.indices.total[0].value - 1) < 0.2 && abs(s.indices.firstOrder[0].value - 1) < 0.2)
        #expect(s.indices.total[1].value == 0 && s.indices.total[2].value == 0)
    }

    @Test func badGroupsAreRefusedNamingTheFieldAndReason() {
        #expect(problems("groups:\n  iot: [scenario.iot.devices_bn.rat]").contains(
            "budget.yaml:11: groups.iot: unknown parameter 'scenario.iot.devices_bn.rat': a group's members must be parameters of parameters:"))
        #expect(problems("groups:\n  a: [dependencies.cyber_coupling]\n  b: [dependencies.cyber_coupling]").contains(
            "groups.b: parameter dependencies.cyber_coupling is already in group a; a parameter belongs to one group"))
        #expect(problems("groups:\n  a: []").contains("groups.a: empty group"))
        #expect(problems("groups:\n  a: [dependencies.cyber_coupling, dependencies.cyber_coupling]").contains(
            "groups.a: parameter dependencies.cyber_coupling listed twice"))
        #expect(problems("groups:\n  Big-Name: [dependencies.cyber_coupling]").contains("groups.Big-Name: a group name is lower-case"))
        #expect(problems("groups: [a, b]").contains("groups: expected a mapping of group names"))
        #expect(problems("groups:\n  a: 3").contains("groups.a: expected a list of parameter paths"))
        #expect(problems("groups:\n  all: [scenario.iot.devices_bn.rate, dependencies.cyber_coupling, scenario.iot.devices_bn.ceiling, "
                         + "scenario.defense.vulnerability_decline]").contains("at least 2 inputs (groups and ungrouped parameters), found 1"))
        do {
            _ = try parse(Self.spec.replacingOccurrences(of: "tail: true", with: "tail: yes"))
            Issue.record("tail: yes accepted")
        } catch {
            #expect("\(error)".contains("budget.yaml:4: tail: expected true or false"))
        }
        // Groups belong to sensitivity analyses and tornadoes.
        #expect(throws: Never.self) { try SweepSpec(parsing: Array(Self.spec.utf8), file: "budget.yaml", design: .tornado) }
        #expect(throws: ConfigError.self) {
            try SweepSpec(parsing: Array(Self.spec.replacingOccurrences(of: "samples: 8", with: "samples: 8\ndesign: lhs").utf8),
                          file: "budget.yaml")
        }
    }
}
