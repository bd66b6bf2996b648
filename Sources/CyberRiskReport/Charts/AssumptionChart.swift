import CyberRisk

import Foundation

/// Small line charts of a scenario's growth assumptions over the forecast years — what drives
/// the numbers: the IoT installed base `D(t)`, neural-implant users `U(t)` and the sectors'
/// digital dependence `d_i(t)` (all logistic ``GrowthCurve``s, `t` in years since the start).
///
/// A curve is drawn at its parameters' expected values; where parameters are uncertain, a band
/// spans the lowest to the highest curve they allow (the logistic grows with each of `x0`, `K`
/// and `r`, so those are the curves at all-lower and all-upper bounds).
///
/// ```swift
/// AssumptionChart.iotDevices(scenario)   // billions of devices by year
/// ```
enum AssumptionChart {
    static let width = 400.0, height = 280.0

    /// `G(t)` at each year index for the parameters' means, lower bounds and upper bounds.
    static func curve(_ g: GrowthCurve, years: Int) -> (mean: [Double], lower: [Double], upper: [Double]) {
        func at(_ pick: (Parameter) -> Double) -> [Double] {
            (0..<years).map { GrowthCurve.value(at: Double($0), initial: pick(g.initial), ceiling: pick(g.ceiling),
                                                rate: pick(g.rate)) }
        }
        return (at(\.mean), at(\.lowerBound), at(\.upperBound))
    }

    static func iotDevices(_ s: Scenario) -> Chart {
        growth(s, s.iot.devices, id: "assumption-iot", title: "IoT devices in use",
               axis: "IoT devices worldwide, billions")
    }

    static func implantUsers(_ s: Scenario) -> Chart {
        growth(s, s.neural.users, id: "assumption-implants", title: "Neural-implant users",
               axis: "people with a neural implant")
    }

    /// One thin line per sector and the criticality-weighted mean in bold.
    static func digitalDependence(_ s: Scenario) -> Chart {
        let years = s.calendarYears
        let area = PlotArea(width: width, height: height, marginBottom: 70)
        var xy = XYChart(area: area, x: YearAxis.scale(years, area: area),
                         y: Scale(domain: 0, 1, pixels: area.bottom, area.top),
                         xTitle: "year", yTitle: "digital dependence of operations, %")
        xy.xFormat = .year
        xy.xTicks = YearAxis.ticks(years).enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
        xy.yFormat = .percent
        let x = years.map(Double.init)
        var weighted = Array(repeating: 0.0, count: years.count)
        let total = s.sectors.reduce(0) { $0 + $1.criticality }
        for sector in s.sectors {
            let d = curve(sector.digital, years: years.count).mean
            xy.lines.append(Line(label: sector.id, x: x, y: d, color: Palette.muted, width: 1))
            for t in d.indices { weighted[t] += sector.criticality * d[t] / (total > 0 ? total : 1) }
        }
        xy.lines.append(Line(label: "weighted mean", x: x, y: weighted, color: Palette.blue, width: 3))
        xy.legend = [.line("each sector", Palette.muted, width: 1), .line("criticality-weighted mean", Palette.blue, width: 3)]
        return xy.chart(id: "assumption-digital", title: "Digital dependence of sectors",
                        caption: "Share of each sector's operations that depends on digital systems (d_i), at the "
                            + "parameters' expected values.")
    }

    static func growth(_ s: Scenario, _ g: GrowthCurve, id: String, title: String, axis: String) -> Chart {
        let years = s.calendarYears
        let c = curve(g, years: years.count)
        let area = PlotArea(width: width, height: height, marginBottom: 70)
        let uncertain = g.initial.isUncertain || g.ceiling.isUncertain || g.rate.isUncertain
        let top = (uncertain ? c.upper : c.mean).filter(\.isFinite).max() ?? 0
        var xy = XYChart(area: area, x: YearAxis.scale(years, area: area),
                         y: .zeroBased(maximum: top, pixels: area.vertical, reversed: true), xTitle: "year", yTitle: axis)
        xy.xFormat = .year
        xy.xTicks = YearAxis.ticks(years).enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
        let x = years.map(Double.init)
        if uncertain {
            xy.bands = [Band(label: "range", x: x, lower: c.lower, upper: c.upper, color: Palette.bluishGreen, opacity: 0.2)]
            xy.legend.append(.band("range of the uncertain inputs", Palette.bluishGreen, 0.2))
        }
        xy.lines = [Line(label: "expected", x: x, y: c.mean, color: Palette.bluishGreen, width: 2.5, dots: true)]
        xy.legend.insert(.line("at expected inputs", Palette.bluishGreen, width: 2.5), at: 0)
        let ends = "from \(NumberFormat.compact(c.mean.first ?? .nan)) in \(years.first ?? 0) to "
            + "\(NumberFormat.compact(c.mean.last ?? .nan)) in \(years.last ?? 0)"
        return xy.chart(id: id, title: title,
                        caption: "Logistic growth assumed by the scenario, \(ends) (ceiling \(NumberFormat.compact(g.ceiling.mean))).")
    }
}
