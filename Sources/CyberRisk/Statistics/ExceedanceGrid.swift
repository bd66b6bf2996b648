import Foundation

/// The thresholds at which a loss-exceedance curve `P(X > x)` is reported.
///
/// One grid per metric, shared by all years so curves of different years can be compared, and
/// placed by the **quantiles of all years' values pooled** (the merge of the years' sketches), so
/// that the points follow the distribution into its tail instead of crowding where every year
/// exceeds them:
///
/// - continuous metrics: `0`; then the pooled quantiles `Q(1 − pⱼ)` at exceedance probabilities
///   `pⱼ` evenly spaced in log-odds from `0.99` down to `1/n` (`n` the pooled count, so the last
///   ones reach the last year's tail at the run's resolution), each rounded to 3 significant
///   digits; then the largest value seen. Duplicates are dropped, so at most ``size`` values.
/// - whole-number metrics: every whole number `0 … max` when `max < size`; else `0, 1, 2, 3`, the
///   pooled quantiles above rounded to whole numbers, and `max`.
///
/// A metric that is never positive has the one threshold `0`; a metric without values (a shard
/// without trials) has none. The grid is a function of the pooled sketch alone, which merges
/// exactly, so any thread count or shard split gives the same grid.
enum ExceedanceGrid {
    /// Number of thresholds per curve (at most).
    static let size = 40
    /// The first whole numbers always on a count metric's grid: the report's distribution of a
    /// count (`P(X = 0)`, `P(X = 1)`, …) is read from them.
    package static let leadingWholeNumbers = 4

    /// The thresholds for a metric whose values over all years are `pooled`.
    static func thresholds(pooled: QuantileSketch, wholeNumbers: Bool) -> [Double] {
        guard !pooled.isEmpty else { return [] }
        let hi = pooled.max
        guard hi.isFinite, hi > 0 else { return [0] }
        if wholeNumbers {
            let top = hi.rounded(.down)
            if top < Double(size) { return (0...Int(top)).map(Double.init) }
            var out = (0..<leadingWholeNumbers).map(Double.init)
            for u in levels(count: pooled.count, points: size - leadingWholeNumbers - 1) {
                let x = pooled.quantile(u).rounded()
                if x > out.last!, x < top { out.append(x) }
            }
            return out + [top]
        }
        var out: [Double] = [0]
        for u in levels(count: pooled.count, points: size - 2) {
            let x = significant(pooled.quantile(u))
            if x > out.last!, x < hi { out.append(x) }
        }
        return out + [hi]
    }

    /// `k` quantile levels `1 − pⱼ`, with `pⱼ` evenly spaced in log-odds from 0.99 to `1/n`.
    static func levels(count n: UInt64, points k: Int) -> [Double] {
        let lo = logit(0.99), hi = logit(1 / Swift.max(Double(n), 2))
        return (0..<k).map { j in
            let t = k == 1 ? 0 : Double(j) / Double(k - 1)
            return 1 - logistic(lo + (hi - lo) * t)
        }
    }

    static func logit(_ p: Double) -> Double { Foundation.log(p / (1 - p)) }
    static func logistic(_ z: Double) -> Double { 1 / (1 + Foundation.exp(-z)) }

    /// `x` to 3 significant digits (thresholds that read well in a CSV).
    static func significant(_ x: Double) -> Double {
        Double(String(format: "%.3g", x)) ?? x
    }

    /// `P(X > x)` estimated from a sketch; for whole-number metrics `P(X ≥ x + 1)`, evaluated
    /// between the two whole numbers so bucket widths cannot blur it.
    static func probability(above x: Double, in sketch: QuantileSketch, wholeNumbers: Bool) -> Double {
        sketch.fractionAbove(wholeNumbers ? x + 0.5 : x)
    }
}
