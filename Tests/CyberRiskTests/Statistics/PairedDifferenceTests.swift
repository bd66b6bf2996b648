import Foundation
import Testing
@_spi(Engine) @testable import CyberRisk

@Suite struct PairedDifferenceTests {
    /// Strongly correlated pairs: the paired error is the spread of y − x over √n, far below the
    /// independent √(se_x² + se_y²); P(worse) counts y > x.
    @Test func pairedMomentsOfCorrelatedValues() {
        var rng = SplitMix64(seed: 9)
        let n = 4000
        var x = [Double](), y = [Double]()
        for _ in 0..<n {
            let common = rng.exponential()
            x.append(common)
            y.append(0.9 * common + 0.01 * rng.normal())
        }
        var pair = PairedDifference(years: 1, metricCount: 1, requests: [])
        x.withUnsafeBufferPointer { xb in
            y.withUnsafeBufferPointer { yb in
                pair.add(year: 0, metric: 0, alternative: yb.baseAddress!, base: xb.baseAddress!, rows: n, stride: 1)
            }
        }
        pair.addTrials(n)
        var d = Moments(), mx = Moments(), my = Moments()
        var worse = 0
        for i in 0..<n {
            d.add(y[i] - x[i])
            mx.add(x[i])
            my.add(y[i])
            if y[i] > x[i] { worse += 1 }
        }
        let se = pair.moments[0].standardError
        #expect(Swift.abs(se - d.standardError) <= 1e-12 * d.standardError)
        #expect(Swift.abs(pair.moments[0].mean - (my.mean - mx.mean)) < 1e-12)
        let independent = (mx.standardError * mx.standardError + my.standardError * my.standardError).squareRoot()
        #expect(se < independent / 5)
        #expect(pair.probabilityWorse(year: 0, metric: 0) == Double(worse) / Double(n))
        #expect(pair.trials == Int64(n))
    }

    /// A scenario against itself: every difference is exactly 0 and never worse.
    @Test func aSeriesAgainstItselfDiffersByNothing() {
        let x = (0..<100).map { Double($0) * 0.37 }
        var pair = PairedDifference(years: 1, metricCount: 2, requests: [])
        x.withUnsafeBufferPointer { b in
            pair.add(year: 0, metric: 1, alternative: b.baseAddress!, base: b.baseAddress!, rows: 50, stride: 2)
        }
        #expect(pair.moments[1].mean == 0 && pair.moments[1].standardError == 0)
        #expect(pair.probabilityWorse(year: 0, metric: 1) == 0)
        #expect(pair.sketches[1].quantile(0.05) == 0 && pair.sketches[1].quantile(0.95) == 0)
    }

    @Test func bytesRoundTripAndMergeIsExact() throws {
        let requests = [BatchRequest(metric: 0, statistic: .quantile(0.99))]
        var rng = SplitMix64(seed: 2)
        func part(_ rows: Int) -> PairedDifference {
            var p = PairedDifference(years: 1, metricCount: 1, requests: requests)
            let x = (0..<rows).map { _ in rng.uniform() }, y = (0..<rows).map { _ in rng.uniform() }
            x.withUnsafeBufferPointer { xb in
                y.withUnsafeBufferPointer { yb in
                    p.add(year: 0, metric: 0, alternative: yb.baseAddress!, base: xb.baseAddress!, rows: rows, stride: 1)
                }
            }
            p.addTrials(rows)
            p.batches.add(year: 0, request: 0, rng.normal())
            return p
        }
        var a = part(2048)
        let b = part(2048)
        var w = ByteWriter()
        a.write(to: &w)
        var r = ByteReader(w.bytes)
        #expect(try PairedDifference(from: &r, years: 1, metricCount: 1) == a)
        var ab = a, ba = b
        ab.merge(b)
        ba.merge(a)
        #expect(ab == ba)
        a.merge(b)
        #expect(a.trials == 4096)
    }
}
