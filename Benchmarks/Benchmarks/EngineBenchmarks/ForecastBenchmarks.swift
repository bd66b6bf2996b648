import Benchmark
@_spi(Engine) import CyberRisk
import Foundation

/// The whole default forecast (the embedded baseline: 16 sectors, 10 years) on one thread and
/// on all threads, one block's steady state (its allocations must be zero), the budget ratio of
/// the all-threads rate to the one-thread rate, and the budget of the event catalogue and
/// per-event accounting: the default's rate over the rate of the same forecast without them.
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
    var accumulator = ForecastAccumulator(years: plan.years, metricCount: plan.metrics.count, sectorCount: plan.sectorCount,
                                          eventClasses: plan.scenario.events.count)
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

    // Budget: event catalogue + per-event accounting cost at most 30 % of the default's throughput,
    // i.e. the default runs at ≥ 70 % of the rate of the same forecast with `events: []` and no
    // accounting. Both on one thread, measured back to back in each iteration.
    let budgetTrials = 8192
    let fullPlan = try! SimulationPlan(scenario: ScenarioCatalog.resolve(path: nil, overrides: ["trials=\(budgetTrials)"]).scenario)
    let full = Forecast(plan: fullPlan)
    let plainPlan = try! SimulationPlan(scenario: ScenarioCatalog.resolve(path: nil,
                                                                          overrides: ["trials=\(budgetTrials)", "events=[]"]).scenario)
    let plain = Forecast(plan: plainPlan)
    let share = BenchmarkMetric.custom("default / no-catalogue-no-accounting rate, % (budget >= 70)",
                                       polarity: .prefersLarger, useScalingFactor: false)
    let drawsOnly = BenchmarkMetric.custom("catalogue without accounting / no-catalogue rate, %",
                                           polarity: .prefersLarger, useScalingFactor: false)
    Benchmark("Budget/event catalogue and accounting, default vs without",
              configuration: .init(metrics: [share, drawsOnly, .wallClock], warmupIterations: 1, maxDuration: .seconds(90),
                                   maxIterations: 20)) { benchmark in
        let clock = ContinuousClock()
        let without = clock.measure { blackHole(try! plain.run(threads: 1, eventAccounting: false)) }
        let with = clock.measure { blackHole(try! full.run(threads: 1)) }
        let draws = clock.measure { blackHole(try! full.run(threads: 1, eventAccounting: false)) }
        benchmark.measurement(share, Int((100 * seconds(without) / seconds(with)).rounded()))
        benchmark.measurement(drawsOnly, Int((100 * seconds(without) / seconds(draws)).rounded()))
    }
}
