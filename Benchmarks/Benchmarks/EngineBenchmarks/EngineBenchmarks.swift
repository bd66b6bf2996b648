import Benchmark
@_spi(Engine) import CyberRisk

/// The cyberrisk performance suite (docs/performance.md). Every benchmark reports throughput
/// (iterations per second, times the scaling factor where one is set) and heap allocations;
/// the `Budget/` benchmarks measure a ratio of two rates inside each iteration, so that the
/// ratio comes from one run even on a shared, noisy machine. (`.cpuTotal` is left out on
/// purpose: reading it makes the harness itself allocate 16 times per iteration, which would
/// hide the engine's zero; `Harness/empty iteration` shows the baseline is 0.)
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal],
        warmupIterations: 3,
        maxDuration: .seconds(2),
        maxIterations: 1_000
    )
    LinearAlgebra.useSingleThreadedBLAS()
    Benchmark("Harness/empty iteration (the harness's own allocations)") { _ in }
    randomBenchmarks()
    cascadeBenchmarks()
    sketchBenchmarks()
    forecastBenchmarks()
}
