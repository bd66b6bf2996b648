import Benchmark
@_spi(Engine) import CyberRisk

/// The quantile sketch: inserts of lognormal values (throughput in values per second), and
/// merging one filled sketch into another (as workers' accumulators are merged).
func sketchBenchmarks() {
    var rng = RandomStream(seed: 66, trial: 0, stream: 0, site: 0)
    let values = (0..<1000).map { _ in Lognormal.sample(median: 1e-3, sigma: 1, using: &rng) }
    var sketch = QuantileSketch()
    Benchmark("Sketch/insert (lognormal values)", configuration: .init(scalingFactor: .kilo)) { benchmark in
        for x in values { sketch.insert(x) }
        blackHole(sketch.count)
    }

    var filled = QuantileSketch()
    for _ in 0..<100 { for x in values { filled.insert(x) } }
    var total = filled
    Benchmark("Sketch/merge (100k-value sketches)") { benchmark in
        total.merge(filled)
        blackHole(total.count)
    }
}
