import Foundation
import Testing
@_spi(Engine) @testable import CyberRisk

@Suite struct SeriesStatisticTests {
    @Test func namesRoundTripThroughTheSummaryColumns() {
        for name in SeriesStatistic.names {
            let s = SeriesStatistic(name: name)
            #expect(s?.name == name, "\(name)")
        }
        #expect(SeriesStatistic(name: "p97") == nil)
        #expect(SeriesStatistic(name: "es90") == nil)
        #expect(SeriesStatistic.quantile(0.995).name == "p995")
        #expect(SeriesStatistic.quantile(0.5).name == "p50")
        #expect(SeriesStatistic.tailMean(0.05).name == "es95")
        #expect(SeriesStatistic.quantile(2.0 / 3).name == "q0.6666666666666666")
    }

    /// A return period T is the quantile 1 − 1/T, snapped to the summary level it rounds to.
    @Test func returnPeriodsAreQuantiles() {
        #expect(SeriesStatistic(returnPeriod: 100) == .quantile(0.99))
        #expect(SeriesStatistic(returnPeriod: 20) == .quantile(0.95))
        #expect(SeriesStatistic(returnPeriod: 1000) == .quantile(0.999))
        #expect(SeriesStatistic(returnPeriod: 200).name == "p995")
    }

    /// Block values use the sketch's rank ⌊q·(n − 1)⌋ and the mean of the top ⌈p·n⌉ values.
    @Test func batchValuesOfASortedBlock() {
        let x = (1...100).map(Double.init)
        x.withUnsafeBufferPointer { b in
            #expect(SeriesStatistic.quantile(0.95).batchValue(sorted: b) == 95)   // rank ⌊0.95·99⌋ = 94
            #expect(SeriesStatistic.quantile(0.5).batchValue(sorted: b) == 50)
            #expect(SeriesStatistic.tailMean(0.05).batchValue(sorted: b) == 98)  // mean of 96…100
            #expect(SeriesStatistic.tailMean(0.01).batchValue(sorted: b) == 100)
            #expect(SeriesStatistic.mean.batchValue(sorted: b) == 50.5)
        }
        [Double]().withUnsafeBufferPointer { b in #expect(SeriesStatistic.quantile(0.5).batchValue(sorted: b).isNaN) }
    }

    /// The whole run's value is the summary's: the sketch's quantile, rounded for counts.
    @Test func valueMatchesTheSeriesSummary() {
        var m = Moments(), sketch = QuantileSketch()
        var rng = SplitMix64(seed: 3)
        for _ in 0..<5000 {
            let x = rng.exponential()
            m.add(x)
            sketch.insert(x)
        }
        let summary = SeriesSummary(moments: m, sketch: sketch, wholeNumbers: false)
        #expect(SeriesStatistic.quantile(0.95).value(moments: m, sketch: sketch, wholeNumbers: false) == summary.quantile(named: "p95"))
        #expect(SeriesStatistic.tailMean(0.01).value(moments: m, sketch: sketch, wholeNumbers: false) == summary.expectedShortfall99)
        #expect(SeriesStatistic.mean.value(moments: m, sketch: sketch, wholeNumbers: false) == summary.mean)
    }

    @Test func bytesRoundTripAndBadLevelsAreRefused() throws {
        for s in [SeriesStatistic.mean, .quantile(0.99), .tailMean(0.05)] {
            var w = ByteWriter()
            s.write(to: &w)
            var r = ByteReader(w.bytes)
            #expect(try SeriesStatistic(from: &r) == s)
        }
        var w = ByteWriter()
        SeriesStatistic.quantile(1.5).write(to: &w)
        var r = ByteReader(w.bytes)
        #expect(throws: ByteReader.Error.self) { try SeriesStatistic(from: &r) }
    }
}
