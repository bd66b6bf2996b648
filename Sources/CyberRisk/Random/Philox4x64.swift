/// The Philox4x64-10 counter-based block function (Salmon, Moraes, Dror & Shaw, "Parallel random
/// numbers: as easy as 1, 2, 3", SC'11), bit-for-bit as in Random123's `philox4x64_R(10, …)`.
///
/// A block maps a 256-bit counter and a 128-bit key to 256 pseudo-random bits. Each of the 10
/// rounds computes the full 128-bit products `M0·c0 = (hi0, lo0)` and `M1·c2 = (hi1, lo1)` and
/// sets `c ← (hi1 ⊕ c1 ⊕ k0, lo1, hi0 ⊕ c3 ⊕ k1, lo0)`; between rounds the key advances by the
/// Weyl increments `(W0, W1)` (mod 2⁶⁴).
///
/// - `M0 = 0xD2E7470EE14C6C93`, `M1 = 0xCA5A826395121157`
/// - `W0 = 0x9E3779B97F4A7C15` (golden ratio), `W1 = 0xBB67AE8584CAA73B` (√3 − 1)
///
/// ```swift
/// let r = Philox4x64.block(counter: (0, 0, 0, 0), key: (0, 0))
/// // r.0 == 0x16554d9eca36314c   (Random123 known-answer vector)
/// ```
@_spi(Engine) public enum Philox4x64: Sendable {
    /// Multiplier applied to counter word 0.
    static let multiplier0: UInt64 = 0xD2E7_470E_E14C_6C93
    /// Multiplier applied to counter word 2.
    static let multiplier1: UInt64 = 0xCA5A_8263_9512_1157
    /// Weyl increment of key word 0.
    static let keyIncrement0: UInt64 = 0x9E37_79B9_7F4A_7C15
    /// Weyl increment of key word 1.
    static let keyIncrement1: UInt64 = 0xBB67_AE85_84CA_A73B
    /// Number of rounds (the recommended, crush-resistant Philox4x64-10).
    static let rounds = 10

    /// The 4 output words for one `(counter, key)`: a pure function, no state, no allocation.
    @inline(__always)
    @_spi(Engine) public static func block(counter: (UInt64, UInt64, UInt64, UInt64),
                             key: (UInt64, UInt64)) -> (UInt64, UInt64, UInt64, UInt64) {
        var c = counter
        for r in 0..<rounds { round(&c, roundKey(key, r)) }
        return c
    }

    /// The blocks of counters `(c0, c1, c2, c3)` and `(c0, c1, c2, c3 + 1)` — exactly
    /// `block(counter:key:)` twice — computed in lockstep so that the two independent chains of
    /// multiplications overlap in the CPU (each round's 128-bit products take several cycles of
    /// latency, which one chain alone leaves idle). Returns the 8 words, first block first.
    @inline(__always)
    package static func blockPair(counter: (UInt64, UInt64, UInt64, UInt64), key: (UInt64, UInt64))
        -> (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) {
        var a = counter
        var b = (counter.0, counter.1, counter.2, counter.3 &+ 1)
        for r in 0..<rounds {
            let k = roundKey(key, r)
            round(&a, k)
            round(&b, k)
        }
        return (a.0, a.1, a.2, a.3, b.0, b.1, b.2, b.3)
    }

    /// The key of round `r`: `(k0 + r·W0, k1 + r·W1)` (mod 2⁶⁴).
    @inline(__always)
    static func roundKey(_ key: (UInt64, UInt64), _ r: Int) -> (UInt64, UInt64) {
        (key.0 &+ keyIncrement0 &* UInt64(r), key.1 &+ keyIncrement1 &* UInt64(r))
    }

    /// One round: `c ← (hi1 ⊕ c1 ⊕ k0, lo1, hi0 ⊕ c3 ⊕ k1, lo0)`.
    @inline(__always)
    static func round(_ c: inout (UInt64, UInt64, UInt64, UInt64), _ k: (UInt64, UInt64)) {
        let (hi0, lo0) = multiplier0.multipliedFullWidth(by: c.0)
        let (hi1, lo1) = multiplier1.multipliedFullWidth(by: c.2)
        c = (hi1 ^ c.1 ^ k.0, lo1, hi0 ^ c.3 ^ k.1, lo0)
    }
}
