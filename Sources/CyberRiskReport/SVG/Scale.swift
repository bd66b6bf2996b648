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
    /// The data interval shown, `lower < upper`, both finite within ±10³⁰⁰ (and `≥ 10⁻³⁰⁰` for `.log`).
    let lower: Double
    let upper: Double
    /// The pixel positions of `lower` and `upper`.
    var start: Double
    var end: Double

    /// The largest magnitude a domain reaches: its width stays finite.
    static let limit = 1e300

    /// A scale over `lower…upper`. The domain comes from the files of an output folder, which may
    /// be malformed, so a domain that is not one is repaired rather than refused (the chart of
    /// nonsense still draws, never traps): NaN ends become 0 and `lower + 1`, ends are clamped to
    /// ±``limit`` (log: at least 10⁻³⁰⁰), and an empty or reversed domain is widened upwards
    /// (linear: by `max(1, |lower|)`; log: to `10 × lower`).
    init(kind: Kind = .linear, domain lower: Double, _ upper: Double, pixels start: Double, _ end: Double) {
        let floor = kind == .log ? 1 / Scale.limit : -Scale.limit
        let lo = lower.isNaN ? 0 : Swift.min(Swift.max(lower, floor), Scale.limit)
        var hi = upper.isNaN ? lo + 1 : Swift.min(Swift.max(upper, floor), Scale.limit)
        if !(hi > lo) { hi = kind == .log ? lo * 10 : lo + Swift.max(1, Swift.abs(lo)) }
        self.kind = kind
        self.lower = lo
        self.upper = hi
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
            // Ticks `first + i·step`, counted by `i` (not by `k·step` with a growing `k`, which stops
            // moving once `k` passes 2⁵³); at most 4·count + 4 of them.
            let first = (lower / step).rounded(.up) * step
            var out: [Double] = []
            for i in 0..<(4 * Swift.max(count, 1) + 4) {
                let x = first + Double(i) * step
                guard x <= upper + step * 1e-9 else { break }
                if out.last != x { out.append(abs(x) < step * 1e-9 ? 0 : x) }
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
