import CyberRisk

/// How a sweep places its points in the space of the varied parameters.
///
/// - `grid`: every combination of each parameter's values (the first parameter varies slowest,
///   the last fastest: point `i` ↔ mixed-radix digits of `i`).
/// - `lhs`: `samples` Latin-hypercube points (``LatinHypercube``), seeded by the sweep seed.
/// - `sobol`: the first `samples` points of the Sobol' sequence (``SobolSequence``), scrambled by
///   the sweep seed when `scramble` is set. Its balance properties hold for powers of two.
/// - `saltelli`: the ``SaltelliDesign`` of `samples` base rows — `samples·(k + 2)` points for `k`
///   parameters, laid out as ``SaltelliDesign/Matrix`` describes — from which
///   `cyberrisk sensitivity` estimates Sobol' indices (``SensitivityAnalysis``). Scrambled by the
///   sweep seed when `scramble` is set. With groups (``SweepGroup``) the design has one column per
///   input (group or ungrouped parameter), and each parameter reads its input's column.
/// - `tornado`: the ``TornadoDesign`` — the base point, then each parameter alone at the low and
///   at the high end of its range (`1 + 2k` points), every point on the same seed.
///
/// Unit coordinates `u ∈ [0, 1)` map to values by each parameter's ``SweepParameter/value(unit:)``.
public enum SweepDesign: String, Sendable, CaseIterable, CustomStringConvertible {
    case grid, lhs, sobol, saltelli, tornado

    public var description: String { rawValue }

    /// Points of the design: one row of parameter values per point.
    ///
    /// - Precondition: the spec was validated (``SweepSpec``): grid parameters have values or
    ///   steps, `samples ≥ 1` for lhs/sobol, at most ``SobolSequence/maximumDimensions`` parameters.
    ///   `base` holds each parameter's value in the base scenario (tornado only); `columns` the
    ///   Saltelli column (saltelli) or tornado input (tornado) of each parameter (empty: one per
    ///   parameter).
    static func points(_ design: SweepDesign, parameters: [SweepParameter], samples: Int,
                       seed: UInt64, scramble: Bool, base: [Double] = [], columns: [Int] = []) -> [[Double]] {
        switch design {
        case .grid:
            let axes = parameters.map { $0.gridValues() }
            let count = axes.reduce(1) { $0 * $1.count }
            return (0..<count).map { i in
                var rest = i
                var row = [Double](repeating: 0, count: axes.count)
                for j in stride(from: axes.count - 1, through: 0, by: -1) {
                    row[j] = axes[j][rest % axes[j].count]
                    rest /= axes[j].count
                }
                return row
            }
        case .lhs:
            return LatinHypercube.points(samples: samples, dimensions: parameters.count, seed: seed).map { u in
                zip(parameters, u).map { $0.value(unit: $1) }
            }
        case .sobol:
            let sequence = SobolSequence(dimensions: parameters.count, scrambleSeed: scramble ? seed : nil)
            return (0..<samples).map { i in
                zip(parameters, sequence.point(UInt64(i))).map { $0.value(unit: $1) }
            }
        case .saltelli:
            let columns = columns.isEmpty ? Array(parameters.indices) : columns
            let design = SaltelliDesign(inputs: (columns.max() ?? 0) + 1, baseRows: samples, scrambleSeed: scramble ? seed : nil)
            return design.points.map { u in zip(parameters, columns).map { $0.value(unit: u[$1]) } }
        case .tornado:
            let inputs = columns.isEmpty ? [] : (0...(columns.max() ?? 0)).map { f in columns.indices.filter { columns[$0] == f } }
            return TornadoDesign.points(parameters: parameters, base: base, inputs: inputs)
        }
    }
}
