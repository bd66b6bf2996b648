import Foundation
import Testing
@_spi(Engine) @testable import CyberRisk


/// Unit roundoff `u = 2⁻⁵³`.
fileprivate let u = 0x1p-53

fileprivate func moments(_ xs: [Double]) -> Moments {
    var m = Moments()
    for x in xs { m.add(x) }
    return m
}

fileprivate func encoded(_ m: Moments) -> [UInt8] {
    var w = ByteWriter()
    m.write(to: &w)
    return w.bytes
}

/// Mean and variance by an exact two-pass method: `μ̂ = fl(ΣX)/n`, then every deviation
/// `xᵢ − μ̂ = hᵢ + lᵢ` (TwoSum, exact) and its square `hᵢ² + 2hᵢlᵢ + lᵢ²` (each an exact
/// TwoProduct) go into exact sums `D = Σ(xᵢ − μ̂)` and `C = Σ(xᵢ − μ̂)²`, and
/// `Σ(xᵢ − x̄)² = C − D²/n`. Only the final operations round, so both results are within about one
/// rounding of the truth.
fileprivate func twoPass(_ xs: [Double]) -> (mean: Double, variance: Double) {
    let n = Double(xs.count)
    var s = ExactSum()
    for x in xs { s.add(x) }
    let hi = s.value
    var rest = s
    rest.add(-hi)
    let mean = (hi + rest.value) / n          // hi + lo carries S to ~2⁻¹⁰⁶
    let m = hi / n
    var c = ExactSum(), d = ExactSum()
    func addProduct(_ a: Double, _ b: Double) {
        let p = a * b
        c.add(p)
        c.add((-p).addingProduct(a, b))
    }
    for x in xs {
        let h = x - m
        let z = h - x
        let l = (x - (h - z)) + (-m - z)      // TwoSum: x − m = h + l exactly
        d.add(h); d.add(l)
        addProduct(h, h); addProduct(2 * h, l); addProduct(l, l)
    }
    let dv = d.value
    return (mean, (c.value - dv * dv / n) / (n - 1))
}

@Suite struct MomentsTests {
    @Test func documentedExample() {
        let m = moments([2, 4, 4, 4, 5, 5, 7, 9])
        #expect(m.count == 8)
        #expect(m.mean == 5)
        #expect(m.variance == 32.0 / 7)
        #expect(m.standardDeviation == (32.0 / 7).squareRoot())
        #expect(m.standardError == (32.0 / 7).squareRoot() / 8.0.squareRoot())
        #expect(m.min == 2 && m.max == 9)
    }

    /// Rounding budget (each rounding a relative error ≤ u): the implementation rounds the mean
    /// twice and the variance three times; the reference rounds its mean twice and its variance
    /// three times, plus terms below 2⁻¹⁰⁰ relative (the neglected low parts). Hence the
    /// tolerances (2 + 2)u and (3 + 3)u, with 0.01u for the second-order terms.
    @Test func matchesExactTwoPassReference() {
        var rng = SplitMix64(seed: 11)
        let datasets: [(String, [Double])] = [
            ("uniform", (0..<10_000).map { _ in rng.uniform() }),
            ("cancellation: mean 1e6, sd 1e-3", (0..<10_000).map { _ in 1e6 + 1e-3 * rng.normal() }),
            ("cancellation: mean -3e9, sd 1", (0..<10_000).map { _ in -3e9 + rng.normal() }),
            ("lognormal σ=2", (0..<10_000).map { _ in Foundation.exp(2 * rng.normal()) }),
            ("mixed signs, wide range", (0..<10_000).map { _ in 1e3 * rng.normal() * Foundation.exp(3 * rng.normal()) }),
        ]
        for (name, xs) in datasets {
            let m = moments(xs)
            let ref = twoPass(xs)
            #expect(m.count == Int64(xs.count))
            #expect(abs(m.mean - ref.mean) <= 4.01 * u * abs(ref.mean), "\(name): mean \(m.mean) vs \(ref.mean)")
            #expect(abs(m.variance - ref.variance) <= 6.01 * u * ref.variance, "\(name): var \(m.variance) vs \(ref.variance)")
            #expect(m.min == xs.min()! && m.max == xs.max()!)
            #expect(m.standardError == m.standardDeviation / Double(xs.count).squareRoot())
        }
    }

    /// Block partials are plain `Double` sums in trial order, so they are not exact: by the
    /// standard bound for recursive summation (Higham, *Accuracy and Stability*, §4.2) a block of
    /// `b` values has `|fl(Σx) − Σx| ≤ γ_{b−1}·Σ|x|` and `|fl(Σx²) − Σx²| ≤ γ_b·Σx²`
    /// (`γ_k = ku/(1 − ku)`; the extra term is the rounding of each `x·x`). Counts, min and max are
    /// exact; the sums (and hence mean and variance) agree within those bounds plus the final
    /// roundings. Block adds of the same blocks in any order give identical states.
    @Test func blockPartialsAgreeWithPerValueAdds() {
        var rng = SplitMix64(seed: 12)
        let b = 1024
        let xs = (0..<(12 * b)).map { i in
            i % 3 == 0 ? 1e4 + rng.normal() : 1e3 * Foundation.exp(rng.normal())
        }
        let perValue = moments(xs)
        var blocks: [Moments] = []
        for start in stride(from: 0, to: xs.count, by: b) {
            var sum = 0.0, squares = 0.0, lo = Double.infinity, hi = -Double.infinity
            for x in xs[start..<(start + b)] {
                sum += x
                squares += x * x
                lo = Swift.min(lo, x)
                hi = Swift.max(hi, x)
            }
            var m = Moments()
            m.add(blockCount: Int64(b), blockSum: sum, blockSumOfSquares: squares, blockMin: lo, blockMax: hi)
            blocks.append(m)
        }
        var blockwise = Moments()
        for m in blocks { blockwise.merge(m) }
        #expect(blockwise.count == perValue.count)
        #expect(blockwise.min == perValue.min)
        #expect(blockwise.max == perValue.max)

        let n = Double(xs.count)
        func gamma(_ k: Int) -> Double { Double(k) * u / (1 - Double(k) * u) }
        var absSum = ExactSum(), squareSum = ExactSum()
        for x in xs { absSum.add(abs(x)); squareSum.add(x * x) }
        let dS = gamma(b - 1) * absSum.value * (1 + 4 * u)
        let dQ = gamma(b) * squareSum.value * (1 + 4 * u)
        let s = abs(perValue.sum.value)
        // Final roundings: the sum's value once, the mean twice, the variance three times per side.
        func rounding(_ k: Double, _ a: Double, _ b: Double) -> Double { k * u * (abs(a) + abs(b)) * (1 + 4 * u) }
        #expect(abs(blockwise.sum.value - perValue.sum.value) <= dS + rounding(1, blockwise.sum.value, perValue.sum.value))
        #expect(abs(blockwise.mean - perValue.mean) <= dS / n * (1 + 4 * u) + rounding(2, blockwise.mean, perValue.mean))
        // n·Q − S² moves by at most n·ΔQ + (2|S| + ΔS)·ΔS.
        let dVariance = (n * dQ + (2 * s + dS) * dS) / (n * (n - 1)) * (1 + 8 * u)
        #expect(abs(blockwise.variance - perValue.variance)
                <= dVariance + rounding(3, blockwise.variance, perValue.variance))

        // The engine's guarantee: the same blocks merged in any order give the same bytes.
        let bytes = encoded(blockwise)
        for _ in 0..<5 {
            rng.shuffle(&blocks)
            var again = Moments()
            for m in blocks { again.merge(m) }
            #expect(again == blockwise)
            #expect(encoded(again) == bytes)
        }
    }

    @Test func mergeIsExactAndOrderIndependent() {
        var rng = SplitMix64(seed: 13)
        let xs = (0..<20_000).map { _ in 50 * rng.normal() + Foundation.exp(4 * rng.normal()) }
        let whole = moments(xs)
        let bytes = encoded(whole)
        for _ in 0..<4 {
            var shuffled = xs
            rng.shuffle(&shuffled)
            var parts: [Moments] = []
            var start = 0
            while start < shuffled.count {
                let end = Swift.min(shuffled.count, start + 1 + rng.below(3_000))
                parts.append(moments(Array(shuffled[start..<end])))
                start = end
            }
            rng.shuffle(&parts)
            var merged = Moments()
            for p in parts { merged.merge(p) }
            #expect(merged == whole)
            #expect(encoded(merged) == bytes)
            #expect(merged.mean.bitPattern == whole.mean.bitPattern)
            #expect(merged.variance.bitPattern == whole.variance.bitPattern)
            #expect(merged.standardError.bitPattern == whole.standardError.bitPattern)
        }
    }

    @Test func smallAndDegenerateCounts() {
        let empty = Moments()
        #expect(empty.count == 0 && empty.mean.isNaN && empty.variance == 0 && empty.standardError.isNaN)
        #expect(empty.min == .infinity && empty.max == -.infinity)
        let one = moments([3.5])
        #expect(one.mean == 3.5 && one.variance == 0 && one.standardDeviation == 0 && one.standardError == 0)
        // Per-value sums are exact, so constant data has exactly zero variance.
        for c in [0.1, 1e6 + 0.1, -7e-5, 0] {
            let m = moments(Array(repeating: c, count: 1_000))
            #expect(m.variance == 0 && m.mean == c)
        }
        let broken = moments([1, .nan, 2])
        #expect(broken.mean.isNaN && broken.variance.isNaN)
        #expect(broken.min == 1 && broken.max == 2)
        var none = Moments()
        none.add(blockCount: 0, blockSum: 5, blockSumOfSquares: 25, blockMin: 5, blockMax: 5)
        #expect(none == Moments())
    }

    @Test func negativeZeroDoesNotDependOnOrder() {
        let a = moments([-0.0, 0.0, 1])
        let b = moments([0.0, -0.0, 1])
        #expect(a == b && encoded(a) == encoded(b))
        #expect(a.min.bitPattern == 0)
        var c = Moments(), d = Moments()
        c.add(blockCount: 2, blockSum: 0, blockSumOfSquares: 0, blockMin: -0.0, blockMax: -0.0)
        d.add(blockCount: 2, blockSum: 0, blockSumOfSquares: 0, blockMin: 0.0, blockMax: 0.0)
        #expect(encoded(c) == encoded(d))
    }

    @Test func serialisationRoundTripsAndValidates() throws {
        var rng = SplitMix64(seed: 14)
        let states = [Moments(), moments([42]), moments([1, .infinity]), moments([.nan]),
                      moments((0..<500).map { _ in rng.normal() * 1e5 })]
        for m in states {
            let bytes = encoded(m)
            var r = ByteReader(bytes)
            let decoded = try Moments(from: &r)
            #expect(r.isAtEnd)
            #expect(decoded == m)
            #expect(encoded(decoded) == bytes)
            #expect(decoded.variance.bitPattern == m.variance.bitPattern)
        }
        let bytes = encoded(moments([-3, 1e-3, 7e12]))
        for cut in 0..<bytes.count {
            var r = ByteReader(Array(bytes.prefix(cut)))
            #expect(throws: ByteReader.Error.self) { try Moments(from: &r) }
        }
        // Hand-built inconsistent states.
        func state(tag: UInt8 = 0x4D, count: Int64, sum: Double, squares: Double, min: Double, max: Double) -> [UInt8] {
            var w = ByteWriter()
            w.append(tag)
            w.append(count)
            var s = ExactSum(); s.add(sum); s.write(to: &w)
            var q = ExactSum(); q.add(squares); q.write(to: &w)
            w.append(min)
            w.append(max)
            return w.bytes
        }
        let valid = state(count: 2, sum: 3, squares: 5, min: 1, max: 2)
        var r = ByteReader(valid)
        #expect(try Moments(from: &r) == moments([1, 2]))
        let invalid = [
            state(tag: 0x51, count: 2, sum: 3, squares: 5, min: 1, max: 2),
            state(count: -2, sum: 3, squares: 5, min: 1, max: 2),
            state(count: 1 << 60, sum: 3, squares: 5, min: 1, max: 2),
            state(count: 2, sum: 3, squares: 5, min: 2, max: 1),
            state(count: 2, sum: 3, squares: -5, min: 1, max: 2),
            state(count: 2, sum: 3, squares: 5, min: .nan, max: 2),
            state(count: 2, sum: 0, squares: 0, min: -0.0, max: 0),
            state(count: 0, sum: 3, squares: 5, min: .infinity, max: -.infinity),
            state(count: 0, sum: 0, squares: 0, min: 1, max: 2),
        ]
        for bytes in invalid {
            var r = ByteReader(bytes)
            #expect(throws: ByteReader.Error.self) { try Moments(from: &r) }
        }
    }
}
