import CyberRisk
/// The points of a one-at-a-time tornado analysis (`cyberrisk tornado`) over its inputs — each
/// group of the spec (``SweepGroup``) and each ungrouped parameter: point 0 is the base scenario;
/// point `1 + 2j` sets input `j` alone to the low end of its range (every member of a group to
/// the low end of its own range) and point `2 + 2j` to the high end, every other parameter left
/// as the base has it (a number or a distribution). All points run on the same seed, so the
/// swings differ by the input alone, not by sampling noise (common random numbers).
///
/// A point's values hold, for reports and `points.csv`, the swung input's values and every
/// other parameter's base value (the mean of a distribution); only the swung ones are set.
/// `steps` of a range does not apply (the swing uses its two ends).
///
/// ```swift
/// TornadoDesign.pointCount(parameters: 3)          // 7
/// TornadoDesign.swing(ofPoint: 4)                  // (parameter: 1, high: true): input 1's high end
/// ```
enum TornadoDesign {
    /// `1 + 2k` for `k` inputs.
    static func pointCount(parameters k: Int) -> Int { 1 + 2 * k }

    /// Which input point `index` swings and to which end; `nil` for the base point.
    static func swing(ofPoint index: Int) -> (parameter: Int, high: Bool)? {
        guard index > 0 else { return nil }
        return ((index - 1) / 2, index % 2 == 0)
    }

    /// The point of input `j`'s low (or high) end.
    static func point(parameter j: Int, high: Bool) -> Int { 1 + 2 * j + (high ? 1 : 0) }

    /// The design's rows (see the type's documentation); `base[j]` is parameter `j`'s base value,
    /// `inputs` the inputs' parameters (one input per parameter when empty).
    static func points(parameters: [SweepParameter], base: [Double], inputs: [[Int]] = []) -> [[Double]] {
        let inputs = inputs.isEmpty ? parameters.indices.map { [$0] } : inputs
        // Each parameter's two ends, [lo, hi], both exactly as written.
        let ends = parameters.map { p -> [Double] in
            var two = p
            two.steps = 2
            return two.gridValues()
        }
        var rows = [base]
        for members in inputs {
            for end in 0..<2 {
                var row = base
                for j in members { row[j] = ends[j][end] }
                rows.append(row)
            }
        }
        return rows
    }

    /// The base value of a config node: a number, or the mean of a distribution; NaN when the
    /// node is absent or not a parameter.
    static func baseValue(_ node: ConfigValue?) -> Double {
        node?.parameter?.mean ?? .nan
    }
}
