import Foundation
import StatisticalTesting
import Testing
@_spi(Engine) @testable import CyberRisk

@Suite struct NormalTests {
    @Test("quantile matches known values to 1e-14 relative")
    func quantileKnownValues() {
        // Φ⁻¹ values computed with mpmath at 40 digits.
        let cases: [(p: Double, z: Double)] = [
            (0.5, 0), (0.975, 1.959963984540054), (0.025, -1.959963984540054),
            (0.84134474606854293, 1.0), (1e-10, -6.361340902404056),
            (1e-300, -37.04709629936120), (0.02425, -1.972961051311885),
        ]
        for c in cases {
            let z = Normal.quantile(c.p)
            #expect(abs(z - c.z) <= 1e-14 * max(1, abs(c.z)), "p = \(c.p): \(z) vs \(c.z)")
        }
        #expect(Normal.quantile(0) == -.infinity)
        #expect(Normal.quantile(1) == .infinity)
        #expect(Normal.quantile(-0.1).isNaN)
    }

    @Test("quantile inverts cdf: Φ(Φ⁻¹(p)) = p to within Φ's conditioning, p from 1e-300 to ½")
    func roundTrip() {
        var p = 1e-300
        while p < 0.5 {
            let z = Normal.quantile(p)
            // Φ's condition number at z is |z|φ(z)/Φ(z) ≤ 1 + z², so a correctly rounded z
            // (error ½ ulp) already moves Φ by (1 + z²)·ε/2 relative; allow 8 ulp of slack for
            // erfc and the rounding of z.
            let tolerance = 8 * Double.ulpOfOne * (1 + z * z) * p
            #expect(abs(Normal.cdf(z) - p) <= tolerance, "p = \(p)")
            p *= 3.7
        }
    }

    @Test("sample(mean: 10, sd: 2): moments and KS")
    func sampleFit() {
        let xs = GoodnessOfFit.draws(seed: 201) { Normal.sample(mean: 10, sd: 2, using: &$0) }
        GoodnessOfFit.expectMoments(xs, mean: 10, variance: 4, kurtosis: 3)
        GoodnessOfFit.expectFit(xs) { ReferenceCDF.normal(($0 - 10) / 2) }
    }
}
