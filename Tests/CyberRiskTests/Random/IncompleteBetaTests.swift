import Foundation
import StatisticalTesting
import Testing
@_spi(Engine) @testable import CyberRisk

@Suite struct IncompleteBetaTests {
    @Test("closed forms: I_x(1, b) = 1 − (1 − x)^b, I_x(a, 1) = x^a, I_x(2, 3) = 6x²−8x³+3x⁴ (x = ½: 0.6875); symmetry I_x(a, b) = 1 − I_{1−x}(b, a)")
    func closedForms() {
        for x in [1e-6, 0.01, 0.3, 0.5, 0.9, 0.999] {
            #expect(abs(IncompleteBeta.regularized(a: 1, b: 7, x: x) - (1 - pow(1 - x, 7))) < 1e-13)
            #expect(abs(IncompleteBeta.regularized(a: 0.3, b: 1, x: x) - pow(x, 0.3)) < 1e-13)
            let closed = 6 * x * x - 8 * x * x * x + 3 * x * x * x * x
            #expect(abs(IncompleteBeta.regularized(a: 2, b: 3, x: x) - closed) < 1e-13)
            let a = 0.08, b = 400.0
            #expect(abs(IncompleteBeta.regularized(a: a, b: b, x: x) + IncompleteBeta.regularized(a: b, b: a, x: 1 - x) - 1) < 1e-11)
        }
        #expect(IncompleteBeta.regularized(a: 2, b: 3, x: 0.5) == 0.6875)
        #expect(IncompleteBeta.regularized(a: 2, b: 3, x: 0) == 0)
        #expect(IncompleteBeta.regularized(a: 2, b: 3, x: 1) == 1)
        #expect(IncompleteBeta.regularized(a: 0, b: 3, x: 0.5).isNaN)
    }

    @Test("the attack-severity regime agrees with the test suite's reference to 1e−12", arguments: [0.08, 0.8, 1.5])
    func severityRegime(alpha: Double) {
        for x in [1e-6, 1e-4, 1e-3, 0.01, 0.05] {
            let mine = IncompleteBeta.regularized(a: alpha, b: 400, x: x)
            #expect(abs(mine - ReferenceCDF.betaI(alpha, 400, x)) < 1e-12)
        }
    }
}
