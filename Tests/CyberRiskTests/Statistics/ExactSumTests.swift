import Testing
@_spi(Engine) @testable import CyberRisk


fileprivate func exactSum(_ xs: [Double]) -> ExactSum {
    var s = ExactSum()
    for x in xs { s.add(x) }
    return s
}

fileprivate func naiveSum(_ xs: [Double]) -> Double {
    xs.reduce(0, +)
}

fileprivate func encoded(_ s: ExactSum) -> [UInt8] {
    var w = ByteWriter()
    s.write(to: &w)
    return w.bytes
}

/// A double of random sign and random significand whose exponent is uniform in `exponents`,
/// so that magnitudes differ wildly.
fileprivate func wild(_ rng: inout SplitMix64, exponents: ClosedRange<Int>) -> Double {
    let e = exponents.lowerBound + rng.below(exponents.count)
    let x = Double(sign: rng.next() & 1 == 0 ? .plus : .minus, exponent: e, significand: 1 + rng.uniformHalfOpen())
    return x
}

@Suite struct ExactSumTests {
    @Test func sumsThatNaiveSummationGetsWrong() {
        let big = Double.greatestFiniteMagnitude
        let cases: [(values: [Double], exact: Double)] = [
            ([1e16, 1, -1e16], 1),
            ([1, 1e100, 1, -1e100], 2),
            ([1e-300, 1e300, 1e-300, -1e300], 1e-300 * 2),
            (Array(repeating: 0.1, count: 10), 1),                      // Σ of ten fl(0.1) rounds to 1
            ([1e308, 1e308, -1e308], 1e308),                            // naive overflows
            ([big, big, -big], big),
            ([1e20] + Array(repeating: 1.0, count: 10_000) + [-1e20], 10_000),  // many tiny + huge
            ([0x1p-1074, 1, 0x1p-1074, -1], 0x1p-1073),                // subnormals survive
        ]
        for c in cases {
            #expect(naiveSum(c.values) != c.exact, "case \(c.values.prefix(4)) is not a naive failure")
            #expect(exactSum(c.values).value == c.exact)
            #expect(exactSum(c.values.reversed()).value == c.exact)
        }
    }

    @Test func roundsToNearestTiesToEven() {
        let big = Double.greatestFiniteMagnitude                        // (2⁵³ − 1)·2⁹⁷¹
        #expect(exactSum([1, 0x1p-53]).value == 1)                      // tie → even (down)
        #expect(exactSum([1, 0x1p-53, 0x1p-1074]).value == 1 + 0x1p-52) // sticky bit breaks the tie
        #expect(exactSum([1 + 0x1p-52, 0x1p-53]).value == 1 + 0x1p-51) // tie → even (up)
        #expect(exactSum([1, -0x1p-54]).value == 1)                     // tie below a power of two
        #expect(exactSum([1, -0x1p-54, -0x1p-1074]).value == 1 - 0x1p-53)
        #expect(exactSum([big, 0x1p969]).value == big)                  // below the overflow midpoint
        #expect(exactSum([big, 0x1p970]).value == .infinity)            // the midpoint rounds to 2¹⁰²⁴
        #expect(exactSum([-big, -0x1p970]).value == -.infinity)
        #expect(exactSum([big, big]).value == .infinity)
        #expect(exactSum([0x1p-1074, 0x1p-1074, 0x1p-1074]).value == 3 * 0x1p-1074)
        #expect(exactSum([0x1p-1022, -0x1p-1074]).value == 0x1p-1022 - 0x1p-1074)
        #expect(exactSum([]).value.bitPattern == 0)                     // +0.0
        #expect(exactSum([-0.0, -0.0]).value.bitPattern == 0)
        #expect(exactSum([5, -5]).value.bitPattern == 0)
    }

    /// Values `k·2⁻⁴⁰` with integers `|k| < 2⁵⁹` of at most 53 significant bits are exact doubles,
    /// and up to 16 of them sum exactly in `Int64`; `Double(Int64)` rounds correctly (to nearest,
    /// ties to even) and the scaling by `2⁻⁴⁰` is exact, which gives an independent reference.
    @Test func correctlyRoundedAgainstIntegerReference() {
        var rng = SplitMix64(seed: 0xE5AC7)
        var cases: [[Int64]] = [
            [1 << 53, 1],                        // tie between 2⁵³ and 2⁵³ + 2 → 2⁵³
            [(1 << 53) + 2, 1],                  // tie → 2⁵³ + 4 (even significand)
            [(1 << 58) + (1 << 6), 1 << 5],      // tie at a coarser scale → up to even
            [(1 << 58) + (1 << 7), 1 << 5],      // tie → down to even
            [(1 << 58) + (1 << 6), (1 << 5) - 1],
            [-(1 << 53), -1],
        ]
        for _ in 0..<3000 {
            cases.append((0..<(1 + rng.below(16))).map { _ in
                let significand = Int64(rng.next() >> 11) >> Int64(rng.below(53))
                let k = significand << Int64(rng.below(7))
                return rng.next() & 1 == 0 ? k : -k
            })
        }
        for ks in cases {
            let reference = Double(ks.reduce(0, +)) * 0x1p-40
            let s = exactSum(ks.map { Double($0) * 0x1p-40 })
            #expect(s.value.bitPattern == reference.bitPattern, "\(ks)")
        }
    }

    /// `n` copies of `x` sum to `n·x`, whose correct rounding is the IEEE product `Double(n) * x`.
    @Test func repeatedAddsAccumulateCarriesExactly() {
        let values: [Double] = [0x1.fffffffffffffp+31, -0x1.fffffffffffffp-1000, 0x1.fffffffffffffp+990,
                                0x0.fffffffffffffp-1022, 0.1, -7.5]
        for x in values {
            var s = ExactSum()
            for _ in 0..<100_000 { s.add(x) }
            #expect(s.value == 100_000 * x)
        }
    }

    /// Merging a sum into itself doubles it and doubles its pending-carry count, so 40 doublings
    /// pass the `2³⁰` normalisation threshold many times over.
    @Test func selfMergesPastTheCarryThresholdStayExact() {
        var s = ExactSum()
        s.add(0x1.fffffffffffffp+40)
        s.add(-0x1.8p-1040)
        for _ in 0..<40 {
            let copy = s
            s.add(copy)
            #expect(s.pending < ExactSum.carryInterval)
        }
        var expected = ExactSum()
        expected.add(0x1.fffffffffffffp+80)
        expected.add(-0x1.8p-1000)
        #expect(s == expected)
        #expect(s.value == 0x1.fffffffffffffp+80)
    }

    /// The point of the type: any order and any grouping give the same state, bits and bytes.
    @Test func permutationAndGroupingInvariance() {
        var rng = SplitMix64(seed: 42)
        var xs: [Double] = []
        for _ in 0..<7_000 { xs.append(wild(&rng, exponents: -1074...990)) }
        // Cancel most of the largest terms so that the small ones decide the result.
        let large = xs.sorted { abs($0) > abs($1) }.prefix(2_000)
        xs += large.map { -$0 }
        for _ in 0..<1_000 { xs.append(wild(&rng, exponents: -1074 ... -1000)) }   // subnormal range too
        xs += Array(repeating: 0.0, count: 500) + Array(repeating: -0.0, count: 500)
        #expect(xs.count == 11_000)

        let reference = exactSum(xs)
        let bits = reference.value.bitPattern
        let bytes = encoded(reference)
        #expect(reference.value.isFinite && reference.value != 0)
        var naive: Set<UInt64> = [naiveSum(xs).bitPattern]

        for _ in 0..<5 {
            var shuffled = xs
            rng.shuffle(&shuffled)
            naive.insert(naiveSum(shuffled).bitPattern)
            #expect(exactSum(shuffled).value.bitPattern == bits)
            #expect(exactSum(shuffled) == reference)

            // Random groups, merged in random order, and pairwise as a tree.
            var groups: [ExactSum] = []
            var start = 0
            while start < shuffled.count {
                let end = Swift.min(shuffled.count, start + 1 + rng.below(2_000))
                groups.append(exactSum(Array(shuffled[start..<end])))
                start = end
            }
            rng.shuffle(&groups)
            var merged = ExactSum()
            for g in groups { merged.add(g) }
            #expect(merged.value.bitPattern == bits)
            #expect(encoded(merged) == bytes)
            while groups.count > 1 {
                var next: [ExactSum] = []
                for i in stride(from: 0, to: groups.count, by: 2) {
                    var g = groups[i]
                    if i + 1 < groups.count { g.add(groups[i + 1]) }
                    next.append(g)
                }
                groups = next
            }
            #expect(groups[0] == reference)
            #expect(encoded(groups[0]) == bytes)
        }
        #expect(naive.count > 1, "naive summation should depend on the order of this data")
    }

    @Test func nonFiniteInputIsFlaggedNotTrapped() throws {
        for bad in [Double.nan, .infinity, -.infinity, -Double.nan] {
            var s = exactSum([1, 2])
            s.add(bad)
            s.add(3)
            #expect(!s.isFinite)
            #expect(s.value.isNaN)
            var t = exactSum([4])
            t.add(s)
            #expect(!t.isFinite)
            var r = ByteReader(encoded(s))
            let decoded = try ExactSum(from: &r)
            #expect(decoded == s && !decoded.isFinite && r.isAtEnd)
        }
        #expect(exactSum([1]) != exactSum([1, .nan]))
    }

    @Test func serialisationIsCanonicalAndRoundTrips() throws {
        var rng = SplitMix64(seed: 7)
        var sums: [ExactSum] = [ExactSum(), exactSum([0x1p-1074]), exactSum([-0x1p-1074]),
                                exactSum([.greatestFiniteMagnitude, .greatestFiniteMagnitude]),
                                exactSum([-1e300, -1e-300]), exactSum([1, .nan])]
        for _ in 0..<50 {
            sums.append(exactSum((0..<(1 + rng.below(50))).map { _ in wild(&rng, exponents: -1074...1000) }))
        }
        for s in sums {
            let bytes = encoded(s)
            var r = ByteReader(bytes)
            let decoded = try ExactSum(from: &r)
            #expect(r.isAtEnd)
            #expect(decoded == s)
            #expect(decoded.value.bitPattern == s.value.bitPattern)
            #expect(encoded(decoded) == bytes)
        }
        // Same exact sum from different addends → same bytes.
        #expect(encoded(exactSum([0.5, 0.25])) == encoded(exactSum([1, -0.25])))
        #expect(encoded(exactSum([3, -3])) == encoded(ExactSum()))
    }

    @Test func decodingRejectsMalformedInput() {
        let bytes = encoded(exactSum([-1e300, 3e-300, 5]))
        for cut in 0..<bytes.count {
            var r = ByteReader(Array(bytes.prefix(cut)))
            #expect(throws: ByteReader.Error.self) { try ExactSum(from: &r) }
        }
        let malformed: [[UInt8]] = [
            [3],                                  // unknown kind
            [0, 60, 9] + Array(repeating: 1, count: 36),   // digits beyond the accumulator
            [1, 0, 0],                            // negative zero
            [0, 5, 0],                            // zero with an offset
            [0, 0, 2, 0, 0, 0, 0, 1, 0, 0, 0],    // leading zero digit
            [0, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0],    // trailing zero digit
            [0, 67, 1, 0, 0, 0, 1],               // beyond any reachable sum
        ]
        for m in malformed {
            var r = ByteReader(m)
            #expect(throws: ByteReader.Error.self) { try ExactSum(from: &r) }
        }
    }
}
