import CyberRisk

/// The Saltelli sampling scheme for variance-based sensitivity of a model with `k` inputs:
/// base matrices `A` and `B` (`N` rows each, from the first `N` points of a `2k`-dimensional
/// Sobol' sequence: `A` = coordinates `0 ..< k`, `B` = `k ..< 2k`) and, for each input `i`, the
/// matrix `A_B⁽ⁱ⁾` — `A` with column `i` taken from `B`. The model runs `N·(k + 2)` times.
///
/// Rows are unit coordinates in `[0, 1)^k`; map them to parameter values with
/// ``SweepParameter/value(unit:)``.
///
/// Reference: A. Saltelli et al. (2010), "Variance based sensitivity analysis of model output.
/// Design and estimator for the total sensitivity index", Comput. Phys. Commun. 181, 259–270.
///
/// ```swift
/// let d = SaltelliDesign(inputs: 3, baseRows: 1024)
/// d.a.count          // 1024
/// d.ab[2][5][2] == d.b[5][2] && d.ab[2][5][0] == d.a[5][0]   // true
/// ```
package struct SaltelliDesign: Sendable {
    let inputs: Int
    let baseRows: Int
    let a: [[Double]]
    let b: [[Double]]
    /// `ab[i]` = `A` with column `i` from `B`.
    let ab: [[[Double]]]

    /// Where each model run of a Saltelli sweep sits: the run of point index `p` is row
    /// `p / (k + 2)` of matrix `p % (k + 2)`, with matrix 0 = `A`, 1 = `B`, `2 + i` = `A_B⁽ⁱ⁾`.
    /// Interleaving the matrices row by row keeps every prefix of rows complete, and spreads each
    /// matrix evenly over round-robin shards.
    enum Matrix: Sendable, Equatable {
        case a, b, ab(Int)

        /// The matrix of point `index` in a design with `inputs` inputs.
        init(point index: Int, inputs k: Int) {
            let m = index % (k + 2)
            self = m == 0 ? .a : m == 1 ? .b : .ab(m - 2)
        }
    }

    /// Model runs of the design, `N·(k + 2)`, or `nil` on overflow.
    static func pointCount(inputs k: Int, baseRows n: Int) -> Int? {
        let (count, overflow) = n.multipliedReportingOverflow(by: k + 2)
        return overflow ? nil : count
    }

    /// The smallest power of two `≥ samples` (and `≥ 2`): the base rows the design uses, since
    /// the Sobol' sequence's balance properties hold for powers of two.
    package static func baseRows(forSamples samples: Int) -> Int {
        var n = 2
        while n < samples && n <= Int.max / 2 { n *= 2 }
        return n
    }

    /// Unit coordinates of every model run in point order (``Matrix`` layout):
    /// `A₀, B₀, A_B⁽⁰⁾₀ … A_B⁽ᵏ⁻¹⁾₀, A₁, …`.
    var points: [[Double]] {
        var out: [[Double]] = []
        out.reserveCapacity(baseRows * (inputs + 2))
        for j in 0..<baseRows {
            out.append(a[j])
            out.append(b[j])
            for i in 0..<inputs { out.append(ab[i][j]) }
        }
        return out
    }

    /// - Precondition: `1 ≤ inputs ≤ SobolSequence.maximumDimensions / 2`, `baseRows ≥ 2`.
    init(inputs k: Int, baseRows n: Int, scrambleSeed: UInt64? = nil) {
        precondition(k >= 1 && 2 * k <= SobolSequence.maximumDimensions && n >= 2)
        inputs = k
        baseRows = n
        let sequence = SobolSequence(dimensions: 2 * k, scrambleSeed: scrambleSeed)
        var a: [[Double]] = [], b: [[Double]] = []
        a.reserveCapacity(n)
        b.reserveCapacity(n)
        for j in 0..<n {
            let p = sequence.point(UInt64(j))
            a.append(Array(p[0..<k]))
            b.append(Array(p[k..<(2 * k)]))
        }
        self.a = a
        self.b = b
        ab = (0..<k).map { i in
            (0..<n).map { j in
                var row = a[j]
                row[i] = b[j][i]
                return row
            }
        }
    }
}
