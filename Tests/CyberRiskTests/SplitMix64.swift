import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny, fixed-seed source of test data, shared by the
/// test files (the engine itself uses Philox streams).
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in `(0, 1)`.
    mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) * 0x1p-53 }
    /// Uniform in `[0, 1)`.
    mutating func uniformHalfOpen() -> Double { Double(next() >> 11) * 0x1p-53 }
    /// Uniform in `0..<n` (modulo bias is irrelevant here).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func exponential() -> Double { -Foundation.log(uniform()) }
    /// Standard normal (Box–Muller).
    mutating func normal() -> Double {
        (-2 * Foundation.log(uniform())).squareRoot() * Foundation.cos(2 * Double.pi * uniform())
    }
    mutating func shuffle<T>(_ xs: inout [T]) {
        guard xs.count > 1 else { return }
        for i in stride(from: xs.count - 1, to: 0, by: -1) { xs.swapAt(i, below(i + 1)) }
    }
}
