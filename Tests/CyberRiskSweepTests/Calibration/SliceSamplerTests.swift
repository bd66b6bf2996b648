@_spi(Engine) @testable import CyberRisk
@testable import CyberRiskSweep
import Foundation
import StatisticalTesting
import Testing

@Suite("Calibration: slice sampler and convergence diagnostics")
struct SliceSamplerTests {
    /// Independent short chains (each from its own stream, 30 updates from a fixed start) end
    /// in draws from the target: KS at significance 0.001 against the exact CDF.
    @Test func slicesDrawFromTheTarget() {
        let normal = (0..<4000).map { i -> Double in
            var rng = RandomStream(seed: 9, trial: UInt64(i), stream: 0, site: 0)
            var x = 3.0, fx = -0.5 * 9.0
            for _ in 0..<30 { (x, fx) = SliceSampler.update(x, logDensity: { -0.5 * $0 * $0 }, at: fx, using: &rng) }
            return x
        }
        GoodnessOfFit.expectFit(normal, cdf: Normal.cdf)
        // ln X for X ~ Gamma(3, 1): density of u = ln x is 3u − e^u; a bounded support too.
        let gamma = (0..<4000).map { i -> Double in
            var rng = RandomStream(seed: 10, trial: UInt64(i), stream: 0, site: 0)
            let f = { (u: Double) in 3 * u - Foundation.exp(u) }
            var u = 0.0, fu = f(0)
            for _ in 0..<30 { (u, fu) = SliceSampler.update(u, logDensity: f, at: fu, width: 0.5, using: &rng) }
            return Foundation.exp(u)
        }
        GoodnessOfFit.expectFit(gamma) { ReferenceCDF.gammaP(3, $0) }
        let uniform = (0..<4000).map { i -> Double in
            var rng = RandomStream(seed: 11, trial: UInt64(i), stream: 0, site: 0)
            let f = { (x: Double) -> Double in x > 0.2 && x < 0.7 ? 0 : -.infinity }
            var x = 0.5, fx = 0.0
            for _ in 0..<30 { (x, fx) = SliceSampler.update(x, logDensity: f, at: fx, width: 3, using: &rng) }
            return x
        }
        GoodnessOfFit.expectFit(uniform) { Swift.min(1, Swift.max(0, ($0 - 0.2) / 0.5)) }
    }

    static func chains(_ m: Int, _ n: Int, seed: UInt64, _ body: (Int, inout RandomStream) -> [Double]) -> [[Double]] {
        (0..<m).map { c in
            var rng = RandomStream(seed: seed, trial: UInt64(c), stream: 0, site: 0)
            return body(c, &rng)
        }
    }

    /// Independent draws: R-hat ≈ 1 and ESS ≈ the number of draws (its estimate has a relative
    /// sd of a few per cent at 4,000 draws).
    @Test func independentDrawsPass() {
        let x = Self.chains(4, 1000, seed: 1) { _, rng in (0..<1000).map { _ in rng.standardNormal() } }
        let r = ConvergenceDiagnostics.evaluate(name: "x", chains: x)
        #expect(r.rhat < 1.005)
        #expect(Swift.abs(r.bulkESS / 4000 - 1) < 0.15 && Swift.abs(r.tailESS / 4000 - 1) < 0.25, "\(r)")
        #expect(r.passes)
    }

    /// AR(1) chains `x_t = φ x_{t−1} + √(1 − φ²) ε`: ESS ≈ n·(1 − φ)/(1 + φ).
    @Test func autocorrelatedDrawsHaveTheirESS() {
        let phi = 0.8
        let x = Self.chains(4, 4000, seed: 2) { _, rng in
            var v = rng.standardNormal()
            return (0..<4000).map { _ in
                v = phi * v + (1 - phi * phi).squareRoot() * rng.standardNormal()
                return v
            }
        }
        let r = ConvergenceDiagnostics.evaluate(name: "ar", chains: x)
        let expected = 16_000 * (1 - phi) / (1 + phi)
        #expect(Swift.abs(r.bulkESS / expected - 1) < 0.15, "\(r.bulkESS) vs \(expected)")
        #expect(r.rhat < 1.01)
    }

    /// Chains that disagree fail loudly, and so do too few effective draws.
    @Test func disagreeingOrShortChainsFail() {
        let shifted = Self.chains(4, 1000, seed: 3) { c, rng in (0..<1000).map { _ in rng.standardNormal() + (c == 0 ? 0.5 : 0) } }
        let r = ConvergenceDiagnostics.evaluate(name: "shifted", chains: shifted)
        #expect(r.rhat > 1.01 && !r.passes, "\(r)")
        let scaled = Self.chains(4, 1000, seed: 4) { c, rng in (0..<1000).map { _ in rng.standardNormal() * (c == 0 ? 3 : 1) } }
        let folded = ConvergenceDiagnostics.evaluate(name: "scaled", chains: scaled)
        #expect(folded.rhat > 1.01, "the folded R-hat must see a chain with another scale: \(folded)")
        let short = Self.chains(4, 50, seed: 5) { _, rng in (0..<50).map { _ in rng.standardNormal() } }
        #expect(!ConvergenceDiagnostics.evaluate(name: "short", chains: short).passes)
        let constant = ConvergenceDiagnostics.evaluate(name: "c", chains: [[1, 1, 1, 1], [1, 1, 1, 1]])
        #expect(constant.rhat.isNaN && constant.passes)
    }
}
