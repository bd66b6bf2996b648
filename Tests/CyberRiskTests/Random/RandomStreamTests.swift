import Foundation
import StatisticalTesting
import Testing
@_spi(Engine) @testable import CyberRisk

@Suite struct RandomStreamTests {
    private func words(_ rng: RandomStream, _ count: Int) -> [UInt64] {
        var rng = rng
        return (0..<count).map { _ in rng.next() }
    }

    @Test("words are Philox blocks of (trial, stream, site, i) keyed by (seed, keyWord1), in order")
    func blockLayout() {
        let rng = RandomStream(seed: 11, trial: 22, stream: 33, site: 44)
        let w = words(rng, 20)   // across two block pairs and into a third
        for i in 0..<5 {
            let b = Philox4x64.block(counter: (22, 33, 44, UInt64(i)), key: (11, RandomStream.keyWord1))
            #expect(Array(w[(4 * i)..<(4 * i + 4)]) == [b.0, b.1, b.2, b.3])
        }
    }

    @Test("same (seed, trial, stream, site) gives the same sequence")
    func deterministic() {
        let a = RandomStream(seed: 7, trial: 123_456, stream: 5, site: 9)
        let b = RandomStream(seed: 7, trial: 123_456, stream: 5, site: 9)
        #expect(words(a, 1000) == words(b, 1000))
    }

    @Test("changing any one coordinate changes the sequence")
    func distinctCoordinates() {
        let base = words(RandomStream(seed: 1, trial: 2, stream: 3, site: 4), 16)
        let others = [
            RandomStream(seed: 9, trial: 2, stream: 3, site: 4),
            RandomStream(seed: 1, trial: 9, stream: 3, site: 4),
            RandomStream(seed: 1, trial: 2, stream: 9, site: 4),
            RandomStream(seed: 1, trial: 2, stream: 3, site: 9),
        ]
        for other in others {
            // 16 independent 64-bit words: any coincidence would have probability ~2⁻⁶⁴.
            let w = words(other, 16)
            #expect(zip(base, w).allSatisfy { $0 != $1 })
        }
    }

    @Test("uniform maps bits onto 2⁵² cell midpoints strictly inside (0, 1)")
    func uniformExtremes() {
        #expect(RandomStream.uniform(bits: 0) == 0x1p-53)
        #expect(RandomStream.uniform(bits: .max) == 1 - 0x1p-53)
        #expect(RandomStream.uniform(bits: .max) < 1)
        #expect(RandomStream.uniform(bits: 1 << 63) == 0.5 + 0x1p-53)
    }

    @Test("1e6 uniforms are strictly inside (0, 1)")
    func uniformOpenInterval() {
        var rng = RandomStream(seed: 3, trial: 0, stream: 0, site: 0)
        var lo = 1.0, hi = 0.0
        for _ in 0..<1_000_000 {
            let u = rng.uniform()
            lo = min(lo, u)
            hi = max(hi, u)
        }
        #expect(lo > 0 && hi < 1)
    }

    @Test("uniform: mean ½, variance 1/12 (kurtosis 9/5), KS against F(u) = u")
    func uniformFit() {
        let xs = GoodnessOfFit.draws(seed: 101) { $0.uniform() }
        GoodnessOfFit.expectMoments(xs, mean: 0.5, variance: 1.0 / 12, kurtosis: 1.8)
        GoodnessOfFit.expectFit(xs) { $0 }
    }

    @Test("uniform along one long stream: KS, and lag-1 correlation within 4/√n")
    func uniformSingleStream() {
        var rng = RandomStream(seed: 5, trial: 0, stream: 0, site: 0)
        let xs = (0..<GoodnessOfFit.sampleSize).map { _ in rng.uniform() }
        GoodnessOfFit.expectFit(xs) { $0 }
        // Under independence the sample correlation of (x_i, x_{i+1}) has sd ≈ 1/√n.
        let n = Double(xs.count - 1)
        var sxy = 0.0
        for i in 0..<(xs.count - 1) { sxy += (xs[i] - 0.5) * (xs[i + 1] - 0.5) }
        let correlation = sxy / n * 12
        #expect(abs(correlation) <= 4 / n.squareRoot())
    }

    @Test("standardNormal: mean 0, variance 1 (kurtosis 3), KS against Φ")
    func standardNormalFit() {
        let xs = GoodnessOfFit.draws(seed: 102) { $0.standardNormal() }
        GoodnessOfFit.expectMoments(xs, mean: 0, variance: 1, kurtosis: 3)
        GoodnessOfFit.expectFit(xs, cdf: ReferenceCDF.normal)
    }
}
