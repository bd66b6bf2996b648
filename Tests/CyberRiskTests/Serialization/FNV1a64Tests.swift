import Testing
@testable import CyberRisk

@Suite struct FNV1a64Tests {
    @Test func knownAnswers() {
        #expect(FNV1a64.hash([]) == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a64.hash(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a64.hash(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
        var h = FNV1a64()
        h.update(Array("foo".utf8))
        h.update(Array("bar".utf8))
        #expect(h.value == FNV1a64.hash(Array("foobar".utf8)))
    }

    /// Every step is a bijection in the state and in the byte, so any change confined to one
    /// byte changes the hash: checked for all 255 alternatives at every position of 64 bytes.
    @Test func detectsEverySingleByteChange() {
        let base = (0..<64).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let reference = FNV1a64.hash(base)
        var collisions = 0
        for i in base.indices {
            var changed = base
            for delta in 1...255 {
                changed[i] = base[i] &+ UInt8(delta)
                if FNV1a64.hash(changed) == reference { collisions += 1 }
            }
        }
        #expect(collisions == 0)
    }
}
