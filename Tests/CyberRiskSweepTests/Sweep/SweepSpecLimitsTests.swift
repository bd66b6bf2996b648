import Testing
@testable import CyberRisk
@testable import CyberRiskSweep

/// The sweep spec's documented limits (docs/reliability.md): at most 512 Sobol' parameters and
/// 100,000 points, refused by ``SweepSpec/validate()`` before anything is planned.
@Suite struct SweepSpecLimitsTests {
    static func spec(design: SweepDesign, parameters k: Int, samples: Int) throws -> SweepSpec {
        var spec = SweepSpec()
        spec.design = design
        spec.samples = samples
        spec.parameters = try (0..<k).map { SweepParameter(path: try ConfigPath(parsing: "p\($0)"), domain: .range(0, 1)) }
        return spec
    }

    func message(_ spec: SweepSpec) -> String {
        do {
            try spec.validate()
            return ""
        } catch {
            return "\(error)"
        }
    }

    @Test func sobolParametersAreLimitedTo512() throws {
        #expect(message(try Self.spec(design: .sobol, parameters: 512, samples: 8)) == "")
        #expect(message(try Self.spec(design: .sobol, parameters: 513, samples: 8))
            .contains("sobol supports at most 512 parameters, found 513"))
    }

    @Test func pointsAreLimitedTo100000() throws {
        #expect(message(try Self.spec(design: .lhs, parameters: 2, samples: 100_000)) == "")
        #expect(message(try Self.spec(design: .lhs, parameters: 2, samples: 100_001))
            .contains("the design has 100001 points; at most 100000 are allowed"))
    }
}
