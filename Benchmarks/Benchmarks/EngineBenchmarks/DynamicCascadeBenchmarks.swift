import Benchmark
import CyberRisk
import Foundation

/// The dynamic cascade's cost budget (issue 16): the default scenario with `cascade.mode: dynamic`
/// against the same scenario in its static (linear) mode, one thread, both measured back to back
/// in every iteration; the metric is 100 × (dynamic CPU time per trial-year ÷ static). The budget
/// is ≤ 400.
func dynamicCascadeBenchmarks() {
    let trials = 1024
    func forecast(_ overrides: [String]) -> Forecast {
        let resolved = try! ScenarioCatalog.resolve(path: nil, overrides: ["trials=\(trials)"] + overrides)
        return Forecast(plan: try! SimulationPlan(scenario: resolved.scenario))
    }
    let linear = forecast([])
    let dynamic = forecast(["cascade.mode=dynamic"])
    let ratio = BenchmarkMetric.custom("dynamic / static time per trial-year, %", polarity: .prefersSmaller,
                                       useScalingFactor: false)
    Benchmark("Budget/dynamic cascade vs static, default scenario",
              configuration: .init(metrics: [ratio, .wallClock], warmupIterations: 1, maxIterations: 10)) { benchmark in
        let clock = ContinuousClock()
        let staticTime = clock.measure { blackHole(try! linear.run(threads: 1)) }
        let dynamicTime = clock.measure { blackHole(try! dynamic.run(threads: 1)) }
        benchmark.measurement(ratio, Int((100 * seconds(dynamicTime) / seconds(staticTime)).rounded()))
    }
}
