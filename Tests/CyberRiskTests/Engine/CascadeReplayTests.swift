import Foundation
import Testing
@_spi(Engine) @testable import CyberRisk

/// Further right-hand sides through a factorisation already made: each event's cascade alone.
@Suite struct CascadeReplayTests {
    /// A random `n×n` system; `exchanges` makes off-diagonal entries dominate so that partial
    /// pivoting exchanges rows (a Leontief `I − A` rarely needs to).
    static func system(_ n: Int, exchanges: Bool, rng: inout SplitMix64) -> [Double] {
        var m = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n { m[i * n + j] = -0.05 * rng.uniform() }
            m[i * n + i] = exchanges ? 0.01 + rng.uniform() : 1
            if exchanges { m[i * n + (i + 1) % n] = 2 + rng.uniform() }
        }
        return m
    }

    @Test("substituteSmall (k sides at once) solves each side as solveSmall of a fresh copy does, with and without row exchanges",
          arguments: [false, true])
    func multipleSides(exchanges: Bool) {
        var rng = SplitMix64(seed: exchanges ? 2 : 1)
        for n in [1, 2, 5, 16, 32] {
            let m = Self.system(n, exchanges: exchanges, rng: &rng)
            var factored = m, first = (0..<n).map { _ in rng.uniform() }
            var pivots = [Int32](repeating: 0, count: n)
            #expect(Cascade.solveSmall(&factored, &first, n: n, pivots: &pivots))
            let k = 3
            let sides = (0..<k).map { _ in (0..<n).map { _ in rng.uniform() < 0.5 ? 0 : rng.uniform() } }
            var interleaved = [Double](repeating: 0, count: n * k)
            for j in 0..<k { for i in 0..<n { interleaved[i * k + j] = sides[j][i] } }
            Cascade.substituteSmall(factored, pivots: pivots, &interleaved, count: k, n: n)
            for j in 0..<k {
                var fresh = m, x = sides[j]
                #expect(Cascade.solveSmall(&fresh, &x, n: n))
                for i in 0..<n {
                    #expect(abs(interleaved[i * k + j] - x[i]) <= 1e-12 * max(1, abs(x[i])), "n \(n) side \(j) entry \(i)")
                }
            }
        }
    }

    @Test("substitutePair solves both systems' sides on their lanes as solveSmall does; a zero side gives zero")
    func pairSides() {
        var rng = SplitMix64(seed: 3)
        let n = 16
        let a = Self.system(n, exchanges: false, rng: &rng), b = Self.system(n, exchanges: false, rng: &rng)
        var pair = (0..<n * n).map { SIMD2(a[$0], b[$0]) }
        var x = (0..<n).map { _ in SIMD2(rng.uniform(), rng.uniform()) }
        #expect(Cascade.solveSmallPair(&pair, &x, n: n))
        let k = 2
        let sides = (0..<k).map { _ in (0..<n).map { _ in SIMD2(rng.uniform(), 0) } }   // lane 1: zero sides
        var rhs = [SIMD2<Double>](repeating: .zero, count: n * k)
        for j in 0..<k { for i in 0..<n { rhs[i * k + j] = sides[j][i] } }
        Cascade.substitutePair(pair, &rhs, count: k, n: n)
        for j in 0..<k {
            var fresh = a, y = sides[j].map { $0[0] }
            #expect(Cascade.solveSmall(&fresh, &y, n: n))
            for i in 0..<n {
                #expect(abs(rhs[i * k + j][0] - y[i]) <= 1e-12 * max(1, abs(y[i])))
                #expect(rhs[i * k + j][1] == 0)
            }
        }
    }

    @Test("substitute(factored:) after LAPACK (n > 32) and after a singular system")
    func largeAndSingular() {
        var rng = SplitMix64(seed: 4)
        let n = 40
        let m = Self.system(n, exchanges: false, rng: &rng)
        var factored = m, pivots = [Int32](repeating: 0, count: n), q = [Double](repeating: 0, count: n)
        let c = (0..<n).map { _ in 0.01 * rng.uniform() }
        let solved = Cascade.linearSolve(shocks: c, system: &factored, into: &q, n: n, pivots: &pivots)
        #expect(solved)
        var again = c
        Cascade.substitute(factored: &factored, pivots: &pivots, into: &again, n: n, solved: solved)
        for i in 0..<n { #expect(abs(again[i] - q[i]) <= 1e-14) }
        var zero = [Double](repeating: 0, count: 4), shocks = [0.5, 0, 0.2, 0]
        Cascade.substitute(factored: &zero, pivots: &pivots, into: &shocks, n: 4, solved: false)
        #expect(shocks == [1, 0, 1, 0])
    }
}
