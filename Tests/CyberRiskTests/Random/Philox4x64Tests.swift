import Testing
@_spi(Engine) @testable import CyberRisk

/// Known-answer vectors for philox4x64 with 10 rounds from Random123's `kat_vectors`
/// (counter words, key words → output words).
@Suite struct Philox4x64Tests {
    struct Vector: Sendable, CustomTestStringConvertible {
        var counter: (UInt64, UInt64, UInt64, UInt64)
        var key: (UInt64, UInt64)
        var output: (UInt64, UInt64, UInt64, UInt64)
        var testDescription: String { "ctr \(String(counter.0, radix: 16))…" }
    }

    static let vectors: [Vector] = [
        Vector(counter: (0, 0, 0, 0), key: (0, 0),
               output: (0x16554d9eca36314c, 0xdb20fe9d672d0fdc, 0xd7e772cee186176b, 0x7e68b68aec7ba23b)),
        Vector(counter: (.max, .max, .max, .max), key: (.max, .max),
               output: (0x87b092c3013fe90b, 0x438c3c67be8d0224, 0x9cc7d7c69cd777b6, 0xa09caebf594f0ba0)),
        Vector(counter: (0x243f6a8885a308d3, 0x13198a2e03707344, 0xa4093822299f31d0, 0x082efa98ec4e6c89),
               key: (0x452821e638d01377, 0xbe5466cf34e90c6c),
               output: (0xa528f45403e61d95, 0x38c72dbd566e9788, 0xa5a1610e72fd18b5, 0x57bd43b5e52b7fe6)),
    ]

    @Test("Random123 known-answer vectors", arguments: vectors)
    func knownAnswer(_ v: Vector) {
        let r = Philox4x64.block(counter: v.counter, key: v.key)
        #expect(r.0 == v.output.0)
        #expect(r.1 == v.output.1)
        #expect(r.2 == v.output.2)
        #expect(r.3 == v.output.3)
    }
}

@Suite struct PhiloxBlockPairTests {
    @Test("blockPair is block at c3 and c3 + 1 (including the wrap at 2⁶⁴ − 1)")
    func pairMatchesBlocks() {
        let counters: [(UInt64, UInt64, UInt64, UInt64)] = [(0, 0, 0, 0), (1, 2, 3, 4), (.max, 7, .max, .max)]
        for c in counters {
            let key: (UInt64, UInt64) = (0x452821e638d01377, 0xbe5466cf34e90c6c)
            let p = Philox4x64.blockPair(counter: c, key: key)
            let a = Philox4x64.block(counter: c, key: key)
            let b = Philox4x64.block(counter: (c.0, c.1, c.2, c.3 &+ 1), key: key)
            #expect([p.0, p.1, p.2, p.3] == [a.0, a.1, a.2, a.3])
            #expect([p.4, p.5, p.6, p.7] == [b.0, b.1, b.2, b.3])
        }
    }
}
