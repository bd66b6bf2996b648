import Foundation
import Testing
@_spi(Engine) @testable import CyberRisk


fileprivate let alpha = QuantileSketch.relativeAccuracy
/// Unit roundoff `u = 2⁻⁵³`.
fileprivate let u = 0x1p-53
fileprivate let levels = [0.001, 0.01, 0.05, 0.1, 0.25, 1.0 / 3, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999]

fileprivate func sketch(_ xs: [Double]) -> QuantileSketch {
    var s = QuantileSketch()
    for x in xs { s.insert(x) }
    return s
}

fileprivate func encoded(_ s: QuantileSketch) -> [UInt8] {
    var w = ByteWriter()
    s.write(to: &w)
    return w.bytes
}

/// `|estimate − truth| ≤ α·|truth|`, decided exactly: both lie in one bucket, so they have the
/// same sign and are within a factor 2, the difference is exact (Sterbenz), and the sign of
/// `fma(|d|, 257, −|truth|)` is that of the exact `257·|d| − |truth|`.
fileprivate func withinAlpha(_ estimate: Double, _ truth: Double) -> Bool {
    if truth == 0 { return estimate == 0 }
    guard (estimate < 0) == (truth < 0) else { return false }
    return (-abs(truth)).addingProduct(abs(estimate - truth), 257) <= 0
}

/// The bucket `[lo, hi)` of `|t|`, from the bit pattern (independently of the sketch's code).
fileprivate func bucket(_ t: Double) -> (lo: Double, hi: Double) {
    let i = t.magnitude.bitPattern >> 45
    return (Double(bitPattern: i << 45), Double(bitPattern: (i + 1) << 45))
}

/// Test distributions, 20 000 values each.
fileprivate func datasets() -> [(name: String, values: [Double])] {
    var rng = SplitMix64(seed: 2019)
    let n = 20_000
    return [
        ("uniform(0,1)", (0..<n).map { _ in rng.uniform() }),
        ("exponential", (0..<n).map { _ in rng.exponential() }),
        ("lognormal σ=2", (0..<n).map { _ in Foundation.exp(2 * rng.normal()) }),
        ("70% exact zeros", (0..<n).map { _ in rng.below(10) < 7 ? 0 : 1e6 * rng.exponential() }),
        ("normal, mixed signs", (0..<n).map { _ in 1e3 * rng.normal() }),
        ("all negative", (0..<n).map { _ in -Foundation.exp(rng.normal()) }),
        ("small whole numbers", (0..<n).map { _ in (3 * rng.exponential()).rounded(.down) }),
    ]
}

@Suite struct QuantileSketchTests {
    /// The accuracy proof's one floating-point step, checked exhaustively: for every mantissa
    /// pattern and several exponents, both extreme members of the bucket (`lo` and the double
    /// below `hi`, where the error is largest) and its middle are within `α` of the representative.
    @Test func representativeIsWithinAlphaOfEveryBucketMember() {
        for biased in [1, 2, 600, 1022, 1023, 1024, 1500, 2046] {
            for k in 0..<128 {
                let i = biased << 7 | k
                let lo = Double(bitPattern: UInt64(i) << 45)
                let hi = Double(bitPattern: UInt64(i + 1) << 45)
                let r = QuantileSketch.representative(ofIndex: i)
                #expect(lo <= r && r < hi)
                for x in [lo, hi.nextDown, lo + (hi.nextDown - lo) / 2, lo.nextUp] {
                    #expect(QuantileSketch.index(ofMagnitude: x) == i)
                    #expect(withinAlpha(r, x), "bucket \(i), x = \(x)")
                }
                if i + 1 < QuantileSketch.infinityIndex {
                    #expect(r < QuantileSketch.representative(ofIndex: i + 1))
                }
            }
        }
        // Subnormal buckets: absolute error at most 2⁻¹⁰³⁰.
        for k in [1, 2, 64, 127] {
            let r = QuantileSketch.representative(ofIndex: k)
            for x in [Double(k) * 0x1p-1029, (Double(k + 1) * 0x1p-1029).nextDown] {
                #expect(abs(r - x) <= 0x1p-1030)
            }
        }
        #expect(QuantileSketch.representative(ofIndex: QuantileSketch.infinityIndex) == .infinity)
        #expect(QuantileSketch.index(ofMagnitude: .infinity) == QuantileSketch.infinityIndex)
    }

    @Test func quantilesAreWithinAlphaOfTheTrueOrderStatistic() {
        for (name, xs) in datasets() {
            let s = sketch(xs)
            let sorted = xs.sorted()
            #expect(s.count == UInt64(xs.count))
            #expect(s.min == sorted.first! && s.max == sorted.last!)
            #expect(s.quantile(0) == sorted.first! && s.quantile(1) == sorted.last!)
            for q in levels {
                let truth = sorted[Int((q * Double(xs.count - 1)).rounded(.down))]
                let estimate = s.quantile(q)
                #expect(withinAlpha(estimate, truth), "\(name) q=\(q): \(estimate) vs \(truth)")
            }
        }
    }

    @Test func mergingEqualsInsertingEverythingIntoOneSketch() {
        var rng = SplitMix64(seed: 77)
        for (name, xs) in datasets() {
            let single = sketch(xs)
            let bytes = encoded(single)
            var shuffled = xs
            rng.shuffle(&shuffled)
            var parts: [QuantileSketch] = []
            var start = 0
            while start < shuffled.count {
                let end = Swift.min(shuffled.count, start + 1 + rng.below(6_000))
                parts.append(sketch(Array(shuffled[start..<end])))
                start = end
            }
            var forward = QuantileSketch(), backward = QuantileSketch()
            for p in parts { forward.merge(p) }
            for p in parts.reversed() { backward.merge(p) }
            var tree = parts
            while tree.count > 1 {
                var next: [QuantileSketch] = []
                for i in stride(from: 0, to: tree.count, by: 2) {
                    var t = tree[i]
                    if i + 1 < tree.count { t.merge(tree[i + 1]) }
                    next.append(t)
                }
                tree = next
            }
            for merged in [forward, backward, tree[0]] {
                #expect(merged == single, "\(name)")
                #expect(encoded(merged) == bytes, "\(name)")
                for q in [0] + levels + [1] {
                    #expect(merged.quantile(q).bitPattern == single.quantile(q).bitPattern)
                }
                for p in [1, 0.05, 0.01] {
                    #expect(merged.tailMean(fraction: p).bitPattern == single.tailMean(fraction: p).bitPattern)
                }
                for t in [-1.0, 0, 0.5, 1e3] {
                    #expect(merged.fractionAbove(t).bitPattern == single.fractionAbove(t).bitPattern)
                }
            }
        }
    }

    /// Only the items in the bucket containing `t` can be misjudged, so the estimate lies between
    /// the true shares above that bucket's two ends (exact at 0 and outside `[min, max]`).
    @Test func fractionAboveIsWithinTheBucketOfTheThreshold() {
        for (name, xs) in datasets() {
            let s = sketch(xs)
            let sorted = xs.sorted()
            let n = Double(xs.count)
            func share(_ include: (Double) -> Bool) -> Double { Double(xs.filter(include).count) / n }
            var thresholds: [Double] = [0, -1, 1, sorted.first! - 1, sorted.first!.nextDown, sorted.last!,
                                        sorted.last! + 1, .infinity, -.infinity]
            for q in levels {
                let x = sorted[Int(q * (n - 1))]
                thresholds += [x, x.nextUp, x.nextDown, x * 1.002, x / 1.002]
            }
            for t in thresholds {
                let p = s.fractionAbove(t)
                if t >= sorted.last! {
                    #expect(p == 0)
                } else if t < sorted.first! {
                    #expect(p == 1)
                } else if t == 0 {
                    #expect(p == share { $0 > 0 }, "\(name) t=0")
                } else if t > 0 {
                    let (lo, hi) = bucket(t)
                    #expect(share { $0 >= hi } <= p && p <= share { $0 >= lo }, "\(name) t=\(t)")
                } else {
                    let (lo, hi) = bucket(t)
                    #expect(share { $0 > -lo } <= p && p <= share { $0 > -hi }, "\(name) t=\(t)")
                }
            }
            #expect(s.fractionAbove(.nan).isNaN)
        }
    }

    /// Tolerance derivation. With `m = ⌈p·n⌉` and the top items `xᵢ`, the estimate is
    /// `fl(fl(E)/m)` with `E = Σ rᵢ` exact and `|rᵢ − xᵢ| ≤ α|xᵢ|`; the truth is `fl(fl(S)/m)`,
    /// `S = Σxᵢ` exact. Hence `|E − S|/m ≤ α·A/m` (`A = Σ|xᵢ|`, evaluated here with ≤ 4
    /// roundings), and each side's two roundings add at most `(2u + u²)/(1 − u)² < 3u` times its
    /// own magnitude.
    @Test func tailMeanIsWithinTheDerivedTolerance() {
        for (name, xs) in datasets() {
            let s = sketch(xs)
            let sorted = xs.sorted()
            for p in [1, 0.5, 0.1, 0.05, 0.01, 0.001] {
                let m = Swift.max(1, Swift.min(xs.count, Int((p * Double(xs.count)).rounded(.up))))
                var exact = ExactSum(), absolute = ExactSum()
                for x in sorted.suffix(m) {
                    exact.add(x)
                    absolute.add(abs(x))
                }
                let truth = exact.value / Double(m)
                let meanAbs = absolute.value / Double(m)
                let estimate = s.tailMean(fraction: p)
                let tolerance = alpha * meanAbs * (1 + 4 * u) + 3 * u * (abs(estimate) + abs(truth))
                #expect(abs(estimate - truth) <= tolerance, "\(name) p=\(p): \(estimate) vs \(truth)")
            }
        }
    }

    @Test func edgeCases() {
        let empty = QuantileSketch()
        #expect(empty.isEmpty && empty.count == 0)
        #expect(empty.quantile(0.5).isNaN && empty.fractionAbove(0).isNaN && empty.tailMean(fraction: 0.05).isNaN)
        #expect(empty.min == .infinity && empty.max == -.infinity)

        var s = sketch([3, 1, 2])
        for q in [-0.1, 1.1, .nan] { #expect(s.quantile(q).isNaN) }
        for p in [0, -1, 1.5, .nan] { #expect(s.tailMean(fraction: p).isNaN) }
        let before = s
        s.insert(.nan)
        s.insert(7, count: 0)
        #expect(s == before)

        var repeated = QuantileSketch(), counted = QuantileSketch()
        for _ in 0..<5 { repeated.insert(-2.5) }
        counted.insert(-2.5, count: 5)
        #expect(repeated == counted && encoded(repeated) == encoded(counted))

        let a = sketch([-0.0, 0.0, 4]), b = sketch([0.0, -0.0, 4])
        #expect(a == b && encoded(a) == encoded(b) && a.min.bitPattern == 0 && a.zeroCount == 2)

        let infinite = sketch([1, 2, .infinity, -.infinity])
        #expect(infinite.quantile(1) == .infinity && infinite.quantile(0) == -.infinity)
        #expect(infinite.tailMean(fraction: 0.25) == .infinity)
        #expect(infinite.tailMean(fraction: 1).isNaN)
        #expect(infinite.fractionAbove(1.5) == 0.5)

        let tiny = sketch([0x1p-1074, 3 * 0x1p-1060, 0x1p-1030])
        #expect(tiny.quantile(0.5) > 0 && abs(tiny.quantile(0.5) - 3 * 0x1p-1060) <= 0x1p-1030)

        // The documented example.
        let doc = sketch((1...1000).map(Double.init))
        #expect(withinAlpha(doc.quantile(0.5), 500))
        #expect(doc.quantile(1) == 1000)
        #expect(doc.fractionAbove(900) == 0.101)
        #expect(sketch([7]).quantile(0.5) == 7)      // clamped into [min, max]
    }

    /// Storage covers the index range touched, with slack; re-inserting values in that range does
    /// not grow it (so it does not allocate), and more values of the same kind do not either.
    @Test func storageDependsOnTheRangeNotTheCount() {
        var rng = SplitMix64(seed: 5)
        var s = QuantileSketch()
        for _ in 0..<1_000 { s.insert(Foundation.exp(3 * rng.normal())) }
        s.insert(1e-9)
        s.insert(1e9)
        let window = (s.positive.offset, s.positive.counts.count)
        for _ in 0..<100_000 { s.insert(Swift.min(1e9, Swift.max(1e-9, Foundation.exp(3 * rng.normal())))) }
        #expect(s.positive.offset == window.0 && s.positive.counts.count == window.1)
        #expect(s.positive.counts.count <= (QuantileSketch.index(ofMagnitude: 1e9) - QuantileSketch.index(ofMagnitude: 1e-9)) * 2)
    }

    @Test func serialisationRoundTrips() throws {
        for (name, xs) in datasets() + [("empty", []), ("infinite", [1, .infinity, -.infinity, 0])] {
            let s = sketch(xs)
            let bytes = encoded(s)
            var r = ByteReader(bytes)
            let decoded = try QuantileSketch(from: &r)
            #expect(r.isAtEnd)
            #expect(decoded == s, "\(name)")
            #expect(encoded(decoded) == bytes)
            #expect(decoded.quantile(0.99).bitPattern == s.quantile(0.99).bitPattern)
        }
    }

    /// Every truncation throws; every single-byte corruption either throws or decodes to a valid
    /// state that re-encodes to exactly the corrupted bytes (the encoding is canonical, so nothing
    /// inconsistent slips through as something else); changed counts always throw.
    @Test func corruptInputThrowsRatherThanTraps() throws {
        let small = sketch([-3, -2.5, 0, 0, 0.75, 1, 1, 1, 1.5, 2, 5])
        let bytes = encoded(small)
        for cut in 0..<bytes.count {
            var r = ByteReader(Array(bytes.prefix(cut)))
            #expect(throws: ByteReader.Error.self) { try QuantileSketch(from: &r) }
        }
        for offset in bytes.indices {
            for mask: UInt8 in [0x01, 0x02, 0x10, 0x80, 0xFF] {
                var corrupt = bytes
                corrupt[offset] ^= mask
                var r = ByteReader(corrupt)
                if let decoded = try? QuantileSketch(from: &r) {
                    #expect(encoded(decoded) == Array(corrupt.prefix(r.offset)))
                }
            }
        }
        // Header: tag, count, zeroCount, min, max (33 bytes); then the positive store: length,
        // first index, counts (all single-byte varints here); then the negative store.
        let positive = small.positive.occupied!
        func varintLength(_ x: Int) -> Int {
            var w = ByteWriter()
            w.append(varint: UInt64(x))
            return w.count
        }
        let firstCount = 33 + varintLength(positive.count) + varintLength(positive.lowerBound)
        #expect(bytes[firstCount] == 1)             // the bucket of 0.75
        for offset in firstCount..<(firstCount + positive.count) {
            for delta: UInt8 in [1, 2] {
                var corrupt = bytes
                corrupt[offset] = corrupt[offset] &+ delta
                var r = ByteReader(corrupt)
                #expect(throws: ByteReader.Error.self) { try QuantileSketch(from: &r) }
            }
        }
        for field in [1, 9] {                       // count, zeroCount
            var corrupt = bytes
            corrupt[field] ^= 1
            var r = ByteReader(corrupt)
            #expect(throws: ByteReader.Error.self) { try QuantileSketch(from: &r) }
        }
    }

    @Test func hostileHeadersThrow() throws {
        func header(count: UInt64, zeros: UInt64 = 0, min: Double, max: Double) -> ByteWriter {
            var w = ByteWriter()
            w.append(UInt8(0x51))
            w.append(count)
            w.append(zeros)
            w.append(min)
            w.append(max)
            return w
        }
        var cases: [[UInt8]] = []
        var w = header(count: 1, min: 1, max: 1)
        w.append(varint: 1 << 60)                    // 2⁶⁰ buckets claimed: no allocation, throws
        cases.append(w.bytes + [1, 2, 3])
        w = header(count: 1, min: 1, max: 1)
        w.append(varint: 1); w.append(varint: 1 << 40); w.append(varint: 1); w.append(varint: 0)
        cases.append(w.bytes)                        // bucket index outside the index space
        w = header(count: 1, min: 1, max: 1)
        w.append(varint: 2); w.append(varint: UInt64(QuantileSketch.infinityIndex)); w.append(varint: 1)
        w.append(varint: 1); w.append(varint: 0)
        cases.append(w.bytes)                        // range running past the last bucket
        w = header(count: 1, min: 2, max: 2)
        w.append(varint: 1); w.append(varint: UInt64(QuantileSketch.index(ofMagnitude: 1))); w.append(varint: 1)
        w.append(varint: 0)
        cases.append(w.bytes)                        // min and max outside their bucket
        w = header(count: 2, min: 1, max: 1)
        w.append(varint: 1); w.append(varint: UInt64(QuantileSketch.index(ofMagnitude: 1))); w.append(varint: 1)
        w.append(varint: 0)
        cases.append(w.bytes)                        // counts do not add up
        w = header(count: UInt64.max, zeros: UInt64.max, min: 0, max: 1)
        w.append(varint: 1); w.append(varint: UInt64(QuantileSketch.index(ofMagnitude: 1))); w.append(varint: 1)
        w.append(varint: 0)
        cases.append(w.bytes)                        // counts overflow
        w = header(count: 1 << 60, zeros: 1 << 60, min: 0, max: 0)
        w.append(varint: 0); w.append(varint: 0)
        cases.append(w.bytes)                        // implausible count
        w = header(count: 0, min: 0, max: 0)
        w.append(varint: 0); w.append(varint: 0)
        cases.append(w.bytes)                        // empty with extremes
        w = header(count: 1, zeros: 1, min: .nan, max: 0)
        w.append(varint: 0); w.append(varint: 0)
        cases.append(w.bytes)                        // NaN extreme
        w = header(count: 1, zeros: 1, min: -0.0, max: -0.0)
        w.append(varint: 0); w.append(varint: 0)
        cases.append(w.bytes)                        // negative zero
        w = header(count: 2, min: 1, max: 1)
        w.append(varint: 2); w.append(varint: UInt64(QuantileSketch.index(ofMagnitude: 1))); w.append(varint: 2)
        w.append(varint: 0); w.append(varint: 0)
        cases.append(w.bytes)                        // trailing zero count (non-canonical)
        cases.append([0x4D] + Array(repeating: 0, count: 40))   // wrong tag
        for bytes in cases {
            var r = ByteReader(bytes)
            #expect(throws: ByteReader.Error.self) { try QuantileSketch(from: &r) }
        }
        var ok = header(count: 1, min: 1, max: 1)
        ok.append(varint: 1); ok.append(varint: UInt64(QuantileSketch.index(ofMagnitude: 1))); ok.append(varint: 1)
        ok.append(varint: 0)
        var r = ByteReader(ok.bytes)
        #expect(try QuantileSketch(from: &r) == sketch([1]))
    }
}
