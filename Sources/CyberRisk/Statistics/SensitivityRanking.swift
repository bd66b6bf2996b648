/// The order in which sensitivity indices list their parameters: most influential first — by
/// total index `ST`, then first-order index `S1`, then position — with undefined (`NaN`) indices
/// last. One rule for the sweep target's ranked tables and the report's index bars, which both
/// sit above the core and never import each other.
///
/// ```swift
/// SensitivityRanking.order(firstOrder: [0.1, 0.5, .nan], total: [0.2, 0.6, .nan])   // [1, 0, 2]
/// ```
package enum SensitivityRanking {
    /// Positions `0 ..< total.count`, most influential first.
    package static func order(firstOrder: [Double], total: [Double]) -> [Int] {
        func key(_ x: Double) -> Double { x.isNaN ? -.infinity : x }
        return total.indices.sorted { a, b in
            if key(total[a]) != key(total[b]) { return key(total[a]) > key(total[b]) }
            if key(firstOrder[a]) != key(firstOrder[b]) { return key(firstOrder[a]) > key(firstOrder[b]) }
            return a < b
        }
    }
}
