/// Streaming count, mean, variance, minimum and maximum of a series, with exact sums.
///
/// Keeps `n` (an integer), `S = Σx` and `Q = Σx²` as ``ExactSum``s, and the exact `min` and
/// `max`. Every part merges exactly and order-independently (integer and exact additions,
/// comparisons), so any split of the values over threads or shards gives an identical state, and
/// identical results and bytes. Memory is constant in the number of values.
///
/// - Per-value ``add(_:)`` adds `x` to `S` and the exact square `x² = p + e` to `Q`, where
///   `p = fl(x·x)` and `e = fma(x, x, −p)` is the exact rounding error (exact for
///   `2⁻⁴⁸⁵ ≤ |x| < 2⁵¹²`; below, `e` underflows by less than `2⁻¹⁰⁷⁴`; above, `Q` overflows
///   to non-finite).
/// - ``add(blockCount:blockSum:blockSumOfSquares:blockMin:blockMax:)`` adds a block partial that
///   the caller summed in plain `Double` in a fixed order; `S` and `Q` then hold the exact sums of
///   those partials, which are deterministic but carry the caller's rounding.
///
/// The ``variance`` is computed from the exact sums without cancellation: the integer
/// `n·Q − S²` is evaluated exactly (in units of `2⁻²¹⁴⁸`), then rounded once and divided by
/// `n(n − 1)`. Constant data thus gives exactly 0.
///
/// `-0.0` is recorded as `+0.0`, so ``min`` and ``max`` do not depend on which zero came first.
/// Non-finite values clear the sums' `isFinite` (``mean`` and ``variance`` become NaN) and are
/// ignored by ``min`` and ``max``.
///
/// ```swift
/// var m = Moments()
/// for x in [2.0, 4, 4, 4, 5, 5, 7, 9] { m.add(x) }
/// m.mean                // 5.0
/// m.variance            // 4.571428571428571 (= 32/7, unbiased)
/// m.standardError       // 0.7559289460184544 (= sd/√8)
/// ```
struct Moments: Sendable, Equatable {
    /// Number of values `n`.
    private(set) var count: Int64
    /// `Σx`, exact.
    private(set) var sum: ExactSum
    /// `Σx²`, exact (of the block partials, for block adds).
    private(set) var sumOfSquares: ExactSum
    /// The smallest value; `+∞` when empty.
    private(set) var min: Double
    /// The largest value; `−∞` when empty.
    private(set) var max: Double

    /// No values.
    init() {
        count = 0
        sum = ExactSum()
        sumOfSquares = ExactSum()
        min = .infinity
        max = -.infinity
    }

    /// Adds one value. Allocation-free.
    mutating func add(_ x: Double) {
        count += 1
        sum.add(x)
        let p = x * x
        sumOfSquares.add(p)
        sumOfSquares.add((-p).addingProduct(x, x))
        let v = x == 0 ? 0 : x
        if v < min { min = v }
        if v > max { max = v }
    }

    /// Adds a block of `blockCount` values summarised by the caller: `blockSum = Σx` and
    /// `blockSumOfSquares = Σx²` as plain `Double` sums in a fixed (e.g. trial) order, and the
    /// block's extremes. A `blockCount` of 0 or less adds nothing. Allocation-free.
    mutating func add(blockCount: Int64, blockSum: Double, blockSumOfSquares: Double,
                             blockMin: Double, blockMax: Double) {
        guard blockCount > 0 else { return }
        count += blockCount
        sum.add(blockSum)
        sumOfSquares.add(blockSumOfSquares)
        let lo = blockMin == 0 ? 0 : blockMin
        let hi = blockMax == 0 ? 0 : blockMax
        if lo < min { min = lo }
        if hi > max { max = hi }
    }

    /// Adds all values of `other` (exact; the result does not depend on merge order).
    mutating func merge(_ other: Moments) {
        count += other.count
        sum.add(other.sum)
        sumOfSquares.add(other.sumOfSquares)
        if other.min < min { min = other.min }
        if other.max > max { max = other.max }
    }

    /// `S/n`: the exact sum rounded to a double, then divided (error ≤ 1 ulp); NaN when empty.
    var mean: Double {
        guard count > 0 else { return .nan }
        return sum.value / Double(count)
    }

    /// The unbiased variance `(n·Q − S²) / (n(n − 1))`; 0 for `n < 2`; NaN when a sum is not
    /// finite.
    ///
    /// `n·Q − S²` is computed exactly as an integer (`S = s·2⁻¹⁰⁷⁴`, `Q = q·2⁻¹⁰⁷⁴`, so
    /// `n·Q − S² = (n·q·2¹⁰⁷⁴ − s²)·2⁻²¹⁴⁸`), then rounded to a double and divided by `n` and by
    /// `n − 1`: at most three roundings (≤ 1.5 ulp). A negative exact value (possible only with
    /// block partials, whose rounding the caller owns) gives 0.
    var variance: Double {
        guard count >= 2 else { return 0 }
        guard sum.isFinite, sumOfSquares.isFinite else { return .nan }
        let q = sumOfSquares.integerForm()
        if q.negative { return 0 }
        let s = sum.integerForm().limbs
        let n = UInt64(count)
        let a = WideNatural.shiftedLeft(WideNatural.product(q.limbs, [UInt32(truncatingIfNeeded: n),
                                                                       UInt32(truncatingIfNeeded: n >> 32)]),
                                        by: 1074)
        let b = WideNatural.product(s, s)
        guard WideNatural.compare(a, b) > 0 else { return 0 }
        let (significand, exponent) = WideNatural.rounded(WideNatural.difference(a, b))
        return Double(sign: .plus, exponent: exponent - 2148,
                      significand: significand / Double(count) / Double(count - 1))
    }

    /// `√variance`.
    var standardDeviation: Double {
        variance.squareRoot()
    }

    /// The standard error of the mean, `sd/√n`; NaN when empty.
    var standardError: Double {
        standardDeviation / Double(count).squareRoot()
    }
}

extension Moments {
    /// Tag byte opening the serialised form (`"M"`).
    static let tag: UInt8 = 0x4D

    /// Writes the tag, `count` (`Int64`), `sum` and `sumOfSquares` (canonical ``ExactSum``
    /// forms), `min` and `max` (bit patterns). Equal states give identical bytes.
    func write(to w: inout ByteWriter) {
        w.append(Moments.tag)
        w.append(count)
        sum.write(to: &w)
        sumOfSquares.write(to: &w)
        w.append(min)
        w.append(max)
    }

    /// Reads the form written by ``write(to:)`` and checks it: `0 ≤ count ≤ 2⁵³` (more than any
    /// feasible run, and it keeps merges of decoded states far from overflow); an empty
    /// state exactly as ``init()``; otherwise no NaN or `-0.0` extreme, `min ≤ max` (or no finite
    /// value at all, with a non-finite sum), and `Σx² ≥ 0`.
    init(from r: inout ByteReader) throws {
        guard try r.readUInt8() == Moments.tag else { throw ByteReader.Error.invalid("moments: bad tag") }
        count = try r.readInt64()
        sum = try ExactSum(from: &r)
        sumOfSquares = try ExactSum(from: &r)
        min = try r.readDouble()
        max = try r.readDouble()
        guard count >= 0, count <= 1 << 53 else { throw ByteReader.Error.invalid("moments: count \(count) out of range") }
        if count == 0 {
            guard self == Moments() else { throw ByteReader.Error.invalid("moments: empty but not blank") }
            return
        }
        let negativeZero = (-0.0).bitPattern
        guard !min.isNaN, !max.isNaN, min.bitPattern != negativeZero, max.bitPattern != negativeZero else {
            throw ByteReader.Error.invalid("moments: non-canonical extremes")
        }
        let noFiniteValue = min == .infinity && max == -.infinity && !sum.isFinite
        guard min <= max || noFiniteValue else { throw ByteReader.Error.invalid("moments: min > max") }
        guard !sumOfSquares.isFinite || !sumOfSquares.integerForm().negative else {
            throw ByteReader.Error.invalid("moments: negative sum of squares")
        }
    }
}

/// Just enough unsigned multi-precision arithmetic for ``Moments/variance``: little-endian
/// base-2³² limbs, no trailing zero limbs required.
private enum WideNatural {
    static func trimmed(_ x: [UInt32]) -> [UInt32] {
        var x = x
        while x.last == 0 { x.removeLast() }
        return x
    }

    /// `a · b` (schoolbook).
    static func product(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        let a = trimmed(a), b = trimmed(b)
        if a.isEmpty || b.isEmpty { return [] }
        var out = [UInt32](repeating: 0, count: a.count + b.count)
        for i in a.indices {
            var carry: UInt64 = 0
            let ai = UInt64(a[i])
            for j in b.indices {
                // ai·bj + out + carry ≤ (2³²−1)² + 2·(2³²−1) < 2⁶⁴.
                let t = ai * UInt64(b[j]) + UInt64(out[i + j]) + carry
                out[i + j] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
            out[i + b.count] = UInt32(truncatingIfNeeded: carry)
        }
        return trimmed(out)
    }

    /// `x · 2^bits`.
    static func shiftedLeft(_ x: [UInt32], by bits: Int) -> [UInt32] {
        if x.isEmpty { return [] }
        let limbs = bits / 32, o = UInt32(bits % 32)
        var out = [UInt32](repeating: 0, count: limbs + x.count + 1)
        for i in x.indices {
            out[limbs + i] |= x[i] << o
            out[limbs + i + 1] |= x[i] >> (32 - o)          // 0 when o = 0
        }
        return trimmed(out)
    }

    /// The sign of `a − b`.
    static func compare(_ a: [UInt32], _ b: [UInt32]) -> Int {
        let a = trimmed(a), b = trimmed(b)
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for i in a.indices.reversed() where a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
        return 0
    }

    /// `a − b` for `a ≥ b`.
    static func difference(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var out = a
        var borrow: Int64 = 0
        for i in out.indices {
            let t = Int64(out[i]) - (i < b.count ? Int64(b[i]) : 0) - borrow
            borrow = t < 0 ? 1 : 0
            out[i] = UInt32(truncatingIfNeeded: t + (borrow << 32))
        }
        return trimmed(out)
    }

    /// `(s, e)` with `s · 2^e` equal to `x` correctly rounded to 53 bits (`s` a whole number):
    /// the top 64 bits, with the OR of all lower bits folded into the last one, rounded once by
    /// the `UInt64 → Double` conversion.
    static func rounded(_ x: [UInt32]) -> (significand: Double, exponent: Int) {
        let x = trimmed(x)
        guard let top = x.last else { return (0, 0) }
        let length = 32 * x.count - top.leadingZeroBitCount
        if length <= 64 {
            var v: UInt64 = 0
            for i in x.indices.reversed() { v = v << 32 | UInt64(x[i]) }
            return (Double(v), 0)
        }
        let start = length - 64
        var v: UInt64 = 0
        for k in 0..<64 {
            let bit = start + k
            if (x[bit / 32] >> UInt32(bit % 32)) & 1 == 1 { v |= 1 << UInt64(k) }
        }
        var sticky = false
        for bit in 0..<start where (x[bit / 32] >> UInt32(bit % 32)) & 1 == 1 {
            sticky = true
            break
        }
        if sticky { v |= 1 }
        return (Double(v), start)
    }
}
