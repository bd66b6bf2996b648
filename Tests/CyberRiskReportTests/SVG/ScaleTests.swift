import Testing
@testable import CyberRisk
@testable import CyberRiskReport

/// Equal lengths and equal values up to rounding (1e-12 relative).
func close(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) }
}

@Suite struct ScaleTests {
    @Test func linearMapsDomainEndsToPixelEnds() {
        let s = Scale(domain: 0, 10, pixels: 100, 300)
        #expect(s(0) == 100)
        #expect(s(10) == 300)
        #expect(s(2.5) == 150)
        // A vertical scale runs upwards.
        let y = Scale(domain: 0, 1, pixels: 290, 48)
        #expect(y(0.5) == 169)
    }

    @Test func zeroBasedAlwaysStartsAtZeroAndRoundsUpNicely() {
        let s = Scale.zeroBased(maximum: 0.93, pixels: 0...100)
        #expect(s.lower == 0)
        #expect(s.upper == 1)
        #expect(close(s.ticks(), [0, 0.2, 0.4, 0.6, 0.8, 1]))
        #expect(Scale.zeroBased(maximum: 206, pixels: 0...1).upper == 250)
        #expect(Scale.zeroBased(maximum: 0.0167, pixels: 0...1).upper == 0.02)
        // Nothing to show: 0…1 rather than a degenerate axis.
        #expect(Scale.zeroBased(maximum: 0, pixels: 0...1).upper == 1)
        #expect(Scale.zeroBased(maximum: .nan, pixels: 0...1).upper == 1)
    }

    @Test func niceStepsAreOneTwoTwoAndAHalfOrFive() {
        #expect(Scale.niceStep(0.16) == 0.2)
        #expect(Scale.niceStep(0.21) == 0.25)
        #expect(Scale.niceStep(3) == 5)
        #expect(Scale.niceStep(7) == 10)
        #expect(Scale.niceStep(1) == 1)
    }

    @Test func logMapsDecadesEvenly() {
        let s = Scale.decades(minimum: 0.0004, maximum: 1, pixels: 400, 100)
        #expect(s.lower == 0.0001 && s.upper == 1)
        #expect(abs(s(0.01) - 250) < 1e-9)
        #expect(abs(s(0.001) - 325) < 1e-9)
        #expect(close(s.ticks(), [0.0001, 0.001, 0.01, 0.1, 1]))
        #expect(!s.canShow(0))
        #expect(s.canShow(1e-9))
    }

    @Test func shortLogRangesGetTwoAndFiveTicks() {
        let s = Scale(kind: .log, domain: 0.08, 0.5, pixels: 0, 100)
        #expect(close(s.ticks(), [0.1, 0.2, 0.5]))
    }
}

extension ScaleTests {
    /// A domain read from a malformed folder is repaired, never trapped on, and its ticks are
    /// few and finite (a tick loop counted by `k·step` would never end near 10¹⁷).
    @Test func domainsThatAreNotOneAreRepaired() {
        for (lo, hi) in [(Double.nan, 1), (0, .nan), (1, 1), (2, 1), (-.infinity, .infinity), (-1e308, 1e308),
                         (1e17, 1e17 + 10)] {
            let s = Scale(domain: lo, hi, pixels: 0, 100)
            #expect(s.lower.isFinite && s.upper.isFinite && s.upper > s.lower, "\(lo)…\(hi)")
            let ticks = s.ticks()
            #expect(!ticks.isEmpty && ticks.count <= 24 && ticks.allSatisfy { $0.isFinite }, "\(lo)…\(hi): \(ticks)")
        }
        #expect(Scale(domain: 1, 1, pixels: 0, 1).upper == 2)
        let log = Scale(kind: .log, domain: 0, -5, pixels: 0, 100)
        #expect(log.lower > 0 && log.upper > log.lower && !log.ticks().isEmpty)
        let wide = Scale.decades(minimum: 0, maximum: .infinity, pixels: 0, 1).ticks()
        #expect(!wide.isEmpty && wide.allSatisfy { $0.isFinite })
    }
}
