import Foundation
import Testing
@_spi(Engine) @testable import CyberRisk

@Suite struct PrecisionRunTests {
    static func forecast(maximumTrials: Int) throws -> Forecast {
        let s = ScenarioFixtures.scenario(sectors: ForecastTests.threeSectors, matrix: ForecastTests.matrix,
                                          trials: maximumTrials, years: 3, botnetEvents: 0.05)
        return Forecast(plan: try SimulationPlan(scenario: s))
    }

    static let targets = [PrecisionRun.Target(metric: MetricSet.Core.nationalRisk.rawValue, statistic: .mean, name: "national_risk"),
                          PrecisionRun.Target(metric: MetricSet.Core.economicLoss.rawValue, statistic: .quantile(0.95),
                                              name: "economic_loss_usd_bn:p95")]

    @Test func checksHappenAtDoublingBlockCounts() {
        #expect(PrecisionRun.checkpoints(totalBlocks: 100) == [8, 16, 32, 64, 100])
        #expect(PrecisionRun.checkpoints(totalBlocks: 64) == [8, 16, 32, 64])
        #expect(PrecisionRun.checkpoints(totalBlocks: 3) == [3])
    }

    /// The stop, and every statistic, are the same for any thread count; the reached precision
    /// meets the target; the result equals a plain run of as many trials.
    @Test func stopsWhenPreciseTheSameForAnyThreadCount() throws {
        let staged = PrecisionRun(forecast: try Self.forecast(maximumTrials: 1 << 20), relativeHalfWidth: 0.02, targets: Self.targets)
        let one = try staged.run(threads: 1, requests: [])
        let two = try staged.run(threads: 2, requests: [])
        let same = one.run == two.run
        #expect(same)
        #expect(one.outcome == two.outcome)
        #expect(one.outcome.stopReason == .precisionReached)
        #expect(one.outcome.reached <= 0.02)
        #expect(one.outcome.trials % (PrecisionRun.firstCheckBlocks * TrialBlock.capacity) == 0)
        // Each mean's half-width from the accumulator itself.
        let m = staged.forecast.plan.metrics.count
        for t in 0..<3 {
            let moments = one.run.accumulator.metricMoments[t * m + MetricSet.Core.nationalRisk.rawValue]
            #expect(PrecisionRun.z * moments.standardError <= 0.02 * moments.mean)
        }
        let plain = try Self.forecast(maximumTrials: one.outcome.trials).run(threads: 2)
        let equal = plain == one.run.accumulator
        #expect(equal)
        // An earlier check was not yet precise (the run did not stop too early).
        if one.outcome.checks.count > 1 { #expect(one.outcome.checks[one.outcome.checks.count - 2].reached > 0.02) }
    }

    @Test func theMaximumIsRespected() throws {
        let staged = PrecisionRun(forecast: try Self.forecast(maximumTrials: 5000), relativeHalfWidth: 1e-6, targets: Self.targets)
        let result = try staged.run(threads: 2, requests: [])
        #expect(result.outcome.stopReason == .maximumTrials)
        #expect(result.outcome.trials == 5000)
        #expect(result.outcome.checks.map(\.trials) == [5000])
        #expect(result.run.batches.requests.isEmpty)
    }

    /// Quantile targets are judged by their batch-means error.
    @Test func quantileTargetsUseBatchMeans() throws {
        let staged = PrecisionRun(forecast: try Self.forecast(maximumTrials: 16 * 1024), relativeHalfWidth: 0.5,
                                  targets: [Self.targets[1]])
        let requests = staged.targetRequests
        #expect(requests == [BatchRequest(metric: MetricSet.Core.economicLoss.rawValue, statistic: .quantile(0.95))])
        let run = try staged.forecast.run(blocks: 0..<8, threads: 2, requests: requests)
        let reached = staged.reached(run)
        let m = staged.forecast.plan.metrics.count
        var worst = 0.0
        for t in 0..<3 {
            let series = t * m + MetricSet.Core.economicLoss.rawValue
            let value = SeriesStatistic.quantile(0.95).value(moments: run.accumulator.metricMoments[series],
                                                             sketch: run.accumulator.metricSketches[series], wholeNumbers: false)
            worst = Swift.max(worst, PrecisionRun.z * run.batches.standardError(year: t, request: 0) / value)
        }
        #expect(reached.value == worst)
        #expect(reached.value > 0 && reached.value.isFinite)
    }
}
