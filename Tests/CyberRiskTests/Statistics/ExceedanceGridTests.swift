import Foundation
import Testing
@_spi(Engine) @testable import CyberRisk

/// Exceedance thresholds follow the pooled distribution into its tail, and depend on nothing
/// but the merged sketch.
@Suite struct ExceedanceGridTests {
    /// Ten "years" of a heavy-tailed loss, each year's scale growing: lognormal(μ = log(100) +
    /// 0.06·t, σ = 0.5), 20,000 draws a year, seeded.
    static func years(seed: UInt64 = 7, trials: Int = 20_000) -> [QuantileSketch] {
        var rng = SplitMix64(seed: seed)
        return (0..<10).map { t in
            var s = QuantileSketch()
            for _ in 0..<trials { s.insert(Foundation.exp(Foundation.log(100) + 0.06 * Double(t) + 0.5 * rng.normal())) }
            return s
        }
    }

    static func pooled(_ sketches: [QuantileSketch]) -> QuantileSketch {
        sketches.reduce(into: QuantileSketch()) { $0.merge($1) }
    }

    @Test func continuousThresholdsResolveTheTailOfEveryYear() {
        let sketches = Self.years()
        let grid = ExceedanceGrid.thresholds(pooled: Self.pooled(sketches), wholeNumbers: false)
        #expect(grid.count <= ExceedanceGrid.size && grid.count >= 35)
        #expect(grid.first == 0)
        #expect(grid.last == Self.pooled(sketches).max)
        #expect(zip(grid, grid.dropFirst()).allSatisfy { $0 < $1 })
        // The complaint: the old log-spaced grid left most thresholds where P = 1. Now,
        // in the last year, at most a handful sit at P ≥ 99% and at least ten in the tail
        // between 5% and 1/trials.
        let last = sketches[9]
        let probabilities = grid.map { last.fractionAbove($0) }
        #expect(probabilities.filter { $0 >= 0.99 }.count <= 6, "\(probabilities)")
        #expect(probabilities.filter { $0 > 0 && $0 < 0.05 }.count >= 10, "\(probabilities)")
        // The first year's body is covered too.
        let first = sketches[0].fractionAbove
        #expect(grid.filter { first($0) > 0.05 && first($0) < 0.95 }.count >= 8)
        // Thresholds between 0 and the maximum read as 3 significant digits.
        for x in grid.dropFirst().dropLast() { #expect(Double(String(format: "%.3g", x)) == x) }
    }

    @Test func theGridDependsOnlyOnTheMergedSketch() {
        // The same draws split in 3 parts per year (as shards or threads would) and merged.
        var rng = SplitMix64(seed: 11)
        var whole = QuantileSketch(), parts = [QuantileSketch(), QuantileSketch(), QuantileSketch()]
        for k in 0..<30_000 {
            let x = rng.exponential() * 50
            whole.insert(x)
            parts[k % 3].insert(x)
        }
        var merged = parts[2]
        merged.merge(parts[0])
        merged.merge(parts[1])
        #expect(ExceedanceGrid.thresholds(pooled: merged, wholeNumbers: false)
                == ExceedanceGrid.thresholds(pooled: whole, wholeNumbers: false))
    }

    @Test func wholeNumberGrids() {
        var small = QuantileSketch()
        for k in [0, 0, 0, 1, 2, 7] { small.insert(Double(k)) }
        #expect(ExceedanceGrid.thresholds(pooled: small, wholeNumbers: true) == [0, 1, 2, 3, 4, 5, 6, 7])
        // Large counts: 0…3 always (the report's chance of each count reads them), then distinct
        // whole-number quantiles, then the maximum.
        var rng = SplitMix64(seed: 3)
        var large = QuantileSketch()
        for _ in 0..<50_000 { large.insert((rng.exponential() * 300).rounded()) }
        let grid = ExceedanceGrid.thresholds(pooled: large, wholeNumbers: true)
        #expect(Array(grid.prefix(4)) == [0, 1, 2, 3])
        #expect(grid.last == large.max)
        #expect(grid.count <= ExceedanceGrid.size)
        #expect(grid.allSatisfy { $0 == $0.rounded() })
        #expect(zip(grid, grid.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func degenerateMetrics() {
        #expect(ExceedanceGrid.thresholds(pooled: QuantileSketch(), wholeNumbers: false) == [])
        var zeros = QuantileSketch()
        for _ in 0..<10 { zeros.insert(0) }
        #expect(ExceedanceGrid.thresholds(pooled: zeros, wholeNumbers: false) == [0])
        var constant = QuantileSketch()
        for _ in 0..<10 { constant.insert(2.5) }
        #expect(ExceedanceGrid.thresholds(pooled: constant, wholeNumbers: false) == [0, 2.5])
    }
}
