import Foundation
import Testing
@_spi(Engine) @testable import CyberRisk

@Suite struct BatchMeansTests {
    static let p95 = BatchRequest(metric: 0, statistic: .quantile(0.95))

    /// The error is the block values' standard deviation over √K.
    @Test func standardErrorIsTheSpreadOfTheBlockValuesOverRootK() {
        var b = BatchMeans(years: 1, requests: [Self.p95])
        #expect(b.standardError(year: 0, request: 0).isNaN)   // no batches
        b.add(year: 0, request: 0, 1)
        #expect(b.standardError(year: 0, request: 0).isNaN)   // one batch
        for x in [2.0, 3, 4] { b.add(year: 0, request: 0, x) }
        // values 1…4: sd = √(5/3), K = 4
        #expect(Swift.abs(b.standardError(year: 0, request: 0) - (5.0 / 3).squareRoot() / 2) < 1e-15)
        #expect(b.batchCount(year: 0) == 4)
        #expect(b.batchMean(year: 0, request: 0) == 2.5)
    }

    /// For i.i.d. uniforms the p95 estimate from n values has standard error √(p(1 − p)/n)
    /// (density 1). Batch means over K = 64 blocks estimate it with relative error ≈ 1/√(2(K − 1))
    /// ≈ 9%; the bound, 30%, is over three of those (fixed seed).
    @Test func batchMeansEstimateTheSamplingErrorOfAQuantile() {
        let blocks = 64, size = BatchMeans.batchSize
        var b = BatchMeans(years: 1, requests: [Self.p95])
        var rng = SplitMix64(seed: 11)
        var block = [Double](repeating: 0, count: size)
        for _ in 0..<blocks {
            for i in 0..<size { block[i] = rng.uniform() }
            block.sort()
            block.withUnsafeBufferPointer { b.add(year: 0, request: 0, Self.p95.statistic.batchValue(sorted: $0)) }
        }
        let exact = (0.95 * 0.05 / Double(blocks * size)).squareRoot()
        let estimate = b.standardError(year: 0, request: 0)
        #expect(Swift.abs(estimate / exact - 1) < 0.3, "batch-means se \(estimate), exact \(exact)")
    }

    @Test func mergingIsExactAndOrderFree() {
        var rng = SplitMix64(seed: 5)
        let values = (0..<40).map { _ in rng.normal() }
        let requests = [Self.p95, BatchRequest(metric: 1, statistic: .tailMean(0.05))]
        var whole = BatchMeans(years: 2, requests: requests)
        var parts = [BatchMeans](repeating: BatchMeans(years: 2, requests: requests), count: 3)
        for (k, x) in values.enumerated() {
            whole.add(year: k % 2, request: (k / 2) % 2, x)
            parts[k % 3].add(year: k % 2, request: (k / 2) % 2, x)
        }
        var merged = parts[2]
        merged.merge(parts[0])
        merged.merge(parts[1])
        #expect(merged == whole)
        let restricted = whole.restricted(to: [requests[1]])
        #expect(restricted.requests == [requests[1]])
        #expect(restricted.standardError(year: 1, request: 0) == whole.standardError(year: 1, request: 1))
    }

    @Test func bytesRoundTripAndImplausibleCountsAreRefused() throws {
        var b = BatchMeans(years: 2, requests: [Self.p95])
        for x in [1.0, 2, 3] { b.add(year: 1, request: 0, x) }
        var w = ByteWriter()
        b.write(to: &w)
        var r = ByteReader(w.bytes)
        #expect(try BatchMeans(from: &r, years: 2, metricCount: 1, maximumBatches: 3) == b)
        var tooMany = ByteReader(w.bytes)
        #expect(throws: ByteReader.Error.self) { try BatchMeans(from: &tooMany, years: 2, metricCount: 1, maximumBatches: 2) }
        var unknownMetric = ByteReader(w.bytes)
        #expect(throws: ByteReader.Error.self) { try BatchMeans(from: &unknownMetric, years: 2, metricCount: 0, maximumBatches: 3) }
    }

    /// Batches of 1024 hold about ten trials beyond p99: the last reliable level.
    @Test func reliabilityOfLevels() {
        #expect(BatchMeans.isReliable(.quantile(0.99)))
        #expect(BatchMeans.isReliable(.tailMean(0.01)))
        #expect(!BatchMeans.isReliable(.quantile(0.999)))
        #expect(BatchMeans.isReliable(.mean))
    }
}
