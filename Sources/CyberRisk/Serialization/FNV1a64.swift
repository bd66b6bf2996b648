/// The 64-bit FNV-1a hash (Fowler, Noll & Vo), used as the checksum of state files.
///
/// Starting from the offset basis `h₀ = 0xcbf29ce484222325`, each byte `b` updates
/// `h ← (h ⊕ b) · 0x100000001b3 (mod 2⁶⁴)`.
///
/// Chosen over CRC-32 for its 64-bit width (an accidental match has probability about 2⁻⁶⁴ rather
/// than 2⁻³²) and its two-line definition. Each step is a bijection of `h` for a fixed byte (the
/// prime is odd) and of the byte for a fixed `h`, so any change confined to a single byte always
/// changes the hash. It detects accidents (truncation, bit rot, a wrong file) but is not a
/// cryptographic hash: it does not resist deliberate forgery.
///
/// ```swift
/// FNV1a64.hash(Array("a".utf8))              // 0xaf63dc4c8601ec8c
/// var h = FNV1a64(); h.update(Array("a".utf8))
/// h.value                                    // 0xaf63dc4c8601ec8c
/// ```
package struct FNV1a64: Sendable, Equatable {
    /// The initial state `h₀`.
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The multiplier, `2⁴⁰ + 2⁸ + 0xb3`.
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of the bytes seen so far.
    package private(set) var value: UInt64

    /// The hash of no bytes (the offset basis).
    package init() {
        value = FNV1a64.offsetBasis
    }

    /// Feeds more bytes; hashing in pieces equals hashing the concatenation.
    package mutating func update(_ bytes: [UInt8]) {
        var h = value
        for b in bytes { h = (h ^ UInt64(b)) &* FNV1a64.prime }
        value = h
    }

    /// The hash of `bytes`.
    package static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h = FNV1a64()
        h.update(bytes)
        return h.value
    }
}
