@_spi(Engine) import CyberRisk

// The per-operation costs of the roofline on this machine, one thread, as JSON on stdout:
// `{"op": ns, …}` (docs/performance.md, "Roofline"; Benchmarks/peers/roofline.py reads it).
//   swift run -c release Roofline [N …]        (sector counts for the solve, default 16 64)
LinearAlgebra.useSingleThreadedBLAS()
let counts = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let costs = OperationCosts.measure(sectorCounts: counts.isEmpty ? [16, 64] : counts)
print("{" + costs.map { "\"\($0.0)\": \(($0.1 * 1000).rounded() / 1000)" }.joined(separator: ", ") + "}")
