/// Reads the little-endian forms written by ``ByteWriter`` from a byte buffer, checking every
/// bound.
///
/// Input may be truncated, corrupt or hostile: every read checks that the bytes are there and
/// throws ``Error/truncated(offset:)`` otherwise; malformed values (an overlong or overflowing
/// varint, invalid UTF-8) throw ``Error/invalid(_:)``. A length field is compared with the bytes
/// actually remaining *before* anything is allocated, so a claim of 2⁶⁰ bytes costs nothing.
/// No read traps. After a throw the reader's position is unspecified.
///
/// ```swift
/// var r = ByteReader([0x2a, 0, 0, 0, 0, 0, 0, 0])
/// try r.readUInt64()   // 42
/// try r.readUInt8()    // throws ByteReader.Error.truncated(offset: 8)
/// ```
package struct ByteReader: Sendable, Equatable {
    /// Why a read failed.
    enum Error: Swift.Error, Sendable, Equatable, CustomStringConvertible {
        /// The input ends before the value starting at `offset` is complete.
        case truncated(offset: Int)
        /// The bytes are there but do not form a valid value; the string says why.
        case invalid(String)

        var description: String {
            switch self {
            case .truncated(let offset): return "truncated at byte \(offset)"
            case .invalid(let reason): return "invalid: \(reason)"
            }
        }
    }

    /// The whole input.
    let bytes: [UInt8]
    /// Position of the next byte to read.
    private(set) var offset: Int

    /// A reader positioned at the first byte of `bytes`.
    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
        offset = 0
    }

    /// Bytes not yet read.
    package var remainingCount: Int { bytes.count - offset }

    /// Whether every byte has been read.
    package var isAtEnd: Bool { offset == bytes.count }

    /// Throws unless `count` more bytes are available.
    private func require(_ count: Int) throws {
        guard count >= 0, count <= remainingCount else { throw Error.truncated(offset: offset) }
    }

    /// Reads one byte.
    mutating func readUInt8() throws -> UInt8 {
        try require(1)
        defer { offset += 1 }
        return bytes[offset]
    }

    /// Reads 4 little-endian bytes.
    mutating func readUInt32() throws -> UInt32 {
        try require(4)
        var x: UInt32 = 0
        for k in 0..<4 { x |= UInt32(bytes[offset + k]) << (8 * k) }
        offset += 4
        return x
    }

    /// Reads 8 little-endian bytes.
    package mutating func readUInt64() throws -> UInt64 {
        try require(8)
        var x: UInt64 = 0
        for k in 0..<8 { x |= UInt64(bytes[offset + k]) << (8 * k) }
        offset += 8
        return x
    }

    /// Reads 8 little-endian bytes as a two's-complement integer.
    package mutating func readInt64() throws -> Int64 {
        Int64(bitPattern: try readUInt64())
    }

    /// Reads 8 little-endian bytes as an IEEE 754 bit pattern.
    package mutating func readDouble() throws -> Double {
        Double(bitPattern: try readUInt64())
    }

    /// Reads a LEB128 varint; throws ``Error/invalid(_:)`` for one longer than needed or
    /// exceeding 64 bits.
    mutating func readVarint() throws -> UInt64 {
        let start = offset
        var x: UInt64 = 0
        for k in 0..<10 {
            let byte = try readUInt8()
            let group = UInt64(byte & 0x7F)
            if k == 9 && group > 1 { throw Error.invalid("varint at byte \(start) exceeds 64 bits") }
            x |= group << (7 * k)
            if byte & 0x80 == 0 {
                if k > 0 && group == 0 { throw Error.invalid("overlong varint at byte \(start)") }
                return x
            }
        }
        throw Error.invalid("varint at byte \(start) exceeds 64 bits")
    }

    /// Reads `count` raw bytes (throws for a negative count or one beyond the input).
    mutating func readBytes(count: Int) throws -> [UInt8] {
        try require(count)
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    /// Reads a `UInt64` length, then that many bytes of UTF-8; the length is checked against the
    /// remaining input before allocating, and invalid UTF-8 throws.
    package mutating func readString() throws -> String {
        let start = offset
        let length = try readUInt64()
        guard length <= UInt64(remainingCount) else { throw Error.truncated(offset: start) }
        let utf8 = try readBytes(count: Int(length))
        let s = String(decoding: utf8, as: UTF8.self)
        // Decoding repairs invalid sequences with U+FFFD, which changes the bytes.
        guard s.utf8.elementsEqual(utf8) else { throw Error.invalid("string at byte \(start) is not UTF-8") }
        return s
    }
}
