@_spi(Engine) import CyberRisk
import Foundation

/// The per-operation costs of the roofline (docs/performance.md, "Roofline"), each measured in a
/// tight loop through the library's public API, as the engine uses it. Calls cross the module
/// boundary, so each figure includes the call (a few ns where the engine would inline).
enum OperationCosts {
    /// `(name, ns per operation)` in a fixed order.
    static func measure(sectorCounts: [Int]) -> [(String, Double)] {
        let timer = OperationTimer(count: 400_000, rounds: 20)
        var results: [(String, Double)] = []
        var rng = RandomStream(seed: 1, trial: 0, stream: 0, site: 0)
        results.append(("word", timer.nanoseconds { _ in Double(rng.next() >> 11) }))
        results.append(("uniform", timer.nanoseconds { _ in rng.uniform() }))
        results.append(("normal", timer.nanoseconds { _ in rng.standardNormal() }))
        // exp and log of varying arguments (the argument itself costs a multiply–add).
        results.append(("exp", timer.nanoseconds { i in Foundation.exp(-1e-6 * Double(i & 0xFFFF)) }))
        results.append(("log", timer.nanoseconds { i in Foundation.log(1 + 1e-6 * Double(i & 0xFFFF)) }))
        let g = Gamma.Sampler(shape: 3.2)
        results.append(("gamma", timer.nanoseconds { _ in g.parts(using: &rng).m }))
        let beta = Beta.Sampler(alpha: 1.6, beta: 38)
        results.append(("beta", timer.nanoseconds { _ in beta.sample(using: &rng) }))
        let botnet = Beta.Sampler(alpha: 0.1, beta: 500)
        results.append(("beta_small_alpha", timer.nanoseconds { _ in botnet.sample(using: &rng) }))
        results.append(("poisson_inversion", timer.nanoseconds { _ in Poisson.sample(mean: 2, using: &rng) }))
        results.append(("poisson_ptrs", timer.nanoseconds { _ in Poisson.sample(mean: 40, using: &rng) }))
        results.append(("binomial", timer.nanoseconds { _ in Binomial.sample(count: 20000, probability: 0.003, using: &rng) }))
        results.append(("pert", timer.nanoseconds { _ in PERT.sample(lower: 0.2, mode: 0.5, upper: 0.9, using: &rng) }))
        var sketch = QuantileSketch()
        var x = 1e-3
        results.append(("sketch_insert", timer.nanoseconds { _ in
            x = x * 1.000_37 > 1 ? 1e-3 : x * 1.000_37   // sweeps three decades, as a metric's values do
            sketch.insert(x)
            return x
        }))
        for n in sectorCounts {
            let solve = SolveCost.nanoseconds(n: n)
            results += [("solve_\(n)", solve.best), ("solve_lapack_\(n)", solve.lapack),
                        ("solve_small_\(n)", solve.small), ("solve_pair_\(n)", solve.paired)]
            results.append(("sweep_\(n)", SolveCost.sweepNanoseconds(n: n)))
            results.append(("shared_row_\(n)", SolveCost.sharedRowNanoseconds(n: n)))
        }
        return results
    }
}
