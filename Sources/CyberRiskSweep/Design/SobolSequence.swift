@_spi(Engine) import CyberRisk

/// The Sobol' low-discrepancy sequence in up to ``maximumDimensions`` dimensions, with Joe–Kuo
/// direction numbers (`new-joe-kuo-6.21201`) and optional seeded scrambling.
///
/// Point `i` is `x_i = ⊕_k g_k(i) · v_k` (bitwise XOR over the set bits `k` of the Gray code
/// `g(i) = i ⊕ ⌊i/2⌋`), read as a 32-bit binary fraction, so any point is computed directly from
/// its index — the order and values of SciPy's `qmc.Sobol(d, scramble=False, bits=32)`, including
/// the first point `0`. Each run of `2^m` points starting at a multiple of `2^m` places exactly one
/// point in each of the `2^m` equal intervals of every single dimension.
///
/// With a scramble seed, each dimension's direction numbers are multiplied by a random lower
/// triangular binary matrix with unit diagonal and the points XOR-ed with a random digital shift
/// (Matoušek's linear matrix scramble + digital shift, as in SciPy's `scramble=True`, but with
/// this tool's own Philox random numbers): still a (t, s)-sequence, no longer containing `0`.
///
/// References: I. M. Sobol' (1967), USSR Comput. Math. Math. Phys. 7(4) 86–112; S. Joe and
/// F. Y. Kuo (2008), SIAM J. Sci. Comput. 30, 2635–2654; J. Matoušek (1998), J. Complexity 14,
/// 527–556.
///
/// ```swift
/// let s = SobolSequence(dimensions: 2)
/// s.point(1)   // [0.5, 0.5]
/// s.point(2)   // [0.75, 0.25]
/// ```
struct SobolSequence: Sendable {
    /// Dimensions available from the embedded table.
    static let maximumDimensions = SobolDirectionNumbers.dimensions
    /// Bits of each coordinate: points are multiples of `2^-32`.
    static let bits = 32

    let dimensions: Int
    /// `directions[j * bits + k]`: direction number `v_k` of dimension `j`, as a 32-bit fraction.
    private let directions: [UInt32]
    /// Digital shift per dimension (0 when not scrambled).
    private let shift: [UInt32]

    /// The sequence in `dimensions` dimensions (`1 … maximumDimensions`), scrambled when
    /// `scrambleSeed` is given.
    init(dimensions: Int, scrambleSeed: UInt64? = nil) {
        precondition(dimensions >= 1 && dimensions <= SobolSequence.maximumDimensions,
                     "Sobol' dimensions must be in 1…\(SobolSequence.maximumDimensions)")
        self.dimensions = dimensions
        let b = SobolSequence.bits
        var v = [UInt32](repeating: 0, count: dimensions * b)
        var offset = 0
        let table = SobolDirectionNumbers.table
        for j in 0..<dimensions {
            let poly = table[offset]
            let degree = UInt32.bitWidth - 1 - poly.leadingZeroBitCount
            let m = Array(table[(offset + 1)..<(offset + 1 + degree)])
            offset += 1 + degree
            if j == 0 {
                for k in 0..<b { v[k] = 1 << UInt32(b - 1 - k) }
                continue
            }
            let base = j * b
            for k in 0..<Swift.min(degree, b) { v[base + k] = m[k] << UInt32(b - 1 - k) }
            if degree < b {
                for k in degree..<b {
                    var x = v[base + k - degree] ^ (v[base + k - degree] >> UInt32(degree))
                    for i in 1..<degree where (poly >> UInt32(degree - i)) & 1 == 1 {
                        x ^= v[base + k - i]
                    }
                    v[base + k] = x
                }
            }
        }
        var shift = [UInt32](repeating: 0, count: dimensions)
        if let seed = scrambleSeed {
            var random = RandomStream(seed: seed, trial: 0, stream: SobolSequence.scrambleStream, site: 0)
            for j in 0..<dimensions {
                // Lower triangular L with unit diagonal: row r (bit b−1−r from the top) of L·v.
                var rows = [UInt32](repeating: 0, count: b)
                for r in 0..<b {
                    let below = UInt32(truncatingIfNeeded: random.next()) & (r == 0 ? 0 : ~UInt32(0) << UInt32(b - r))
                    rows[r] = below | (1 << UInt32(b - 1 - r))
                }
                for k in 0..<b {
                    let column = v[j * b + k]
                    var scrambled: UInt32 = 0
                    for r in 0..<b where (rows[r] & column).nonzeroBitCount & 1 == 1 {
                        scrambled |= 1 << UInt32(b - 1 - r)
                    }
                    v[j * b + k] = scrambled
                }
                shift[j] = UInt32(truncatingIfNeeded: random.next())
            }
        }
        directions = v
        self.shift = shift
    }

    /// Random stream id of the scrambling draws (distinct from the engine's streams).
    static let scrambleStream: UInt64 = 0x5C0B_0150

    /// The 32-bit integer coordinates of point `index`.
    func integerPoint(_ index: UInt64) -> [UInt32] {
        let gray = index ^ (index >> 1)
        var out = shift
        var g = gray
        var k = 0
        while g != 0 && k < SobolSequence.bits {
            if g & 1 == 1 {
                for j in 0..<dimensions { out[j] ^= directions[j * SobolSequence.bits + k] }
            }
            g >>= 1
            k += 1
        }
        return out
    }

    /// Point `index` in `[0, 1)^dimensions`.
    func point(_ index: UInt64) -> [Double] {
        integerPoint(index).map { Double($0) * 0x1p-32 }
    }
}
