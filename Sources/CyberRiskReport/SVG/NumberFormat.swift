import CyberRisk

import Foundation

/// How numbers are written on axes, in tables and in the headline.
///
/// ```swift
/// NumberFormat.plain.string(25000)      // "25k"
/// NumberFormat.plain.string(0.0025)     // "0.0025"
/// NumberFormat.percent.string(0.0056)   // "0.56%"   (a share in [0, 1] shown as percent)
/// NumberFormat.percentFixed.string(0.01) // "1.00%"
/// NumberFormat.year.string(2035)        // "2035"
/// ```
package enum NumberFormat: String, Sendable, Equatable {
    /// Up to three significant digits; thousands as `k`, millions as `M`, billions as `bn`.
    case plain
    /// A share in `[0, 1]` written as a percentage with up to three significant digits.
    case percent
    /// A share as a percentage with exactly three significant digits (`1.00%`, `0.978%`), so the
    /// numbers of a table column read alike.
    case percentFixed
    /// A whole number without grouping (calendar years).
    case year

    package func string(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "n/a" : (x > 0 ? "∞" : "−∞") }
        switch self {
        case .plain: return NumberFormat.compact(x)
        case .percent: return NumberFormat.significant(x * 100) + "%"
        case .percentFixed: return NumberFormat.significant(x * 100, trimZeros: false) + "%"
        case .year: return String(format: "%.0f", x.rounded() + 0)   // + 0: no "-0"
        }
    }

    /// `x` with `digits` significant digits in plain decimal notation, trailing zeros removed
    /// unless `trimZeros` is false.
    static func significant(_ x: Double, digits: Int = 3, trimZeros: Bool = true) -> String {
        guard x.isFinite else { return "n/a" }
        if x == 0 { return "0" }
        let magnitude = Int(Foundation.log10(Swift.abs(x)).rounded(.down))
        let decimals = Swift.max(0, digits - 1 - magnitude)
        var s = String(format: "%.\(Swift.min(decimals, 12))f", x)
        if trimZeros && s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }

    /// `significant` with `k`, `M`, `bn` suffixes from 10 000 up.
    static func compact(_ x: Double) -> String {
        let a = Swift.abs(x)
        if a >= 1e9 { return significant(x / 1e9) + "bn" }
        if a >= 1e6 { return significant(x / 1e6) + "M" }
        if a >= 1e4 { return significant(x / 1e3) + "k" }
        return significant(x)
    }
}
