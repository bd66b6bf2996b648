import Foundation
import Testing
@testable import CyberRisk
@testable import CyberRiskSweep

/// `manifest.json` of a sweep folder: what the report reads back (its parameters' declared domains).
@Suite struct SweepManifestTests {
    @Test func theManifestCarriesEachParametersDomain() throws {
        let spec = try SweepSpec(parsing: Array("""
            trials: 10
            parameters:
              scenario.iot.devices_bn.rate: {range: [0.3, 0.5], steps: 3}
              scenario.neural.users.ceiling: {log_range: [1e4, 1e7], steps: 2}
              scenario.defense.vulnerability_decline: {values: [0, 0.05]}
            """.utf8), file: "s.yaml")
        let plan = try SweepPlan(spec: spec)
        let parameters = SweepManifest.parameters(SweepJournal.Header(plan: plan, shard: .whole))
        #expect(parameters.count == 3)
        #expect((parameters[0]["domain"] as? [String: Any])?["range"] as? [Double] == [0.3, 0.5])
        #expect((parameters[0]["domain"] as? [String: Any])?["steps"] as? Int == 3)
        #expect((parameters[1]["domain"] as? [String: Any])?["log_range"] as? [Double] == [1e4, 1e7])
        #expect((parameters[2]["domain"] as? [String: Any])?["values"] as? [Double] == [0, 0.05])
        #expect(parameters[1]["scale"] as? String == "log")
    }
}
