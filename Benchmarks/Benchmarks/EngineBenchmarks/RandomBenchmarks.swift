import Benchmark
@_spi(Engine) import CyberRisk

/// Philox4x64-10 raw output and each sampler, 1000 numbers per iteration from one stream
/// (throughput is numbers per second). The block benchmark feeds each output into the next
/// counter, so it measures one block's latency; `RandomStream.next` measures words as the
/// engine consumes them (blocks computed in pairs). Calls into the library cross a module
/// boundary here (no inlining), so every figure includes a few ns of call overhead.
func randomBenchmarks() {
    let perThousand = Benchmark.Configuration(scalingFactor: .kilo)

    Benchmark("Random/Philox4x64-10 block (4 words)", configuration: perThousand) { benchmark in
        var x: UInt64 = 0
        for i in benchmark.scaledIterations {
            let r = Philox4x64.block(counter: (UInt64(i), 1, 2, x), key: (3, 4))
            x = r.0 ^ r.3
        }
        blackHole(x)
    }

    Benchmark("Random/RandomStream.next (64-bit words)", configuration: perThousand) { benchmark in
        var rng = RandomStream(seed: 1, trial: 0, stream: 0, site: 0)
        var x: UInt64 = 0
        for _ in benchmark.scaledIterations { x ^= rng.next() }
        blackHole(x)
    }

    sampler("uniform") { $0.uniform() }
    sampler("standard normal (ziggurat)") { $0.standardNormal() }
    sampler("Poisson mean 3 (inversion)") { Poisson.sample(mean: 3, using: &$0) }
    sampler("Poisson mean 60 (PTRS)") { Poisson.sample(mean: 60, using: &$0) }
    sampler("Gamma shape 0.08") { Gamma.sample(shape: 0.08, scale: 1, using: &$0) }
    sampler("Gamma shape 400") { Gamma.sample(shape: 400, scale: 1, using: &$0) }
    let severity = Beta.Sampler(alpha: 0.08, beta: 400)
    sampler("Beta(0.08, 400) severity (rejection)") { severity.sample(using: &$0) }
    let severities = BetaSum(alpha: 0.08, beta: 400)
    sampler("BetaSum(0.08, 400) sum of 60 severities (chunks of 40)") { severities.sample(count: 60, using: &$0) }
    let botnet = Beta.Sampler(alpha: 0.1, beta: 500)
    sampler("Beta(0.1, 500) botnet (rejection)") { botnet.sample(using: &$0) }
    let inversion = Beta.Sampler(alpha: 1, beta: 100)
    sampler("Beta(1, 100) analogue severity (inversion)") { inversion.sample(using: &$0) }
    sampler("lognormal") { Lognormal.sample(median: 1, sigma: 0.5, using: &$0) }
    sampler("PERT(20, 40, 120)") { PERT.sample(lower: 20, mode: 40, upper: 120, using: &$0) }
}

/// 1000 draws of `draw` per iteration from one stream.
private func sampler(_ name: String, _ draw: @escaping (inout RandomStream) -> Double) {
    Benchmark("Random/\(name)", configuration: .init(scalingFactor: .kilo)) { benchmark in
        var rng = RandomStream(seed: 1, trial: 0, stream: 0, site: 0)
        var sum = 0.0
        for _ in benchmark.scaledIterations { sum += draw(&rng) }
        blackHole(sum)
    }
}
