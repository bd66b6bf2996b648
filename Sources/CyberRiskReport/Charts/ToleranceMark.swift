import CyberRisk
import Foundation

/// A risk tolerance as the report draws it, read from `tolerances.csv`: the bound, the statistic
/// it bounds, and the years it is breached.
///
/// On a fan chart it is a horizontal dash-dotted line at `max`; on an exceedance chart a vertical
/// line at `max` and, for a quantile, the point `(max, 1 − q)` that the curve must pass below
/// (`P(X > max) ≤ 1 − q` is the same statement as "the `q` quantile ≤ max").
struct ToleranceMark: Sendable, Equatable {
    var name: String
    var metric: String
    /// `mean`, `p95`, `es95`, …
    var statistic: String
    var max: Double
    var years: [Int]
    var breached: [Bool]
    var values: [Double]

    /// The colour and dash of tolerance marks.
    static let color = Palette.reddishPurple
    static let dash = "9 3 2 3"

    /// The first year in which the statistic exceeds `max`.
    var firstBreach: Int? { zip(years, breached).first { $0.1 }?.0 }

    /// `1 − q` for a quantile statistic (`p95` → 0.05), else `nil`.
    var exceedanceLevel: Double? {
        guard case .quantile(let q)? = statisticValue else { return nil }
        return 1 - q
    }

    /// The statistic as a ``SeriesStatistic`` (return periods are written as their quantile).
    var statisticValue: SeriesStatistic? {
        if let s = SeriesStatistic(name: statistic) { return s }
        if statistic.hasPrefix("q"), let q = Double(statistic.dropFirst()) { return .quantile(q) }
        guard statistic.hasPrefix("p"), let q = Double("0." + statistic.dropFirst()) else { return nil }
        return .quantile(q)
    }

    /// `tolerance: p95 ≤ 1%`.
    func label(_ format: (Double) -> String) -> String {
        "tolerance: \(statistic) ≤ \(format(max))"
    }

    /// Reads `FOLDER/tolerances.csv`; `[]` when there is none.
    static func read(folder: String) throws -> [ToleranceMark] {
        let path = folder + "/tolerances.csv"
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let csv = try CSVDocument(contentsOf: path)
        try csv.require(["year", "tolerance", "metric", "statistic", "max", "value", "breached"])
        var marks: [ToleranceMark] = []
        for row in csv.rows.indices {
            let name = try csv.text(row: row, column: "tolerance")
            if marks.last?.name != name {
                marks.append(ToleranceMark(name: name, metric: try csv.text(row: row, column: "metric"),
                                           statistic: try csv.text(row: row, column: "statistic"),
                                           max: try csv.number(row: row, column: "max"), years: [], breached: [], values: []))
            }
            marks[marks.count - 1].years.append(try RunResults.year(csv, row: row))
            marks[marks.count - 1].breached.append(try csv.text(row: row, column: "breached") == "true")
            marks[marks.count - 1].values.append(try csv.number(row: row, column: "value"))
        }
        return marks
    }

    /// The fan chart's line at `max` across the years `x`.
    func fanLine(x: [Double]) -> Line {
        Line(label: name, x: x, y: x.map { _ in max }, color: ToleranceMark.color, width: 2, dash: ToleranceMark.dash)
    }

    /// The label written on the chart at `(x, y)` (pixels), in the marks' colour.
    func text(_ format: (Double) -> String, x: Double, y: Double) -> Markup {
        Markup.element("text", ["class": "tolerance-label", "x": Markup.number(x), "y": Markup.number(y),
                                "fill": ToleranceMark.color, "font-weight": "600"], text: label(format))
    }

    /// The exceedance chart's marks: the vertical line at `max` and, for a quantile, the point.
    func exceedanceMarks(x: Scale, y: Scale) -> [Markup] {
        guard x.canShow(max) else { return [] }
        let px = Markup.number(x(max))
        var marks = [Markup("line", ["class": "tolerance", "data-tolerance": name, "x1": px, "x2": px,
                                     "y1": Markup.number(y.start), "y2": Markup.number(y.end),
                                     "stroke": ToleranceMark.color, "stroke-width": "2", "stroke-dasharray": ToleranceMark.dash])]
        marks.append(text(MetricLabel(metric: metric).format.string, x: x(max) + 5, y: Swift.min(y.start, y.end) + 14))
        if let level = exceedanceLevel, y.canShow(level) {
            marks.append(Markup("circle", ["class": "tolerance-point", "data-tolerance": name, "cx": px,
                                           "cy": Markup.number(y(level)), "r": "5", "fill": "none",
                                           "stroke": ToleranceMark.color, "stroke-width": "2.5"]))
        }
        return marks
    }
}
