import Benchmark
@_spi(Engine) import CyberRisk
import Foundation

/// The whole default forecast (the embedded baseline: 16 sectors, 10 years) on one thread and
/// on all threads, one block's steady state (its allocations must be zero), and the budget
/// ratio of the all-threads rate to the one-thread rate.
func forecastBenchmarks() {
    let trials = 2048
    let plan = try! SimulationPlan(scenario: ScenarioCatalog.resolve(path: nil, overrides: ["trials=\(trials)"]).scenario)
    let forecast = Forecast(plan: plan)
    let threads = ProcessInfo.processInfo.activeProcessorCount
    let trialYears = BenchmarkMetric.custom("trial-years/s", polarity: .prefersLarger, useScalingFactor: false)
    let config = Benchmark.Configuration(metrics: [trialYears, .throughput, .wallClock, .mallocCountTotal],
                                         warmupIterations: 1, maxIterations: 20)

    for t in [1, threads] {
        Benchmark("Forecast/default scenario, \(trials) trials x 10 years, \(t) thread(s)", configuration: config) { benchmark in
            let time = ContinuousClock().measure { blackHole(try! forecast.run(threads: t)) }
            benchmark.measurement(trialYears, Int((Double(trials * plan.years) / seconds(time)).rounded()))
        }
    }

    // Steady state: the sketches' bucket windows grow (amortised) only while new extremes
    // arrive, so the block first simulates `warmUp` blocks outside the measurement.
    let block = TrialBlock(plan: plan)
    var accumulator = ForecastAccumulator(years: plan.years, metricCount: plan.metrics.count, sectorCount: plan.sectorCount)
    var next = 0
    let warmUp = 96
    let allocationConfig = Benchmark.Configuration(metrics: [.throughput, .wallClock, .mallocCountTotal, .mallocBytesCount],
                                                   warmupIterations: 0, maxDuration: .seconds(60), maxIterations: 16)
    Benchmark("Forecast/TrialBlock.simulate steady state (1024 trials x 10 years)",
              configuration: allocationConfig) { benchmark in
        if next == 0 {
            for _ in 0..<warmUp { simulateNext() }
            benchmark.startMeasurement()
        }
        simulateNext()
    }
    func simulateNext() {
        block.simulate(firstTrial: next * TrialBlock.capacity, rows: TrialBlock.capacity, into: &accumulator)
        next += 1
    }

    let speedup = BenchmarkMetric.custom("\(threads)-thread / 1-thread rate, %", polarity: .prefersLarger,
                                         useScalingFactor: false)
    Benchmark("Budget/forecast scaling, \(threads) threads vs 1",
              configuration: .init(metrics: [speedup, .wallClock], warmupIterations: 1, maxIterations: 10)) { benchmark in
        let clock = ContinuousClock()
        let one = clock.measure { blackHole(try! forecast.run(threads: 1)) }
        let all = clock.measure { blackHole(try! forecast.run(threads: threads)) }
        benchmark.measurement(speedup, Int((100 * seconds(one) / seconds(all)).rounded()))
    }
}
