import CyberRisk
/// The points of a one-at-a-time tornado analysis (`cyberrisk tornado`): point 0 is the base
/// scenario; point `1 + 2j` sets parameter `j` alone to the low end of its range and point
/// `2 + 2j` to the high end, every other parameter left as the base has it (a number or a
/// distribution). All points run on the same seed, so the swings differ by the parameter alone,
/// not by sampling noise (common random numbers).
///
/// A point's values hold, for reports and `points.csv`, the swung parameter's value and every
/// other parameter's base value (the mean of a distribution); only the swung one is set.
/// `steps` of a range does not apply (the swing uses its two ends).
///
/// ```swift
/// TornadoDesign.pointCount(parameters: 3)          // 7
/// TornadoDesign.swing(ofPoint: 4)                  // (parameter: 1, high: true)
/// ```
enum TornadoDesign {
    /// `1 + 2k`.
    static func pointCount(parameters k: Int) -> Int { 1 + 2 * k }

    /// Which parameter point `index` swings and to which end; `nil` for the base point.
    static func swing(ofPoint index: Int) -> (parameter: Int, high: Bool)? {
        guard index > 0 else { return nil }
        return ((index - 1) / 2, index % 2 == 0)
    }

    /// The point of parameter `j`'s low (or high) end.
    static func point(parameter j: Int, high: Bool) -> Int { 1 + 2 * j + (high ? 1 : 0) }

    /// The design's rows (see the type's documentation); `base[j]` is parameter `j`'s base value.
    static func points(parameters: [SweepParameter], base: [Double]) -> [[Double]] {
        var rows = [base]
        for (j, p) in parameters.enumerated() {
            var ends = p
            ends.steps = 2
            for x in ends.gridValues() {   // [lo, hi], both exactly as written
                var row = base
                row[j] = x
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
