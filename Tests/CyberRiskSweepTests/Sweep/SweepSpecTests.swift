import Testing
@testable import CyberRisk
@testable import CyberRiskSweep

/// `--vary` and spec-file values that are not numbers say which element is at fault.
@Suite struct SweepSpecTests {
    func message(_ vary: String) -> String {
        do {
            _ = try SweepSpec.parameters(parsing: [vary], source: "--vary")
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    @Test func theElementThatIsNotANumberIsNamed() {
        #expect(message("name=a,b").contains("value 1 of 2, 'a', is not a number (a sweep varies numeric fields only)"))
        #expect(message("scenario.iot.devices_bn.rate=0.1,x,0.3").contains("value 2 of 3, 'x', is not a number"))
        #expect(message("scenario.iot.devices_bn.rate=0.1,,0.3").contains("value 2 of 3 is empty"))
        #expect(message("scenario.iot.devices_bn.rate=0.1,inf").contains("value 2 of 2, 'inf', is not a finite number"))
        #expect(message("scenario.iot.devices_bn.rate=x").contains("the only value, 'x', is not a number"))
        #expect(message("scenario.iot.devices_bn.rate=").contains("no values after '='"))
        #expect(message("scenario.iot.devices_bn.rate=  ").contains("no values after '='"))
        #expect(message("scenario.iot.devices_bn.rate=0.1,0.2") == "accepted")
    }

    @Test func specFilesSayTheSame() {
        let text = "parameters:\n  scenario.iot.devices_bn.rate: {values: [0.1, fast]}\n"
        do {
            _ = try SweepSpec(parsing: Array(text.utf8), file: "s.yaml")
            Issue.record("accepted")
        } catch {
            #expect("\(error)".contains("s.yaml:2: parameters.scenario.iot.devices_bn.rate.values: expected a list of finite numbers: value 2 of 2, 'fast', is not a number"), "\(error)")
        }
    }
}
