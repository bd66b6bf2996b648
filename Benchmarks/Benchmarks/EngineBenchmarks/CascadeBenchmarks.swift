import Benchmark
@_spi(Engine) import CyberRisk

/// One cascade step over a block of 1024 trials at N = 16 (the default), 64 and 256 sectors,
/// the per-trial solve the default scenario uses (its coupling κ is uncertain), the large
/// `dgemm` reference, and the budget ratio of the N = 64 step's rate to that reference.
func cascadeBenchmarks() {
    let sizes = [16, 64, 256]
    let fixtures = Dictionary(uniqueKeysWithValues: sizes.map { ($0, CascadeFixture(n: $0)) })
    let square = SquareProduct(n: 1024)

    for n in sizes {
        let f = fixtures[n]!
        Benchmark("Cascade/linear block step N=\(n) (1024 trials, dgemm)") { benchmark in
            f.linearStep()
        }
        Benchmark("Cascade/saturating block step N=\(n) (1024 trials, to 1e-12)") { benchmark in
            blackHole(f.saturatingStep())
        }
    }

    let small = fixtures[16]!
    Benchmark("Cascade/linear per-trial solve N=16 (1024 trials, LU each)") { benchmark in
        for row in 0..<small.rows { small.perTrialStep(row: row) }
    }

    Benchmark("Cascade/dgemm 1024x1024 reference (one core)", configuration: .init(maxIterations: 50)) { benchmark in
        square.multiply()
    }

    // Both rates measured back to back in every iteration; the metric is 100 × the ratio.
    let n64 = fixtures[64]!
    let percentOfDgemm = BenchmarkMetric.custom("N=64 step rate, % of dgemm rate", polarity: .prefersLarger,
                                                useScalingFactor: false)
    Benchmark("Budget/linear cascade N=64 vs large dgemm",
              configuration: .init(metrics: [percentOfDgemm, .wallClock], maxIterations: 20)) { benchmark in
        let clock = ContinuousClock()
        let steps = 40
        let stepTime = clock.measure { for _ in 0..<steps { n64.linearStep() } }
        let squareTime = clock.measure { square.multiply() }
        let stepRate = Double(steps) * n64.linearFlops / seconds(stepTime)
        let squareRate = square.flops / seconds(squareTime)
        benchmark.measurement(percentOfDgemm, Int((100 * stepRate / squareRate).rounded()))
    }
}

/// A duration in seconds.
func seconds(_ d: Duration) -> Double {
    let c = d.components
    return Double(c.seconds) + Double(c.attoseconds) * 1e-18
}
