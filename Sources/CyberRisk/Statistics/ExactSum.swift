/// An exact, error-free sum of `Double`s, correctly rounded only when it is read.
///
/// Every finite double is an integer multiple of `2⁻¹⁰⁷⁴` (the smallest subnormal), so a sum of
/// doubles is an integer `N` in units of `2⁻¹⁰⁷⁴`. `ExactSum` keeps `N` exactly in a fixed-size
/// *superaccumulator* (Neal, "Fast exact summation using small and large superaccumulators",
/// 2015): 68 signed 64-bit digits, digit `i` standing for `dᵢ · 2^(32i − 1074)`, so that
///
///     sum = Σᵢ dᵢ · 2^(32i − 1074),   i = 0 … 67.
///
/// Digits 0…65 cover every bit a finite double can have (`2⁻¹⁰⁷⁴ … 2¹⁰²³`); digits 66 and 67 are
/// headroom for carries (more than 2⁶³ addends of any size fit).
///
/// **Adding** `x = m · 2^(s − 1074)` (53-bit integer significand `m`, `s ≥ 0`) splits `m · 2^(s mod 32)`
/// into three 32-bit chunks and adds or subtracts them to digits `⌊s/32⌋ … ⌊s/32⌋+2`: three integer
/// additions, no rounding, no branch on magnitude and no allocation. Carries are propagated
/// lazily: each add moves a digit by less than `2³²`, so at least `2³⁰` adds fit in an `Int64`
/// digit before carries have to be propagated (which happens automatically, in place).
///
/// **Order independence.** The digits hold the exact integer `N`, and integer addition is
/// associative and commutative, so any permutation or grouping of ``add(_:)-(Double)`` and
/// ``add(_:)-(ExactSum)`` calls yields the same `N`, hence bit-identical ``value`` and identical
/// serialised bytes (which are written from the canonical, carry-normalised form).
///
/// **Non-finite input** (NaN, ±∞) is meant to be rejected upstream; it does not trap here but
/// clears ``isFinite``, after which ``value`` is NaN.
///
/// ```swift
/// var s = ExactSum()
/// for x in [1e16, 1.0, -1e16] { s.add(x) }
/// s.value                                   // 1.0 (plain `+` gives 0.0)
/// ```
struct ExactSum: Sendable, Equatable {
    /// Number of 32-bit digits.
    static let digitCount = 68
    /// Adds (or merges) allowed between carry normalisations: each one moves a digit by less than
    /// `2³²`, and `(2³⁰ + 1) · 2³² < 2⁶³`, so no digit can overflow.
    static let carryInterval = 1 << 30
    /// Largest magnitude of the top digit in a valid state (`2¹⁸ · 2^(32·67 − 1074) = 2¹⁰⁸⁸`, far
    /// above the `2¹⁰⁸⁷` that 2⁶³ addends below `2¹⁰²⁴` can reach).
    static let topDigitLimit: Int64 = 1 << 18

    /// The digits; between normalisations each may be any `Int64` reached by `< carryInterval` adds.
    var digits: InlineArray<68, Int64>
    /// Adds and merges since the last carry normalisation.
    var pending: Int
    /// `false` once a NaN or infinity was added (directly or through a merge).
    private(set) var isFinite: Bool

    /// The empty sum (exactly zero).
    init() {
        digits = InlineArray(repeating: 0)
        pending = 0
        isFinite = true
    }

    /// Adds `x` exactly. Finite `x` only; NaN or ±∞ clears ``isFinite`` instead of trapping.
    /// Allocation-free; `±0` is a no-op.
    mutating func add(_ x: Double) {
        let bits = x.bitPattern
        let biased = Int(truncatingIfNeeded: (bits >> 52) & 0x7FF)
        if biased == 0x7FF {
            isFinite = false
            return
        }
        var significand = bits & 0x000F_FFFF_FFFF_FFFF
        if biased != 0 { significand |= 0x0010_0000_0000_0000 }
        if significand == 0 { return }
        // x = significand · 2^(shift − 1074); subnormals share the shift of the smallest normals.
        let shift = biased == 0 ? 0 : biased - 1
        let d = shift >> 5
        let o = UInt64(shift & 31)
        let low = significand << o                       // bits 0…63 of significand · 2^o
        let sign = Int64(bitPattern: bits) >> 63         // 0 or −1
        let c0 = Int64(low & 0xFFFF_FFFF)
        let c1 = Int64(low >> 32)
        let c2 = Int64(significand >> (64 - o))          // bits 64…84 (0 when o = 0)
        digits[d] &+= (c0 ^ sign) &- sign
        digits[d + 1] &+= (c1 ^ sign) &- sign
        digits[d + 2] &+= (c2 ^ sign) &- sign
        pending &+= 1
        if pending >= ExactSum.carryInterval { normalize() }
    }

    /// Adds another exact sum (an exact, order-independent merge). Allocation-free.
    mutating func add(_ other: ExactSum) {
        if !other.isFinite { isFinite = false }
        var other = other
        if pending + other.pending + 1 >= ExactSum.carryInterval {
            normalize()
            other.normalize()
        }
        for i in 0..<ExactSum.digitCount {
            digits[i] &+= other.digits[i]
        }
        pending += other.pending + 1
    }

    /// Propagates carries so that digits 0…66 lie in `[0, 2³²)` and digit 67 carries the sign:
    /// the canonical (unique) form of the sum. Does not change the represented value.
    mutating func normalize() {
        var carry: Int64 = 0
        for i in 0..<(ExactSum.digitCount - 1) {
            let v = digits[i] &+ carry
            digits[i] = v & 0xFFFF_FFFF
            carry = v >> 32
        }
        digits[ExactSum.digitCount - 1] &+= carry
        pending = 0
    }

    /// The exact sum as a sign and a magnitude whose digits all lie in `[0, 2³²)`.
    func signAndMagnitude() -> (negative: Bool, digits: InlineArray<68, Int64>) {
        var s = self
        s.normalize()
        guard s.digits[ExactSum.digitCount - 1] < 0 else { return (false, s.digits) }
        for i in 0..<ExactSum.digitCount { s.digits[i] = 0 &- s.digits[i] }
        s.normalize()
        return (true, s.digits)
    }

    /// The exact sum as `±magnitude · 2⁻¹⁰⁷⁴`, magnitude as little-endian base-2³² limbs without
    /// trailing zero limbs (empty for zero), for exact arithmetic on sums (``Moments/variance``).
    func integerForm() -> (negative: Bool, limbs: [UInt32]) {
        let (negative, m) = signAndMagnitude()
        var limbs: [UInt32] = []
        var top = ExactSum.digitCount - 1
        while top >= 0 && m[top] == 0 { top -= 1 }
        if top < 0 { return (false, []) }
        limbs.reserveCapacity(top + 1)
        for i in 0...top { limbs.append(UInt32(truncatingIfNeeded: m[i])) }
        return (negative, limbs)
    }

    /// The exact sum correctly rounded to the nearest double, ties to even: `±∞` when it
    /// overflows, `+0.0` when it is exactly zero, NaN when ``isFinite`` is `false`.
    ///
    /// With `P` the position of the leading bit of the magnitude `N`, the kept bits are
    /// `N[L…P]`, `L = max(P − 52, 0)` (fewer than 53 for subnormal results); the round bit is
    /// `N[L−1]`, the sticky bit the OR of all lower bits.
    var value: Double {
        guard isFinite else { return .nan }
        let (negative, m) = signAndMagnitude()
        let sign: FloatingPointSign = negative ? .minus : .plus
        var h = ExactSum.digitCount - 1
        while h >= 0 && m[h] == 0 { h -= 1 }
        if h < 0 { return 0 }
        // Digit 66 starts at 2^(2112 − 1074) = 2^1038: certainly beyond the finite range.
        if h >= 66 { return Double(sign: sign, exponent: 0, significand: .infinity) }
        let top = UInt32(truncatingIfNeeded: m[h])
        let p = 32 * h + 31 - top.leadingZeroBitCount
        let l = Swift.max(p - 52, 0)
        var kept = ExactSum.window(m, at: l) & ((1 << UInt64(p - l + 1)) - 1)
        if l >= 1 {
            let roundBit = (ExactSum.window(m, at: l - 1) & 1) != 0
            let sticky = l >= 2 && ExactSum.anyBit(m, below: l - 1)
            if roundBit && (sticky || kept & 1 == 1) { kept += 1 }
        }
        // kept ≤ 2⁵³ is exact as a double; the scaling by 2^(l − 1074) is exact or overflows to ∞.
        return Double(sign: sign, exponent: l - 1074, significand: Double(kept))
    }

    /// Bits `pos ..< pos + 64` of a magnitude with digits in `[0, 2³²)` (`0 ≤ pos`, `pos/32 ≤ 65`).
    static func window(_ m: InlineArray<68, Int64>, at pos: Int) -> UInt64 {
        let d = pos >> 5
        let o = UInt64(pos & 31)
        let low = UInt64(truncatingIfNeeded: m[d]) | (UInt64(truncatingIfNeeded: m[d + 1]) << 32)
        let high = UInt64(truncatingIfNeeded: m[d + 2])
        return (low >> o) | (high << (64 - o))
    }

    /// Whether any bit below position `pos` is set.
    static func anyBit(_ m: InlineArray<68, Int64>, below pos: Int) -> Bool {
        let d = pos >> 5
        for i in 0..<d where m[i] != 0 { return true }
        return m[d] & ((1 << Int64(pos & 31)) - 1) != 0
    }

    /// Equal when both represent the same exact sum (whatever their carry state), or both are
    /// non-finite.
    static func == (a: ExactSum, b: ExactSum) -> Bool {
        guard a.isFinite == b.isFinite else { return false }
        guard a.isFinite else { return true }
        var x = a, y = b
        x.normalize()
        y.normalize()
        for i in 0..<ExactSum.digitCount where x.digits[i] != y.digits[i] { return false }
        return true
    }
}

extension ExactSum {
    /// Writes the canonical form: a kind byte (`0` non-negative, `1` negative, `2` non-finite);
    /// for finite sums the index of the lowest non-zero magnitude digit and the number of digits
    /// up to the highest non-zero one (two bytes; `0, 0` for zero), then those digits as `UInt32`.
    /// Equal sums give identical bytes.
    func write(to w: inout ByteWriter) {
        guard isFinite else {
            w.append(UInt8(2))
            return
        }
        let (negative, m) = signAndMagnitude()
        var lo = 0
        while lo < ExactSum.digitCount && m[lo] == 0 { lo += 1 }
        guard lo < ExactSum.digitCount else {
            w.append(UInt8(0)); w.append(UInt8(0)); w.append(UInt8(0))
            return
        }
        var hi = ExactSum.digitCount - 1
        while m[hi] == 0 { hi -= 1 }
        w.append(UInt8(negative ? 1 : 0))
        w.append(UInt8(lo))
        w.append(UInt8(hi - lo + 1))
        for i in lo...hi { w.append(UInt32(truncatingIfNeeded: m[i])) }
    }

    /// Reads the form written by ``write(to:)``, rejecting unknown kinds, digit ranges outside
    /// the accumulator, non-canonical encodings (zero digits at either end, a negative zero) and
    /// sums beyond the range any real run can reach (`|sum| ≥ 2¹⁰⁸⁸`).
    init(from r: inout ByteReader) throws {
        self.init()
        let kind = try r.readUInt8()
        switch kind {
        case 2:
            isFinite = false
            return
        case 0, 1:
            break
        default:
            throw ByteReader.Error.invalid("exact sum: unknown kind \(kind)")
        }
        let lo = Int(try r.readUInt8())
        let n = Int(try r.readUInt8())
        guard lo + n <= ExactSum.digitCount else {
            throw ByteReader.Error.invalid("exact sum: digits \(lo)..<\(lo + n) outside the accumulator")
        }
        guard n > 0 else {
            guard kind == 0, lo == 0 else { throw ByteReader.Error.invalid("exact sum: non-canonical zero") }
            return
        }
        for k in 0..<n { digits[lo + k] = Int64(try r.readUInt32()) }
        guard digits[lo] != 0, digits[lo + n - 1] != 0 else {
            throw ByteReader.Error.invalid("exact sum: non-canonical digits")
        }
        guard digits[ExactSum.digitCount - 1] < ExactSum.topDigitLimit else {
            throw ByteReader.Error.invalid("exact sum: out of range")
        }
        if kind == 1 {
            for i in 0..<ExactSum.digitCount { digits[i] = 0 &- digits[i] }
            normalize()
        }
    }
}
