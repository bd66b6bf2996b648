import CyberRisk
/// The distribution of a whole-number metric (`sectors_disrupted`, `neural_implants_compromised`)
/// as bars of probabilities, read from its exceedance curves:
/// `P(X = k) = P(X > k − 1) − P(X > k)` and `P(X ≥ m) = P(X > m − 1)`.
///
/// Over several years (``chart(metric:years:curves:)``) each year is a stacked bar of the chances
/// of 1, 2, …, and "m or more" — the futures with 0 are the rest up to 100%, so the axis can zoom
/// in on the chance that anything happens (the bar's height, written above it). For one year
/// (``chart(metric:year:curve:)``) one bar per count 0, 1, 2, …, each labelled with its chance.
///
/// Counts need their curve at every whole number they show; ``ExceedanceGrid`` always places
/// `0 … 3` (and every whole number up to the largest seen below 40).
///
/// ```swift
/// CountDistributionChart.chart(metric: "sectors_disrupted", years: r.years,
///                              curves: r.exceedance["sectors_disrupted"]!)
/// ```
enum CountDistributionChart {
    static let width = 600.0, height = 360.0
    /// Most categories shown separately before "m or more".
    static let maximumCategories = 6

    /// `P(X > k)` from a curve: the probability at threshold `k`, 0 above the largest threshold
    /// (nothing exceeds the largest value seen), `nil` when `k` is inside the curve but not on it.
    static func exceeding(_ k: Int, in curve: RunResults.Curve) -> Double? {
        if let i = curve.thresholds.firstIndex(of: Double(k)) { return curve.probabilities[i] }
        if let top = curve.thresholds.last, Double(k) > top { return 0 }
        return nil
    }

    /// The singular and plural noun of a count metric's unit, for legends.
    static func noun(_ metric: String) -> (String, String) {
        switch metric {
        case "sectors_disrupted": ("sector", "sectors")
        case "neural_implants_compromised": ("implant", "implants")
        default: ("", "")
        }
    }

    static func count(_ k: Int, _ metric: String, orMore: Bool = false) -> String {
        let (one, many) = noun(metric)
        let unit = k == 1 && !orMore ? one : many
        return "\(k)\(orMore ? " or more" : "")" + (unit.isEmpty ? "" : " " + unit)
    }

    /// The stacked bars of several years, or `nil` when the curves do not give the probabilities.
    static func chart(metric: String, years: [Int], curves: [Int: RunResults.Curve]) -> Chart? {
        let label = MetricLabel(metric: metric)
        let usable = years.filter { curves[$0] != nil }
        guard !usable.isEmpty else { return nil }
        // m: the first count no year reaches with 1% chance (at least 2, at most the cap and the
        // counts every curve has).
        var m = 2
        while m < maximumCategories,
              usable.allSatisfy({ exceeding(m, in: curves[$0]!) != nil }),
              usable.contains(where: { (exceeding(m - 1, in: curves[$0]!) ?? 0) >= 0.01 }) {
            m += 1
        }
        var stacks: [[Double]] = []   // per year: P(X = 1), …, P(X = m − 1), P(X ≥ m)
        for y in usable {
            let c = curves[y]!
            var row: [Double] = []
            for k in 1..<m {
                row.append(Swift.max(0, (exceeding(k - 1, in: c) ?? .nan) - (exceeding(k, in: c) ?? .nan)))
            }
            row.append(exceeding(m - 1, in: c) ?? .nan)
            guard row.allSatisfy(\.isFinite) else { return nil }
            stacks.append(row)
        }
        let top = stacks.map { $0.reduce(0, +) }.max() ?? 0
        let area = PlotArea(width: width, height: height, marginBottom: 70)
        let x = YearAxis.scale(usable, area: area, steps: true)
        var xy = XYChart(area: area, x: x, y: .zeroBased(maximum: top * 1.12, pixels: area.vertical, reversed: true),
                         xTitle: "year", yTitle: "chance in a year, %")
        xy.xFormat = .year
        xy.xTicks = YearAxis.ticks(usable)
        xy.yFormat = .percent
        let colors = (0..<m).map { ColorMap.viridis(0.85 - 0.7 * Double($0) / Double(Swift.max(1, m - 1))) }
        let barWidth = Swift.min(40, 0.7 * (x(Double(usable[0]) + 1) - x(Double(usable[0]))))
        var marks: [Markup] = []
        for (t, year) in usable.enumerated() {
            var base = 0.0
            let left = x(Double(year)) - barWidth / 2
            for (j, p) in stacks[t].enumerated() where p > 0 {
                let y0 = xy.y(base), y1 = xy.y(base + p)
                marks.append(Markup("rect", ["class": "bar", "data-year": "\(year)", "data-count": "\(j + 1)",
                                             "data-value": CSVTable.format(p), "x": Markup.number(left),
                                             "y": Markup.number(y1), "width": Markup.number(barWidth),
                                             "height": Markup.number(y0 - y1), "fill": colors[j]]))
                base += p
            }
            marks.append(Markup.element("text", ["class": "bar-label", "x": Markup.number(left + barWidth / 2),
                                                 "y": Markup.number(xy.y(base) - 5), "text-anchor": "middle",
                                                 "font-size": "11", "fill": Palette.axis],
                                        text: NumberFormat.percent.string(base)))
        }
        if top <= 0 {
            marks.append(Chart.note("no simulated future had any", x: (area.left + area.right) / 2, y: area.top + 30))
        }
        xy.marks = marks
        xy.legend = (1..<m).map { .band(count($0, metric), colors[$0 - 1], 1) } + [.band(count(m, metric, orMore: true), colors[m - 1], 1)]
        let none = count(0, metric)
        return xy.chart(id: "distribution-\(metric)", title: "\(label.title): chance per year",
                        caption: "Each bar is the chance that the year has at least one (its height, written above it), "
                            + "split by how many; the rest of the futures have \(none). Counts are whole numbers, "
                            + "so they are shown as chances, not as a range.")
    }

    /// One year's bars: the chance of each count `0 … K` (`K` the largest seen, at most 14; a last
    /// bar "15 or more" collects the rest), or `nil` when the curve does not give them.
    static func chart(metric: String, year: Int, curve: RunResults.Curve) -> Chart? {
        let label = MetricLabel(metric: metric)
        let largest = Int(Swift.min(Swift.max(0, curve.thresholds.last ?? 0), 1e9))   // only "more than 14" matters
        let shown = Swift.min(largest, 14)
        func above(_ k: Int) -> Double? { k < 0 ? 1 : exceeding(k, in: curve) }
        var bars: [(label: String, p: Double)] = []
        for k in 0...shown {
            guard let a = above(k - 1), let b = above(k) else { return nil }
            bars.append(("\(k)", Swift.max(0, a - b)))
        }
        if largest > shown {
            guard let rest = above(shown) else { return nil }
            bars.append(("\(shown + 1)+", rest))
        }
        let area = PlotArea(width: width, height: height, marginBottom: 50)
        let x = Scale(domain: -0.5, Double(bars.count) - 0.5, pixels: area.left, area.right)
        var xy = XYChart(area: area, x: x, y: .zeroBased(maximum: (bars.map(\.p).max() ?? 0) * 1.12,
                                                         pixels: area.vertical, reversed: true),
                         xTitle: label.axisTitle.replacingOccurrences(of: " per year", with: "") + " in \(year)",
                         yTitle: "chance, %")
        xy.xTicks = bars.indices.map(Double.init)
        xy.yFormat = .percent
        let barWidth = Swift.min(48, 0.7 * (x(1) - x(0)))
        var marks: [Markup] = []
        for (k, bar) in bars.enumerated() {
            let left = x(Double(k)) - barWidth / 2, y1 = xy.y(bar.p)
            marks.append(Markup("rect", ["class": "bar", "data-count": bar.label, "data-value": CSVTable.format(bar.p),
                                         "x": Markup.number(left), "y": Markup.number(y1), "width": Markup.number(barWidth),
                                         "height": Markup.number(xy.y(0) - y1), "fill": Palette.blue, "fill-opacity": "0.8"]))
            marks.append(Markup.element("text", ["class": "bar-label", "x": Markup.number(left + barWidth / 2),
                                                 "y": Markup.number(y1 - 5), "text-anchor": "middle", "font-size": "11",
                                                 "fill": Palette.axis], text: NumberFormat.percent.string(bar.p)))
        }
        xy.marks = marks
        let rest = bars.last.map { $0.label.hasSuffix("+") ? " The last bar collects \($0.label.dropLast()) and more." : "" } ?? ""
        return xy.chart(id: "distribution-\(metric)", title: "\(label.title) in \(year): chance of each count",
                        caption: "The chance of each count in \(year) over the simulated futures; the bars add up to 100%." + rest)
    }
}
