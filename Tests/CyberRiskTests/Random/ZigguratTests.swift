import Foundation
import StatisticalTesting
import Testing
@_spi(Engine) @testable import CyberRisk

@Suite struct NormalZigguratTests {
    @Test("the 256 layers have equal area to 1e-12 relative (the method's exactness condition)")
    func equalAreas() {
        ZigguratTableChecks.expectEqualAreas(NormalZiggurat.table)
    }

    @Test("tail and wedges: P(|Z| > r) within 4 binomial sd; KS of |Z| given |Z| > 2 against the normal tail")
    func tailAndWedges() {
        // 2e6 draws along one stream each of 2e3 trials: ~520 beyond r = 3.654 and ~91,000 beyond 2.
        var beyondR = 0.0
        var beyond2: [Double] = []
        let n = 2_000_000
        for trial in 0..<2000 {
            var rng = RandomStream(seed: 103, trial: UInt64(trial), stream: 0, site: 0)
            for _ in 0..<(n / 2000) {
                let z = abs(NormalZiggurat.sample(using: &rng))
                if z > NormalZiggurat.tailStart { beyondR += 1 }
                if z > 2 { beyond2.append(z) }
            }
        }
        let p = 2 * ReferenceCDF.normal(-NormalZiggurat.tailStart)
        let count = Double(n)
        #expect(abs(beyondR - count * p) <= 4 * (count * p * (1 - p)).squareRoot(), "\(beyondR) vs \(count * p)")
        let q2 = ReferenceCDF.normal(-2)
        GoodnessOfFit.expectFit(beyond2) { 1 - ReferenceCDF.normal(-$0) / q2 }
    }
}

@Suite struct ExponentialZigguratTests {
    @Test("the 256 layers have equal area to 1e-12 relative (the method's exactness condition)")
    func equalAreas() {
        ZigguratTableChecks.expectEqualAreas(ExponentialZiggurat.table)
    }

    @Test("Exp(1): mean 1, variance 1 (kurtosis 9), KS against 1 − e^{−x}; P(X > r) within 4 binomial sd")
    func fit() {
        let xs = GoodnessOfFit.draws(seed: 104) { ExponentialZiggurat.sample(using: &$0) }
        GoodnessOfFit.expectMoments(xs, mean: 1, variance: 1, kurtosis: 9)
        GoodnessOfFit.expectFit(xs) { 1 - exp(-$0) }
        // The tail beyond r = 7.697 has mass 4.5e-4: in 2e6 draws about 906.
        var rng = RandomStream(seed: 105, trial: 0, stream: 0, site: 0)
        let n = 2_000_000
        var beyond = 0.0
        for _ in 0..<n where ExponentialZiggurat.sample(using: &rng) > ExponentialZiggurat.tailStart { beyond += 1 }
        let p = exp(-ExponentialZiggurat.tailStart)
        let count = Double(n)
        #expect(abs(beyond - count * p) <= 4 * (count * p * (1 - p)).squareRoot(), "\(beyond) vs \(count * p)")
    }
}

enum ZigguratTableChecks {
    static func expectEqualAreas(_ t: ZigguratTable, sourceLocation: SourceLocation = #_sourceLocation) {
        let v = t.layerArea
        #expect(abs(t.x[0] * t.f[1] - v) <= 1e-12 * v, sourceLocation: sourceLocation)
        for i in 1..<256 {
            #expect(abs(t.area(i) - v) <= 1e-12 * v, "layer \(i): \(t.area(i)) vs \(v)", sourceLocation: sourceLocation)
        }
        #expect(t.x[256] == 0 && t.f[256] == 1, sourceLocation: sourceLocation)
    }
}
