@_spi(Engine) import CyberRisk

/// Latin-hypercube samples in `[0, 1)^d` from a seed (McKay, Beckman and Conover 1979).
///
/// Each dimension's `n` samples fall one in each of the `n` equal strata: for dimension `j`,
/// `u_ij = (π_j(i) + U_ij) / n` with `π_j` a uniformly random permutation of `0 … n−1`
/// (Fisher–Yates) and `U_ij` uniform in (0, 1), all drawn from this tool's Philox streams keyed by
/// the seed, so the design is the same on every machine.
///
/// ```swift
/// let u = LatinHypercube.points(samples: 4, dimensions: 2, seed: 7)
/// // each column holds one value in [0, .25), [.25, .5), [.5, .75) and [.75, 1)
/// ```
enum LatinHypercube {
    /// Random stream id of the design draws (distinct from the engine's streams).
    static let stream: UInt64 = 0x1A71_0000

    /// `samples` points (rows) of `dimensions` coordinates.
    static func points(samples n: Int, dimensions d: Int, seed: UInt64) -> [[Double]] {
        precondition(n >= 1 && d >= 0)
        var rows = [[Double]](repeating: [Double](repeating: 0, count: d), count: n)
        for j in 0..<d {
            var random = RandomStream(seed: seed, trial: 0, stream: stream, site: UInt64(j))
            var permutation = Array(0..<n)
            if n > 1 {
                for i in stride(from: n - 1, to: 0, by: -1) {
                    let k = Int(random.next().multipliedFullWidth(by: UInt64(i + 1)).high)
                    permutation.swapAt(i, k)
                }
            }
            for i in 0..<n {
                rows[i][j] = (Double(permutation[i]) + random.uniform()) / Double(n)
            }
        }
        return rows
    }
}
