import CyberRisk

/// The x axis of charts over calendar years: a linear scale from the first to the last year (or
/// half a year beyond them, for charts that draw each year as a step) and a tick at every year
/// (every second year beyond twelve years).
///
/// ```swift
/// YearAxis.ticks([2026, 2027, 2028])   // [2026, 2027, 2028]
/// ```
enum YearAxis {
    static func scale(_ years: [Int], area: PlotArea, steps: Bool = false) -> Scale {
        let first = Double(years.first ?? 0), last = Double(years.last ?? 0)
        return last > first && !steps ? Scale(domain: first, last, pixels: area.left + 10, area.right - 10)
                                      : Scale(domain: first - 0.5, last + 0.5, pixels: area.left, area.right)
    }

    /// A yearly series as steps: each value held from half a year before its year to half a
    /// year after, for whole-number metrics whose quantiles jump between years.
    ///
    /// ```swift
    /// YearAxis.steps(x: [2026, 2027], y: [0, 1])   // x: [2025.5, 2026.5, 2026.5, 2027.5], y: [0, 0, 1, 1]
    /// ```
    static func steps(x: [Double], y: [Double]) -> (x: [Double], y: [Double]) {
        (x.flatMap { [$0 - 0.5, $0 + 0.5] }, y.flatMap { [$0, $0] })
    }

    static func ticks(_ years: [Int]) -> [Double] {
        let step = years.count > 12 ? 2 : 1
        return stride(from: 0, to: years.count, by: step).map { Double(years[$0]) }
    }
}
