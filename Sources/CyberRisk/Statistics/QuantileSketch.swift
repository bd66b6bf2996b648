/// A mergeable quantile sketch with relative accuracy `α = 1/257 ≈ 0.39%` (log-linear buckets in
/// the spirit of DDSketch: Masson, Rim & Lee, "DDSketch: a fast and fully-mergeable quantile
/// sketch with relative-error guarantees", PVLDB 12(12), 2019).
///
/// **Buckets.** A positive double `x = 2^(E−1023)·(1 + f)` is counted in bucket
/// `i = bitPattern(x) >> 45`, i.e. `i = 128·E + ⌊128·f⌋` (the biased exponent and the top 7
/// mantissa bits): one shift, no `log`. For a normal `x` the bucket is
/// `[lo, hi) = [2^e·a/128, 2^e·(a+1)/128)`, `e = E − 1023`, `a = 128 + ⌊128f⌋ ∈ [128, 255]`,
/// so `hi/lo = (a+1)/a ≤ 129/128`. Negative values go to a mirror store by `|x|`; exact zeros
/// (`±0.0`) to a zero count; `±∞` to a last bucket (`i = 262 016`) represented by `±∞`; NaN
/// is ignored (it has no rank).
///
/// **Accuracy.** Bucket `i` is represented by `r = 2·lo·hi/(lo + hi)` (the harmonic mean of its
/// bounds). For `x ∈ [lo, hi)`, `|r − x|/x` grows towards both ends and
///
///     (r − lo)/lo = (hi − r)/hi = (hi − lo)/(hi + lo) = 1/(2a + 1) ≤ 1/257,
///
/// so every value is within relative error `α = 1/257` of its bucket's representative. In
/// floating point `r = f(a)·2^(e−7)` with `f(a) = 2a(a+1)/(2a+1)` rounded *down* (one division,
/// an exact FMA test, a scaling by a power of two); rounding towards `lo` keeps the bound at
/// `x = lo` and, because `x ≤ hi − ulp`, also at the top end — the test suite checks both ends of
/// all 128 mantissa patterns exactly. Subnormal magnitudes (`< 2⁻¹⁰²²`) use linear buckets of
/// width `2⁻¹⁰²⁹`, represented by their midpoints (absolute error `≤ 2⁻¹⁰³⁰`).
/// Every estimate is clamped into the exact `[min, max]`, which can only reduce its error.
///
/// **Queries.** Ranks are 0-based in ascending order. ``quantile(_:)`` returns the (clamped)
/// representative of the bucket holding the item of rank `⌊q·(n − 1)⌋`, hence within `α` of that
/// order statistic; `q = 0` and `q = 1` give the exact ``min`` and ``max``.
/// ``fractionAbove(_:)`` and ``tailMean(fraction:)`` are documented with their bounds.
///
/// **Merging and determinism.** Counts are integers, so ``merge(_:)`` is exact, commutative and
/// associative: any split of the values gives a state equal (`==`) to inserting them all into one
/// sketch, with bit-identical answers and identical serialised bytes.
///
/// **Memory.** One dense `UInt64` count per bucket between the lowest and highest index touched
/// (each sign separately; 128 buckets per factor of two, e.g. 40 KB for values spanning
/// `10⁻¹² … 1`). Storage grows with the range of values, never with their number, and at most to
/// 262 017 buckets (2 MB) per sign; inserts into the covered range do not allocate.
///
/// ```swift
/// var s = QuantileSketch()
/// for k in 1...1000 { s.insert(Double(k)) }
/// s.quantile(0.5)              // 500.998…  (bucket [500, 502); true order statistic 500)
/// s.quantile(1)                // 1000.0    (exact max)
/// s.fractionAbove(900)         // 0.101     (900 shares a bucket with 901…903; truth 0.1)
/// ```
@_spi(Engine) public struct QuantileSketch: Sendable, Equatable {
    /// The guaranteed relative accuracy `α = 1/257` of quantiles (for normal, non-zero values).
    static let relativeAccuracy = 1.0 / 257
    /// Index of the bucket of `±∞`, the last one: biased exponent 2047, mantissa bits 0.
    static let infinityIndex = 0x7FF << 7
    /// Bits of the magnitude's pattern dropped to form the index (52 mantissa bits − 7 kept).
    static let indexShift: UInt64 = 45

    /// Number of values inserted (NaN excluded).
    @_spi(Engine) public private(set) var count: UInt64
    /// Number of exact zeros inserted.
    private(set) var zeroCount: UInt64
    /// The smallest value (exact); `+∞` when empty.
    private(set) var min: Double
    /// The largest value (exact); `−∞` when empty.
    private(set) var max: Double
    /// Counts of positive values by bucket index.
    var positive: Bins
    /// Counts of negative values by the bucket index of `|x|`.
    var negative: Bins

    /// An empty sketch.
    @_spi(Engine) public init() {
        count = 0
        zeroCount = 0
        min = .infinity
        max = -.infinity
        positive = Bins()
        negative = Bins()
    }

    /// Whether no value has been inserted.
    var isEmpty: Bool { count == 0 }

    /// Inserts one value. Allocation-free unless `x` falls outside the buckets covered so far.
    @_spi(Engine) public mutating func insert(_ x: Double) {
        insert(x, count: 1)
    }

    /// Inserts `x` `count` times (equal to `count` single inserts; `count = 0` is a no-op).
    /// Inlined, so the single insert of the hot loop compiles to the same code it always had.
    @inline(__always)
    mutating func insert(_ x: Double, count c: UInt64) {
        guard c > 0 else { return }
        let bits = x.bitPattern
        let magnitude = bits & 0x7FFF_FFFF_FFFF_FFFF
        var v = x
        if magnitude == 0 {
            zeroCount += c
            v = 0
        } else if magnitude > 0x7FF0_0000_0000_0000 {
            return
        } else if bits == magnitude {
            positive.add(Int(truncatingIfNeeded: magnitude >> QuantileSketch.indexShift), c)
        } else {
            negative.add(Int(truncatingIfNeeded: magnitude >> QuantileSketch.indexShift), c)
        }
        count += c
        if v < min { min = v }
        if v > max { max = v }
    }

    /// Inserts `values[k·stride]` for `k = 0 ..< count`: the same state as inserting them one by
    /// one (bucket counts, zero count, `min`, `max`), but the bucket windows are grown at most
    /// once, first, so the counting pass keeps the counts' addresses and the running min and max
    /// in registers. Allocation-free unless a value falls outside the buckets covered so far.
    @inline(__always)
    mutating func insert(contentsOf values: UnsafePointer<Double>, count: Int, stride: Int) {
        let sign: UInt64 = 0x8000_0000_0000_0000, infinity: UInt64 = 0x7FF0_0000_0000_0000
        var low = (positive: Int.max, negative: Int.max), high = (positive: Int.min, negative: Int.min)
        for k in 0..<count {
            let bits = values[k &* stride].bitPattern
            let magnitude = bits & ~sign
            guard magnitude != 0 && magnitude <= infinity else { continue }
            let index = Int(truncatingIfNeeded: magnitude >> QuantileSketch.indexShift)
            if bits == magnitude {
                low.positive = Swift.min(low.positive, index)
                high.positive = Swift.max(high.positive, index)
            } else {
                low.negative = Swift.min(low.negative, index)
                high.negative = Swift.max(high.negative, index)
            }
        }
        if low.positive <= high.positive { positive.cover(low.positive, high.positive) }
        if low.negative <= high.negative { negative.cover(low.negative, high.negative) }
        var inserted: UInt64 = 0, zeros: UInt64 = 0, smallest = min, largest = max
        let positiveOffset = positive.offset, negativeOffset = negative.offset
        positive.counts.withUnsafeMutableBufferPointer { positiveCounts in
            negative.counts.withUnsafeMutableBufferPointer { negativeCounts in
                let up = positiveCounts.baseAddress, down = negativeCounts.baseAddress
                for k in 0..<count {
                    var v = values[k &* stride]
                    let bits = v.bitPattern
                    let magnitude = bits & ~sign
                    if magnitude == 0 {
                        zeros &+= 1
                        v = 0
                    } else if magnitude > infinity {
                        continue
                    } else if bits == magnitude {
                        up![Int(truncatingIfNeeded: magnitude >> QuantileSketch.indexShift) &- positiveOffset] += 1
                    } else {
                        down![Int(truncatingIfNeeded: magnitude >> QuantileSketch.indexShift) &- negativeOffset] += 1
                    }
                    inserted &+= 1
                    if v < smallest { smallest = v }
                    if v > largest { largest = v }
                }
            }
        }
        self.count += inserted
        zeroCount += zeros
        min = smallest
        max = largest
    }

    /// Adds all values of `other`: integer counts, so exact and order-independent.
    @_spi(Engine) public mutating func merge(_ other: QuantileSketch) {
        count += other.count
        zeroCount += other.zeroCount
        positive.merge(other.positive)
        negative.merge(other.negative)
        if other.min < min { min = other.min }
        if other.max > max { max = other.max }
    }

    /// The value at quantile `q ∈ [0, 1]`: ``min`` for `q = 0`, ``max`` for `q = 1`, otherwise
    /// the representative of the bucket holding the item of 0-based rank `⌊q·(n − 1)⌋`, clamped
    /// into `[min, max]` — within relative error ``relativeAccuracy`` of that item (exact for a
    /// zero). NaN when empty or when `q` is outside `[0, 1]` or NaN.
    func quantile(_ q: Double) -> Double {
        guard count > 0, q >= 0, q <= 1 else { return .nan }
        if q == 0 { return min }
        if q == 1 { return max }
        // q < 1 and Double(n − 1) ≤ 2⁶⁴, so the product is below 2⁶⁴.
        let rank = Swift.min(UInt64((q * Double(count - 1)).rounded(.down)), count - 1)
        return clamped(representative(atRank: rank))
    }

    /// An estimate of `P(X > t)`: the share of items whose bucket's (clamped) representative
    /// exceeds `t`. Exactly 0 for `t ≥ max`, 1 for `t < min`, and exact at `t = 0`; otherwise
    /// only the items in the bucket containing `t` can be misjudged, so for `t > 0` with bucket
    /// `[lo, hi)`:
    ///
    ///     P(X ≥ hi) ≤ fractionAbove(t) ≤ P(X ≥ lo),   hi/lo ≤ 129/128
    ///
    /// (mirrored, `P(X > −lo) ≤ … ≤ P(X > −hi)`, for `t < 0`). NaN when empty or `t` is NaN.
    func fractionAbove(_ t: Double) -> Double {
        guard count > 0, !t.isNaN else { return .nan }
        return Double(countAbove(t)) / Double(count)
    }

    /// The number of items counted by ``fractionAbove(_:)``.
    func countAbove(_ t: Double) -> UInt64 {
        if t >= max { return 0 }
        if t < min { return count }
        if t > 0 {
            guard let range = positive.occupied else { return 0 }
            let j = QuantileSketch.index(ofMagnitude: t)
            var n: UInt64 = 0
            if j < range.upperBound {
                for i in Swift.max(j + 1, range.lowerBound)...range.upperBound { n += positive.count(at: i) }
            }
            if range.contains(j) && clamped(QuantileSketch.representative(ofIndex: j)) > t {
                n += positive.count(at: j)
            }
            return n
        }
        var n = positive.total
        if t == 0 { return n }
        n += zeroCount
        guard let range = negative.occupied else { return n }
        let j = QuantileSketch.index(ofMagnitude: t)
        if j > range.lowerBound {
            for i in range.lowerBound...Swift.min(j - 1, range.upperBound) { n += negative.count(at: i) }
        }
        if range.contains(j) && clamped(-QuantileSketch.representative(ofIndex: j)) > t {
            n += negative.count(at: j)
        }
        return n
    }

    /// Expected shortfall: an estimate of the mean of the largest `m = ⌈p·n⌉` items (`p ∈ (0, 1]`),
    /// from the (clamped) representatives of the buckets they fall in, taking only part of the
    /// boundary bucket. Buckets preserve order, so the estimate replaces each of the top `m` items
    /// `xᵢ` by a value within `α·|xᵢ|` of it; the representatives are summed exactly (an
    /// ``ExactSum`` of exact products) and divided once, so
    ///
    ///     |tailMean − true tail mean| ≤ α · (1/m)·Σ|xᵢ| + 2 roundings,
    ///
    /// a relative error of at most `α` when the tail does not change sign (as for losses).
    /// `+∞`/`−∞` if the tail holds an infinity (NaN if both); NaN when empty or `p ∉ (0, 1]`.
    func tailMean(fraction p: Double) -> Double {
        guard count > 0, p > 0, p <= 1 else { return .nan }
        let target = (p * Double(count)).rounded(.up)
        let m = target >= 0x1p64 ? count : Swift.max(1, Swift.min(UInt64(target), count))
        var remaining = m
        var total = ExactSum()
        var plusInfinity = false, minusInfinity = false
        func take(_ available: UInt64, _ value: Double) {
            let k = Swift.min(available, remaining)
            remaining -= k
            guard k > 0, value != 0 else { return }
            if value == .infinity { plusInfinity = true; return }
            if value == -.infinity { minusInfinity = true; return }
            let c = Double(k)
            let product = c * value
            total.add(product)
            total.add((-product).addingProduct(c, value))
        }
        if let range = positive.occupied {
            for i in range.reversed() where remaining > 0 {
                take(positive.count(at: i), clamped(QuantileSketch.representative(ofIndex: i)))
            }
        }
        take(zeroCount, 0)
        if let range = negative.occupied {
            for i in range where remaining > 0 {
                take(negative.count(at: i), clamped(-QuantileSketch.representative(ofIndex: i)))
            }
        }
        if plusInfinity || minusInfinity {
            return plusInfinity && minusInfinity ? .nan : (plusInfinity ? .infinity : -.infinity)
        }
        return total.value / Double(m)
    }

    /// `v` clamped into `[min, max]`.
    func clamped(_ v: Double) -> Double {
        Swift.min(Swift.max(v, min), max)
    }

    /// The unclamped representative of the bucket holding the item of ascending rank `rank`.
    func representative(atRank rank: UInt64) -> Double {
        var seen: UInt64 = 0
        if let range = negative.occupied {
            for i in range.reversed() {
                seen += negative.count(at: i)
                if rank < seen { return -QuantileSketch.representative(ofIndex: i) }
            }
        }
        seen += zeroCount
        if rank < seen { return 0 }
        if let range = positive.occupied {
            for i in range {
                seen += positive.count(at: i)
                if rank < seen { return QuantileSketch.representative(ofIndex: i) }
            }
        }
        return max
    }

    /// The bucket index of `|x|` (`x` not NaN).
    static func index(ofMagnitude x: Double) -> Int {
        Int(truncatingIfNeeded: (x.bitPattern & 0x7FFF_FFFF_FFFF_FFFF) >> indexShift)
    }

    /// The representative magnitude of bucket `i`: `f(a)·2^(E−1030)` with
    /// `f(a) = 2a(a+1)/(2a+1)` rounded down, `E = ⌊i/128⌋`, `a = 128 + i mod 128`; the midpoint
    /// for subnormal buckets (`E = 0`); `∞` for the infinity bucket.
    static func representative(ofIndex i: Int) -> Double {
        if i >= infinityIndex { return .infinity }
        let biased = i >> 7, k = i & 127
        if biased == 0 { return Double(2 * k + 1) * 0x1p-1030 }
        let a = Double(128 + k)
        let numerator = 2 * a * (a + 1), denominator = 2 * a + 1
        var f = numerator / denominator
        if (-numerator).addingProduct(f, denominator) > 0 { f = f.nextDown }
        return Double(sign: .plus, exponent: biased - 1030, significand: f)
    }
}

extension QuantileSketch {
    /// Counts for one sign: a dense array over a window of bucket indices that grows to cover
    /// new indices (with slack, so growth is rare) and never shrinks. Two stores are equal when
    /// their non-zero counts are, whatever their windows.
    struct Bins: Sendable, Equatable {
        /// Bucket index of `counts[0]`.
        var offset = 0
        var counts: [UInt64] = []

        /// An empty store.
        init() {}

        /// Adds `c` to bucket `index`.
        @inline(__always)
        mutating func add(_ index: Int, _ c: UInt64) {
            let j = index &- offset
            if j >= 0 && j < counts.count {
                counts[j] += c
            } else {
                cover(index, index)
                counts[index - offset] += c
            }
        }

        /// Grows the window to include `lo...hi`, adding slack on each side that grows: at least
        /// half a binade (64 buckets) and half the current size, so growth is amortised.
        @inline(never)
        mutating func cover(_ lo: Int, _ hi: Int) {
            let last = QuantileSketch.infinityIndex
            let newLow: Int, newHigh: Int
            if counts.isEmpty {
                newLow = Swift.max(0, lo - 64)
                newHigh = Swift.min(last, hi + 64)
            } else {
                let low = offset, high = offset + counts.count - 1
                if lo >= low && hi <= high { return }
                let slack = Swift.max(64, counts.count / 2)
                newLow = lo < low ? Swift.max(0, lo - slack) : low
                newHigh = hi > high ? Swift.min(last, hi + slack) : high
            }
            var fresh = [UInt64](repeating: 0, count: newHigh - newLow + 1)
            for j in counts.indices where counts[j] != 0 { fresh[offset + j - newLow] = counts[j] }
            offset = newLow
            counts = fresh
        }

        /// The count of bucket `index` (0 outside the window).
        func count(at index: Int) -> UInt64 {
            let j = index &- offset
            return j >= 0 && j < counts.count ? counts[j] : 0
        }

        /// Indices of the first and last non-zero buckets; `nil` when all are zero.
        var occupied: ClosedRange<Int>? {
            guard let first = counts.firstIndex(where: { $0 != 0 }),
                  let last = counts.lastIndex(where: { $0 != 0 }) else { return nil }
            return (offset + first)...(offset + last)
        }

        /// Sum of all counts.
        var total: UInt64 {
            counts.reduce(0, +)
        }

        /// Adds `other`'s counts bucket by bucket.
        mutating func merge(_ other: Bins) {
            guard let range = other.occupied else { return }
            cover(range.lowerBound, range.upperBound)
            for i in range { counts[i - offset] += other.count(at: i) }
        }

        static func == (a: Bins, b: Bins) -> Bool {
            guard a.occupied == b.occupied else { return false }
            guard let range = a.occupied else { return true }
            for i in range where a.count(at: i) != b.count(at: i) { return false }
            return true
        }

        /// Writes the occupied range as varints: its length (0 when empty), its first index, then
        /// one count per bucket.
        func write(to w: inout ByteWriter) {
            guard let range = occupied else {
                w.append(varint: 0)
                return
            }
            w.append(varint: UInt64(range.count))
            w.append(varint: UInt64(range.lowerBound))
            for i in range { w.append(varint: count(at: i)) }
        }

        /// Reads the form of ``write(to:)``; the length is checked against the bytes left (each
        /// count takes at least one) before allocating, the range against the index space, and the
        /// end counts must be non-zero (canonical).
        init(from r: inout ByteReader) throws {
            let start = r.offset
            let n = try r.readVarint()
            guard n <= UInt64(r.remainingCount) else { throw ByteReader.Error.truncated(offset: start) }
            guard n <= UInt64(QuantileSketch.infinityIndex + 1) else {
                throw ByteReader.Error.invalid("sketch: \(n) buckets")
            }
            guard n > 0 else { return }
            let first = try r.readVarint()
            guard first <= UInt64(QuantileSketch.infinityIndex), first + n - 1 <= UInt64(QuantileSketch.infinityIndex) else {
                throw ByteReader.Error.invalid("sketch: bucket range outside the index space")
            }
            var counts: [UInt64] = []
            counts.reserveCapacity(Int(n))
            for _ in 0..<n { counts.append(try r.readVarint()) }
            guard counts.first != 0, counts.last != 0 else {
                throw ByteReader.Error.invalid("sketch: non-canonical bucket range")
            }
            offset = Int(first)
            self.counts = counts
        }
    }
}

extension QuantileSketch {
    /// Tag byte opening the serialised form (`"Q"`).
    static let tag: UInt8 = 0x51

    /// Writes the tag, `count`, `zeroCount` (`UInt64`), `min`, `max` (bit patterns), then the
    /// positive and negative stores (occupied range and counts, as varints). Equal states give
    /// identical bytes.
    func write(to w: inout ByteWriter) {
        w.append(QuantileSketch.tag)
        w.append(count)
        w.append(zeroCount)
        w.append(min)
        w.append(max)
        positive.write(to: &w)
        negative.write(to: &w)
    }

    /// Reads the form of ``write(to:)`` and checks it: `count ≤ 2⁵³` (more than any feasible run,
    /// and it keeps merges of decoded sketches far from overflow); bucket ranges within the index
    /// space and canonical; zero, positive and negative counts adding up to `count`; an
    /// empty sketch exactly as ``init()``; otherwise `min ≤ max`, no NaN or `-0.0`, and `min` and
    /// `max` lying in the lowest and highest occupied buckets (or zero). Throws on any violation.
    init(from r: inout ByteReader) throws {
        guard try r.readUInt8() == QuantileSketch.tag else { throw ByteReader.Error.invalid("sketch: bad tag") }
        count = try r.readUInt64()
        zeroCount = try r.readUInt64()
        min = try r.readDouble()
        max = try r.readDouble()
        positive = try Bins(from: &r)
        negative = try Bins(from: &r)
        guard count <= 1 << 53 else { throw ByteReader.Error.invalid("sketch: implausible count \(count)") }
        var total = zeroCount
        var overflow = false
        for c in positive.counts + negative.counts where !overflow {
            (total, overflow) = total.addingReportingOverflow(c)
        }
        guard !overflow, total == count else {
            throw ByteReader.Error.invalid("sketch: bucket counts do not add up to the total")
        }
        if count == 0 {
            guard min == .infinity, max == -.infinity else { throw ByteReader.Error.invalid("sketch: empty but not blank") }
            return
        }
        let negativeZero = (-0.0).bitPattern
        guard !min.isNaN, !max.isNaN, min <= max, min.bitPattern != negativeZero, max.bitPattern != negativeZero else {
            throw ByteReader.Error.invalid("sketch: invalid min/max")
        }
        let lowestOK: Bool, highestOK: Bool
        if let range = negative.occupied {
            lowestOK = min < 0 && QuantileSketch.index(ofMagnitude: min) == range.upperBound
        } else if zeroCount > 0 {
            lowestOK = min == 0
        } else {
            lowestOK = min > 0 && QuantileSketch.index(ofMagnitude: min) == positive.occupied?.lowerBound
        }
        if let range = positive.occupied {
            highestOK = max > 0 && QuantileSketch.index(ofMagnitude: max) == range.upperBound
        } else if zeroCount > 0 {
            highestOK = max == 0
        } else {
            highestOK = max < 0 && QuantileSketch.index(ofMagnitude: max) == negative.occupied?.lowerBound
        }
        guard lowestOK, highestOK else { throw ByteReader.Error.invalid("sketch: min/max outside the occupied buckets") }
    }
}
