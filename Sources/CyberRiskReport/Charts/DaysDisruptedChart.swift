import CyberRisk

/// The dynamic cascade's days disrupted (`sectors.csv`'s `mean_days_disrupted` and
/// `p95_days_disrupted`; `cascade.mode: dynamic`, docs/model.md): how long a sector is at or
/// above the failure threshold in a year, across the simulated futures.
///
/// - ``bars(_:year:)``: one row per sector of that year, a bar to the mean days and a tick at the
///   95th percentile (one future in twenty is that long or longer), sorted by the mean;
/// - ``lines(_:sectors:)``: the mean and 95th percentile over the years of the most exposed sectors.
///
/// ```swift
/// DaysDisruptedChart.bars(results, year: 2035)   // nil unless sectors.csv has the columns
/// ```
enum DaysDisruptedChart {
    /// The sectors with days-disrupted columns, most exposed first by the mean in year index `t`.
    static func ranked(_ r: RunResults, at t: Int) -> [RunResults.SectorYears] {
        r.sectors.filter { $0.meanDaysDisrupted.count > t && $0.meanDaysDisrupted[t].isFinite }
            .sorted { ($0.meanDaysDisrupted[t], $1.id) > ($1.meanDaysDisrupted[t], $0.id) }
    }

    static func bars(_ r: RunResults, year: Int) -> Chart? {
        guard let t = r.years.firstIndex(of: year) else { return nil }
        let rows = ranked(r, at: t)
        guard !rows.isEmpty else { return nil }
        let labels = rows.map { r.sectorName($0.id) }
        let rowHeight = 24.0
        let labelWidth = (labels.map { Legend.textWidth($0) }.max() ?? 0) + 16
        let area = PlotArea(width: 640, height: 48 + rowHeight * Double(rows.count) + 84,
                            marginRight: 64, marginBottom: 84, marginLeft: Swift.max(60, labelWidth))
        let top = rows.map { Swift.max($0.meanDaysDisrupted[t], $0.p95DaysDisrupted[t].isFinite ? $0.p95DaysDisrupted[t] : 0) }.max() ?? 0
        let x = Scale.zeroBased(maximum: Swift.max(top, 1), pixels: area.horizontal)
        let axis = Axis(.bottom, scale: x, area: area, title: "days at or above the failure threshold in \(year)", format: .plain)
        var marks: [Markup] = []
        for (k, row) in rows.enumerated() {
            let y = area.top + rowHeight * Double(k)
            let mean = row.meanDaysDisrupted[t], p95 = row.p95DaysDisrupted[t]
            marks.append(Markup.element("text", ["class": "row-label", "x": Markup.number(area.left - 8),
                                                 "y": Markup.number(y + rowHeight / 2 + 4), "text-anchor": "end",
                                                 "fill": Palette.axis], text: labels[k]))
            let end = x(Swift.max(0, mean))
            marks.append(Markup("rect", ["class": "bar", "data-row": row.id, "data-value": CSVTable.format(mean),
                                         "x": Markup.number(area.left), "y": Markup.number(y + 5),
                                         "width": Markup.number(end - area.left), "height": Markup.number(rowHeight - 10),
                                         "fill": Palette.blue, "fill-opacity": "0.8"]))
            var label = NumberFormat.significant(mean, digits: 2)
            if p95.isFinite {
                let px = x(p95)
                marks.append(Markup("line", ["class": "p95", "data-row": row.id, "data-value": CSVTable.format(p95),
                                             "x1": Markup.number(px), "x2": Markup.number(px),
                                             "y1": Markup.number(y + 2), "y2": Markup.number(y + rowHeight - 2),
                                             "stroke": Palette.vermillion, "stroke-width": "3"]))
                label += " (p95 \(NumberFormat.significant(p95, digits: 2)))"
            }
            marks.append(Markup.element("text", ["class": "bar-label", "x": Markup.number(Swift.max(end, p95.isFinite ? x(p95) : end) + 6),
                                                 "y": Markup.number(y + rowHeight / 2 + 4), "font-size": "11",
                                                 "fill": Palette.axis], text: label))
        }
        let legend = Legend(entries: [.band("mean days disrupted", Palette.blue, 0.8),
                                      .line("95th percentile", Palette.vermillion, width: 3)]).markup(x: area.left, y: area.height - 14)
        let content: [Markup] = [axis.grid, Markup("g", ["class": "data"], children: marks), axis.markup, legend]
        return Chart(id: "days-disrupted", title: "How long sectors are disrupted in \(year)",
                     caption: "Days in the year a sector's inoperability is at or above the failure threshold "
                        + "(dynamic cascade): the bar is the mean over the simulated futures, the tick the 95th "
                        + "percentile (one future in twenty is as long or longer).",
                     width: area.width, height: area.height, content: content)
    }

    static func lines(_ r: RunResults, sectors count: Int = 3) -> Chart? {
        guard r.years.count > 1, let last = r.years.indices.last else { return nil }
        let top = Array(ranked(r, at: last).prefix(count))
        guard !top.isEmpty else { return nil }
        let area = PlotArea(width: 400, height: 280, marginBottom: 90)
        let highest = top.flatMap { $0.p95DaysDisrupted + $0.meanDaysDisrupted }.filter(\.isFinite).max() ?? 1
        var xy = XYChart(area: area, x: YearAxis.scale(r.years, area: area),
                         y: .zeroBased(maximum: Swift.max(highest, 1), pixels: area.vertical, reversed: true),
                         xTitle: "year", yTitle: "days disrupted")
        xy.xFormat = .year
        xy.xTicks = YearAxis.ticks(r.years).enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
        let x = r.years.map(Double.init)
        let colors = [Palette.blue, Palette.vermillion, Palette.bluishGreen, Palette.orange, Palette.reddishPurple]
        for (k, sector) in top.enumerated() {
            let color = colors[k % colors.count]
            xy.lines.append(Line(label: sector.id, x: x, y: sector.meanDaysDisrupted, color: color, width: 2.5, dots: true))
            xy.lines.append(Line(label: sector.id + " p95", x: x, y: sector.p95DaysDisrupted, color: color, width: 1.5, dash: "5 4"))
            xy.legend.append(.line(r.sectorName(sector.id), color, width: 2.5))
        }
        xy.legend.append(.line("dashed: 95th percentile", Palette.muted, width: 1.5))
        return xy.chart(id: "days-disrupted-years", title: "Days disrupted of the most exposed sectors",
                        caption: "Mean (solid) and 95th percentile (dashed) days a year at or above the failure "
                            + "threshold, for the \(top.count) sectors with the most in \(r.years[last]).")
    }
}
