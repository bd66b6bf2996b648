/// Appends values to a growing byte buffer in a fixed little-endian binary form.
///
/// Every value has one encoding, so the same sequence of `append` calls always produces the same
/// bytes on every platform — the basis of deterministic state files. ``ByteReader`` reads the
/// same forms back.
///
/// | value | bytes |
/// |---|---|
/// | `UInt8` | 1 |
/// | `UInt32`, `UInt64`, `Int64` | 4, 8, 8, little-endian (`Int64` as two's complement) |
/// | `Double` | 8: its IEEE 754 bit pattern as a `UInt64` (NaN payloads and `-0.0` kept) |
/// | varint `UInt64` | 1…10: LEB128, 7 bits per byte, low group first, high bit = "more follows", minimal length |
/// | string | its UTF-8 byte count as a `UInt64`, then the UTF-8 bytes |
///
/// ```swift
/// var w = ByteWriter()
/// w.append(UInt64(1))          // 01 00 00 00 00 00 00 00
/// w.append(varint: 300)        // ac 02
/// w.append(string: "ok")       // 02 00 00 00 00 00 00 00 6f 6b
/// ```
package struct ByteWriter: Sendable, Equatable {
    /// The bytes written so far.
    package private(set) var bytes: [UInt8]

    /// An empty writer.
    package init() {
        bytes = []
    }

    /// An empty writer with room for `capacity` bytes before it reallocates.
    init(reservingCapacity capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Number of bytes written so far.
    var count: Int { bytes.count }

    /// Appends one byte.
    mutating func append(_ x: UInt8) {
        bytes.append(x)
    }

    /// Appends 4 bytes, least significant first.
    mutating func append(_ x: UInt32) {
        for k in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: x >> (8 * k))) }
    }

    /// Appends 8 bytes, least significant first.
    package mutating func append(_ x: UInt64) {
        for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: x >> (8 * k))) }
    }

    /// Appends the two's-complement bit pattern as 8 little-endian bytes.
    package mutating func append(_ x: Int64) {
        append(UInt64(bitPattern: x))
    }

    /// Appends the IEEE 754 bit pattern as 8 little-endian bytes (exact round trip).
    package mutating func append(_ x: Double) {
        append(x.bitPattern)
    }

    /// Appends `x` as a minimal-length LEB128 varint (1 byte below 128, at most 10).
    mutating func append(varint x: UInt64) {
        var x = x
        while x >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: x) | 0x80)
            x >>= 7
        }
        bytes.append(UInt8(x))
    }

    /// Appends raw bytes, with no length prefix.
    package mutating func append(bytes other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    /// Appends the UTF-8 byte count as a `UInt64`, then the UTF-8 bytes.
    package mutating func append(string s: String) {
        append(UInt64(s.utf8.count))
        bytes.append(contentsOf: s.utf8)
    }
}
