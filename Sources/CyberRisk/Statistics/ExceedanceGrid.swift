import Foundation

/// The thresholds at which a loss-exceedance curve `P(X > x)` is reported.
///
/// One grid per metric, shared by all years so curves of different years can be compared:
/// for continuous metrics `0` followed by 39 log-spaced points from `10⁻⁴·hi` to `hi` (the
/// largest value seen in any year); for whole-number metrics every whole number `0 … hi` when
/// `hi < 40`, else `0` and 39 distinct log-spaced whole numbers up to `hi`.
enum ExceedanceGrid {
    /// Number of thresholds per curve (at most).
    static let size = 40

    /// The thresholds for a metric whose largest value is `hi`.
    static func thresholds(maximum hi: Double, wholeNumbers: Bool) -> [Double] {
        guard hi.isFinite, hi > 0 else { return [0] }
        if wholeNumbers {
            let top = hi.rounded(.down)
            if top < Double(size) { return (0...Int(top)).map(Double.init) }
            var out: [Double] = [0]
            for k in 0..<(size - 1) {
                let x = (Foundation.pow(top, Double(k) / Double(size - 2))).rounded()
                if x > out.last! { out.append(x) }
            }
            return out
        }
        let lo = hi * 1e-4
        var out: [Double] = [0]
        for k in 0..<(size - 1) {
            out.append(lo * Foundation.pow(hi / lo, Double(k) / Double(size - 2)))
        }
        out[out.count - 1] = hi
        return out
    }

    /// `P(X > x)` estimated from a sketch; for whole-number metrics `P(X ≥ x + 1)`, evaluated
    /// between the two whole numbers so bucket widths cannot blur it.
    static func probability(above x: Double, in sketch: QuantileSketch, wholeNumbers: Bool) -> Double {
        sketch.fractionAbove(wholeNumbers ? x + 0.5 : x)
    }
}
