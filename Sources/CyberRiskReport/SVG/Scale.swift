import CyberRisk

import Foundation

/// Maps data values to pixels, linearly or logarithmically, and proposes tick values.
///
/// Linear: `px = r₀ + (x − d₀)/(d₁ − d₀)·(r₁ − r₀)`. Log (base 10, positive domain only):
/// the same with `log₁₀ x` for `x`. Pass `r₀ > r₁` for a vertical axis so larger values are
/// drawn higher.
///
/// ```swift
/// let y = Scale.zeroBased(maximum: 0.93, pixels: 300...20)   // domain 0…1
/// y(0.5)        // 160
/// y.ticks()     // [0, 0.2, 0.4, 0.6, 0.8, 1]
/// ```
struct Scale: Sendable, Equatable {
    enum Kind: String, Sendable, Equatable {
        case linear, log
    }

    var kind: Kind
    /// The data interval shown, `lower < upper` (both `> 0` for `.log`).
    var lower: Double
    var upper: Double
    /// The pixel positions of `lower` and `upper`.
    var start: Double
    var end: Double

    init(kind: Kind = .linear, domain lower: Double, _ upper: Double, pixels start: Double, _ end: Double) {
        precondition(upper > lower, "a scale needs lower < upper")
        precondition(kind == .linear || lower > 0, "a log scale needs a positive domain")
        self.kind = kind
        self.lower = lower
        self.upper = upper
        self.start = start
        self.end = end
    }

    /// A linear scale from 0 to `maximum` rounded up to a nice tick (1, 2, 2.5 or 5 × 10ᵏ); for a
    /// maximum of 0 or less (or not finite), 0…1. Risks and losses are drawn on these: zero is
    /// always on the axis.
    static func zeroBased(maximum: Double, pixels: ClosedRange<Double>, reversed: Bool = false,
                                 tickCount: Int = 5) -> Scale {
        let top = maximum.isFinite && maximum > 0 ? niceCeiling(maximum, tickCount: tickCount) : 1
        return reversed ? Scale(domain: 0, top, pixels: pixels.upperBound, pixels.lowerBound)
                        : Scale(domain: 0, top, pixels: pixels.lowerBound, pixels.upperBound)
    }

    /// A log scale covering `minimum…maximum`, widened to whole powers of ten.
    static func decades(minimum: Double, maximum: Double, pixels start: Double, _ end: Double) -> Scale {
        let lo = Foundation.pow(10, (Foundation.log10(minimum)).rounded(.down))
        var hi = Foundation.pow(10, (Foundation.log10(maximum)).rounded(.up))
        if hi <= lo { hi = lo * 10 }
        return Scale(kind: .log, domain: lo, hi, pixels: start, end)
    }

    /// The pixel position of `x` (values outside the domain map outside the pixel range).
    func callAsFunction(_ x: Double) -> Double {
        let f: Double
        switch kind {
        case .linear: f = (x - lower) / (upper - lower)
        case .log: f = (Foundation.log10(x) - Foundation.log10(lower)) / (Foundation.log10(upper) - Foundation.log10(lower))
        }
        return start + f * (end - start)
    }

    /// Whether `x` can be drawn on this scale (finite, and positive on a log scale).
    func canShow(_ x: Double) -> Bool {
        x.isFinite && (kind == .linear || x > 0)
    }

    /// Tick values inside the domain: about `count` nice steps (linear) or the powers of ten
    /// (log; with 2× and 5× when fewer than three decades are shown).
    func ticks(count: Int = 5) -> [Double] {
        switch kind {
        case .linear:
            let step = Scale.niceStep((upper - lower) / Double(Swift.max(count, 1)))
            var out: [Double] = []
            var k = (lower / step).rounded(.up)
            while k * step <= upper + step * 1e-9 {
                out.append(abs(k * step) < step * 1e-9 ? 0 : k * step)
                k += 1
            }
            return out
        case .log:
            let first = Int(Foundation.log10(lower).rounded(.down)), last = Int(Foundation.log10(upper).rounded(.up))
            let multiples: [Double] = last - first < 3 ? [1, 2, 5] : [1]
            var out: [Double] = []
            for e in first...last {
                for m in multiples {
                    let x = m * Foundation.pow(10, Double(e))
                    if x >= lower * (1 - 1e-9) && x <= upper * (1 + 1e-9) { out.append(x) }
                }
            }
            return out
        }
    }

    /// The smallest 1, 2, 2.5 or 5 × 10ᵏ that is `≥ x` (for `x > 0`).
    static func niceStep(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        let magnitude = Foundation.pow(10, Foundation.log10(x).rounded(.down))
        for m in [1.0, 2, 2.5, 5, 10] where m * magnitude >= x * (1 - 1e-12) {
            return m * magnitude
        }
        return 10 * magnitude
    }

    /// `x` rounded up to a multiple of the nice step for `tickCount` ticks.
    static func niceCeiling(_ x: Double, tickCount: Int = 5) -> Double {
        let step = niceStep(x / Double(tickCount))
        return (x / step * (1 - 1e-12)).rounded(.up) * step
    }
}
