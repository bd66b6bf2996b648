import Foundation
import Testing
@_spi(Engine) @testable import CyberRisk

@Suite struct BatchedSketchTests {
    @Test("batch of block k is k mod 32; merged equals one sketch of every value; merge is exact and order-free")
    func batchesAndMerge() throws {
        #expect(BatchedSketch.batch(ofBlock: 0) == 0 && BatchedSketch.batch(ofBlock: 33) == 1)
        var rng = SplitMix64(seed: 1)
        var whole = QuantileSketch(), a = BatchedSketch(), b = BatchedSketch(), both = BatchedSketch()
        for k in 0..<5000 {
            let x = rng.uniform() * 100
            whole.insert(x)
            both.insert(x, batch: k % 32)
            if k % 3 == 0 { a.insert(x, batch: k % 32) } else { b.insert(x, batch: k % 32) }
        }
        var ab = a, ba = b
        ab.merge(b)
        ba.merge(a)
        #expect(ab == both && ba == both)
        #expect(both.merged == whole)
        #expect(both.count == 5000)
        var w = ByteWriter()
        both.write(to: &w)
        var r = ByteReader(w.bytes)
        #expect(try BatchedSketch(from: &r) == both)
    }

    @Test("standard error: equal batches give the usual s/√B of the batch estimates; unequal batches weigh by size")
    func standardError() {
        // Batch b holds 10 copies of the value b (b = 0…31): each batch's mean is b.
        var s = BatchedSketch()
        for b in 0..<32 { for _ in 0..<10 { s.insert(Double(b + 1), batch: b) } }
        let means = (0..<32).map { Double($0 + 1) }
        let m = means.reduce(0, +) / 32
        let sd = (means.reduce(0) { $0 + ($1 - m) * ($1 - m) } / 31).squareRoot()
        let se = s.standardError { $0.tailMean(fraction: 1) }
        // tailMean(1) of a constant batch is its value up to the sketch's 0.39 %.
        #expect(abs(se - sd / 32.0.squareRoot()) <= 0.01 * sd / 32.0.squareRoot())
        // Unequal sizes: Σ n_b (x_b − x̄)² / ((B − 1) n) with x̄ the size-weighted mean.
        var u = BatchedSketch()
        for _ in 0..<10 { u.insert(1, batch: 0) }
        for _ in 0..<30 { u.insert(2, batch: 1) }
        let xbar = (10.0 * 1 + 30 * 2) / 40
        let expected = ((10 * (1 - xbar) * (1 - xbar) + 30 * (2 - xbar) * (2 - xbar)) / (1 * 40)).squareRoot()
        #expect(abs(u.standardError { $0.quantile(0.5) } - expected) < 0.02 * expected)
        #expect(BatchedSketch().standardError { $0.quantile(0.5) }.isNaN)
    }

    @Test("batch-means SE of a quantile tracks its true sampling sd: 64 independent replicas of 32 batches")
    func quantileErrorIsCalibrated() {
        // Exponential values: the 1-in-20 level is ln 20. Over replicas, the sd of the
        // full-sample estimate and the mean batch-means SE agree within their sampling error.
        var rng = SplitMix64(seed: 7)
        var estimates: [Double] = [], errors: [Double] = []
        for _ in 0..<64 {
            var s = BatchedSketch()
            for k in 0..<32 * 500 { s.insert(-log(rng.uniform()), batch: k % 32) }
            let r = ReturnPeriod(s, returnPeriod: 20)
            estimates.append(r.level)
            errors.append(r.levelSE)
        }
        let mean = estimates.reduce(0, +) / 64
        let sd = (estimates.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 63).squareRoot()
        let se = errors.reduce(0, +) / 64
        #expect(abs(mean - log(20.0)) <= 4 * sd / 8 + log(20.0) / 257)
        // sd has relative sampling error ~1/√(2·63) ≈ 9 %: a factor 1.4 either way is > 4 of them.
        #expect(se / sd > 0.7 && se / sd < 1.4, "batch SE \(se) vs replica sd \(sd)")
    }

    @Test("resolution: at least 10 non-empty batches and the smallest holding 10·T values")
    func resolution() {
        var s = BatchedSketch()
        for b in 0..<32 { for _ in 0..<1000 { s.insert(1, batch: b) } }
        #expect(ReturnPeriod.isResolved(s, returnPeriod: 100))
        #expect(!ReturnPeriod.isResolved(s, returnPeriod: 101))
        var few = BatchedSketch()
        for b in 0..<9 { for _ in 0..<100_000 { few.insert(1, batch: b) } }
        #expect(!ReturnPeriod.isResolved(few, returnPeriod: 2))
    }
}

@Suite struct UpperTailTests {
    @Test("upperTail gives quantile(1 − p) and tailMean(p) exactly, for positive, zero, negative and infinite values")
    func equalsOneByOne() {
        var rng = SplitMix64(seed: 11)
        for shape in 0..<4 {
            var s = QuantileSketch()
            for k in 0..<3000 {
                let u = rng.uniform()
                switch shape {
                case 0: s.insert(-log(u) * 10)
                case 1: s.insert(k % 3 == 0 ? 0 : u - 0.4)
                case 2: s.insert(k % 500 == 0 ? .infinity : u)
                default: s.insert(-u)
                }
            }
            let fractions = [1, 0.5, 0.2, 0.1, 0.01, 0.004, 1e-3, 1e-4, 1.0 / 3000, 2.0]
            let tail = s.upperTail(fractions)
            for (p, t) in zip(fractions, tail) {
                #expect(t.quantile.bitPattern == s.quantile(1 - p).bitPattern || (t.quantile.isNaN && s.quantile(1 - p).isNaN), "shape \(shape) p \(p)")
                let m = s.tailMean(fraction: p)
                #expect(t.tailMean.bitPattern == m.bitPattern || (t.tailMean.isNaN && m.isNaN), "shape \(shape) p \(p): \(t.tailMean) vs \(m)")
            }
        }
        #expect(QuantileSketch().upperTail([0.1]).allSatisfy { $0.quantile.isNaN && $0.tailMean.isNaN })
    }

    @Test("ReturnPeriod.table equals ReturnPeriod(series, returnPeriod:) at each period")
    func tableEqualsSingles() {
        var rng = SplitMix64(seed: 12)
        var s = BatchedSketch()
        for k in 0..<20_000 { s.insert(-log(rng.uniform()), batch: k % 32) }
        let table = ReturnPeriod.table(s)
        for (row, t) in zip(table, ReturnPeriod.standard) {
            let single = ReturnPeriod(s, returnPeriod: t)
            #expect(row == single || (row.levelSE.isNaN && single.levelSE.isNaN), "T \(t)")
        }
    }
}
