import Testing
@testable import CyberRisk

/// One value of every form, written and read back in the same order.
fileprivate enum Item: Equatable {
    case u8(UInt8), u32(UInt32), u64(UInt64), i64(Int64), double(Double), varint(UInt64), string(String), bytes([UInt8])

    func write(to w: inout ByteWriter) {
        switch self {
        case .u8(let x): w.append(x)
        case .u32(let x): w.append(x)
        case .u64(let x): w.append(x)
        case .i64(let x): w.append(x)
        case .double(let x): w.append(x)
        case .varint(let x): w.append(varint: x)
        case .string(let x): w.append(string: x)
        case .bytes(let x): w.append(bytes: x)
        }
    }

    /// Reads a value of the same form as `self`.
    func read(from r: inout ByteReader) throws -> Item {
        switch self {
        case .u8: return .u8(try r.readUInt8())
        case .u32: return .u32(try r.readUInt32())
        case .u64: return .u64(try r.readUInt64())
        case .i64: return .i64(try r.readInt64())
        case .double: return .double(try r.readDouble())
        case .varint: return .varint(try r.readVarint())
        case .string: return .string(try r.readString())
        case .bytes(let x): return .bytes(try r.readBytes(count: x.count))
        }
    }

    static func == (a: Item, b: Item) -> Bool {
        switch (a, b) {
        case (.double(let x), .double(let y)): return x.bitPattern == y.bitPattern
        case (.u8(let x), .u8(let y)): return x == y
        case (.u32(let x), .u32(let y)): return x == y
        case (.u64(let x), .u64(let y)): return x == y
        case (.i64(let x), .i64(let y)): return x == y
        case (.varint(let x), .varint(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.bytes(let x), .bytes(let y)): return x == y
        default: return false
        }
    }
}

fileprivate let items: [Item] = [
    .u8(0), .u8(255), .u32(0xDEAD_BEEF), .u64(0), .u64(.max), .u64(0x0102_0304_0506_0708),
    .i64(.min), .i64(-1), .i64(42),
    .double(-0.0), .double(.infinity), .double(0x1p-1074), .double(Double(nan: 0x1234, signaling: false)),
    .varint(0), .varint(127), .varint(128), .varint(300), .varint(1 << 63), .varint(.max),
    .string(""), .string("ok"), .string("Grüße, 世界 😀"), .bytes([]), .bytes([9, 8, 7]),
]

fileprivate func written(_ items: [Item]) -> [UInt8] {
    var w = ByteWriter()
    for item in items { item.write(to: &w) }
    return w.bytes
}

@Suite struct ByteReaderTests {
    @Test func littleEndianLayout() {
        var w = ByteWriter()
        w.append(UInt64(0x0102_0304_0506_0708))
        w.append(UInt32(1))
        w.append(Int64(-2))
        w.append(1.0)
        w.append(varint: 300)
        w.append(string: "ok")
        #expect(w.bytes == [8, 7, 6, 5, 4, 3, 2, 1] + [1, 0, 0, 0] + [0xFE] + Array(repeating: 0xFF, count: 7)
                + [0, 0, 0, 0, 0, 0, 0xF0, 0x3F] + [0xAC, 0x02] + [2, 0, 0, 0, 0, 0, 0, 0, 0x6F, 0x6B])
        var v = ByteWriter()
        v.append(varint: .max)
        #expect(v.bytes == Array(repeating: 0xFF, count: 9) + [0x01])
    }

    @Test func everyFormRoundTrips() throws {
        let bytes = written(items)
        var r = ByteReader(bytes)
        for item in items {
            #expect(try item.read(from: &r) == item)
        }
        #expect(r.isAtEnd && r.remainingCount == 0 && r.offset == bytes.count)
    }

    /// Cutting the input anywhere makes the read sequence throw `.truncated`, never trap.
    @Test func truncationAtEveryOffsetThrows() {
        let bytes = written(items)
        for cut in 0..<bytes.count {
            var r = ByteReader(Array(bytes.prefix(cut)))
            do {
                for item in items { _ = try item.read(from: &r) }
                Issue.record("no error at cut \(cut)")
            } catch let error as ByteReader.Error {
                guard case .truncated = error else {
                    Issue.record("cut \(cut): \(error)")
                    continue
                }
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    /// Length fields are compared with the bytes left before anything is allocated.
    @Test func hugeLengthsThrowWithoutAllocating() throws {
        var w = ByteWriter()
        w.append(UInt64(1) << 60)
        w.append(bytes: [1, 2, 3])
        var r = ByteReader(w.bytes)
        #expect(throws: ByteReader.Error.truncated(offset: 0)) { try r.readString() }
        for count in [1 << 60, Int.max, -1, Int.min, 4] {
            var r = ByteReader([1, 2, 3])
            #expect(throws: ByteReader.Error.truncated(offset: 0)) { try r.readBytes(count: count) }
        }
        var e = ByteReader([])
        #expect(throws: ByteReader.Error.truncated(offset: 0)) { try e.readBytes(count: 1) }
        #expect(try e.readBytes(count: 0) == [])
    }

    @Test func malformedValuesThrowInvalid() throws {
        var control = ByteReader([0xFF, 0x7F])
        #expect(try control.readVarint() == 0x3FFF)
        let malformed: [[UInt8]] = [
            [0x80, 0x00],                                           // overlong varint
            [0xFF, 0x80, 0x00],                                     // overlong varint
            Array(repeating: 0xFF, count: 9) + [0x02],              // 10th byte beyond bit 63
            Array(repeating: 0x80, count: 10) + [0x01],             // more than 10 bytes
        ]
        for bytes in malformed {
            var r = ByteReader(bytes)
            do {
                _ = try r.readVarint()
                Issue.record("accepted \(bytes)")
            } catch let error as ByteReader.Error {
                guard case .invalid = error else { Issue.record("\(bytes): \(error)"); continue }
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
        var w = ByteWriter()
        w.append(UInt64(2))
        w.append(bytes: [0xC3, 0x28])                               // invalid UTF-8
        var r = ByteReader(w.bytes)
        #expect(throws: ByteReader.Error.invalid("string at byte 0 is not UTF-8")) { try r.readString() }
    }
}
