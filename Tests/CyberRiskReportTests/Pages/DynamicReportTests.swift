import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import CyberRisk
@testable import CyberRiskReport

/// The dynamic cascade in the reports: days-disrupted charts of a forecast folder whose
/// `sectors.csv` has `mean_days_disrupted` and `p95_days_disrupted`, and the recovery curves of
/// a `stress --dynamic --out` folder.
@Suite struct DynamicReportTests {
    /// The fixture's forecast with the dynamic mode's sector columns: energy 5, 6, 7 mean days
    /// (p95 20, 21, 22), dams 1, 2, 3 (p95 4, 5, 6).
    static func dynamicForecast() throws -> String {
        let folder = try ReportFolderFixture.forecast()
        var sectors = "scenario,year,sector,mean_inoperability,p95_inoperability,p_disrupted,mean_direct_shock,"
            + "mean_days_disrupted,p95_days_disrupted\n"
        for t in 0..<3 {
            sectors += "baseline,\(2026 + t),energy,\(0.01 * Double(t + 1)),0.05,0.1,0.001,\(5 + t),\(20 + t)\n"
            sectors += "baseline,\(2026 + t),dams,\(0.02 * Double(t + 1)),0.06,0.2,0.001,\(1 + t),\(4 + t)\n"
        }
        try ReportFolderFixture.write(sectors, folder, "sectors.csv")
        return folder
    }

    @Test func forecastShowsDaysDisruptedOfTheLastYear() throws {
        let r = try RunResults(folder: try Self.dynamicForecast())
        #expect(r.sectors.first { $0.id == "energy" }?.meanDaysDisrupted == [5, 6, 7])
        #expect(r.sectors.first { $0.id == "dams" }?.p95DaysDisrupted == [4, 5, 6])
        let report = RunReport(results: r)
        #expect(report.charts.contains { $0.id == "days-disrupted" } && report.charts.contains { $0.id == "days-disrupted-years" })
        let chart = try #require(report.charts.first { $0.id == "days-disrupted" })
        let probe = try SVGProbe(chart.standalone)
        // Sorted by the 2028 mean: energy (7) above dams (3); a tick at each p95.
        let bars = try probe.elements("rect", "class", "bar")
        #expect(bars.map { SVGProbe.attribute($0, "data-row") } == ["energy", "dams"])
        #expect(bars.map { SVGProbe.attribute($0, "data-value") } == ["7.0", "3.0"])
        let ticks = try probe.elements("line", "class", "p95")
        #expect(ticks.map { SVGProbe.attribute($0, "data-value") } == ["22.0", "6.0"])
        // A bar's length is its mean on the axis that the p95 tick also uses.
        let energyBar = try #require(bars.first), energyTick = try #require(ticks.first)
        let left = Double(SVGProbe.attribute(energyBar, "x")!)!, width = Double(SVGProbe.attribute(energyBar, "width")!)!
        let tick = Double(SVGProbe.attribute(energyTick, "x1")!)!
        #expect(abs((tick - left) / width - 22.0 / 7.0) < 1e-3)
        #expect(report.html.contains("How long sectors are disrupted in 2028"))
    }

    @Test func staticForecastHasNoDaysCharts() throws {
        let report = RunReport(results: try RunResults(folder: try ReportFolderFixture.forecast()))
        #expect(!report.charts.contains { $0.id.hasPrefix("days-disrupted") })
    }

    static func stressFolder(days: Int = 30) throws -> String {
        let folder = try ReportFolderFixture.temporaryFolder()
        var recovery = "day,sector,inoperability\n"
        for k in 0..<days {
            recovery += "\(k),energy,\(0.5 * pow(0.8, Double(k)))\n\(k),water,\(k == 0 ? 0 : 0.1 * pow(0.9, Double(k - 1)))\n\(k),dams,0\n"
        }
        try ReportFolderFixture.write(recovery, folder, "recovery.csv")
        try ReportFolderFixture.write("sector,direct_shock,inoperability,peak_inoperability,days_disrupted,inoperability_days\n"
                                      + "energy,0.5,0.001,0.5,10,2.5\nwater,0,0.005,0.1,12,1\ndams,0,0,0,0,0\n", folder, "stress.csv")
        return folder
    }

    @Test func stressFolderDrawsTheRecoveryCurves() throws {
        let report = try ReportDocument(folder: try Self.stressFolder())
        #expect(report.kind == .stress && report.charts.map(\.id) == ["recovery-curves"])
        let probe = try SVGProbe(report.charts[0].standalone)
        // Energy (peak 0.5) then water (0.1); dams never moves and is not drawn.
        let lines = try probe.elements("polyline", "class", "line")
        #expect(lines.map { SVGProbe.attribute($0, "data-series") } == ["energy", "water"])
        #expect(lines.allSatisfy { (SVGProbe.attribute($0, "points") ?? "").split(separator: " ").count == 30 })
        #expect(report.html.contains("How long it lasts") && report.html.contains("inoperability-days"))
    }

    @Test func stressFolderWithAGapIsRefusedNamingTheFile() throws {
        let folder = try Self.stressFolder()
        try ReportFolderFixture.write("day,sector,inoperability\n0,energy,0.5\n2,energy,0.4\n", folder, "recovery.csv")
        #expect { try ReportDocument(folder: folder) } throws: { error in
            "\(error)".contains("recovery.csv") && "\(error)".contains("expected day 1, found 2")
        }
    }
}
