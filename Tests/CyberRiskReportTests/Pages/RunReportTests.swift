import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import CyberRisk
@testable import CyberRiskReport

@Suite struct RunReportTests {
    @Test func readsTheFolderAndDecodesTheScenario() throws {
        let r = try RunResults(folder: try ReportFolderFixture.forecast())
        #expect(r.years == [2026, 2027, 2028])
        #expect(r.trials == 1000)
        #expect(r.metrics == ["national_risk", "economic_loss_usd_bn"])
        #expect(r.series["national_risk"]?["mean"] == [0.005, 0.006, 0.008])
        #expect(r.series["national_risk"]?["p25"] == [0.005 * 0.9, 0.006 * 0.9, 0.008 * 0.9])
        #expect(r.sectors.map(\.id) == ["energy", "dams"])
        #expect(r.exceedance["national_risk"]?[2027]?.probabilities == [1, 0.5, 0.02, 0])
        #expect(r.scenario?.horizonYears == 3)
        #expect(r.sectorName("energy") == "Energy")
    }

    @Test func headlineSectorRankingAndContributions() throws {
        let r = try RunResults(folder: try ReportFolderFixture.forecast())
        let report = RunReport(results: r)
        let probe = try SVGProbe(report.html)
        let values = try probe.elements("p", "class", "value").map(\.stringValue!)
        #expect(values == ["0.5% → 0.8%", "US$ 330 bn"])
        let changes = try probe.elements("p", "class", "change").map(\.stringValue!)
        #expect(changes.first == "2026 → 2028: +60%")
        // Dams (6% in 2028) outranks energy (3%); contributions are w·q/Σw over all sectors.
        let ranking = SectorRanking(results: r)
        #expect(ranking.byInoperability.map(\.id) == ["dams", "energy"])
        let total = r.scenario!.sectors.reduce(0) { $0 + $1.criticality }
        let energy = ranking.byContribution.first { $0.id == "energy" }!
        #expect(abs(energy.contribution - 1.0 * 0.03 / total) < 1e-15)
        let dams = ranking.byContribution.first { $0.id == "dams" }!
        #expect(abs(dams.contribution - 0.7 * 0.06 / total) < 1e-15)
        #expect(ranking.byContribution.map(\.id) == ["dams", "energy"])
        // Heatmap rows follow the ranking and use display names.
        let rows = try probe.elements("text", "class", "row-label").map(\.stringValue!)
        #expect(rows == ["Dams", "Energy"])
    }

    /// A folder as the current tool writes it (p995 appended to summary.csv, the manifest's
    /// `economic_loss` basis): the loss card states the basis and a 1-in-200 card appears.
    @Test func lossCardsStateTheBasisAndTheOneInTwoHundredYear() throws {
        let folder = try ReportFolderFixture.forecast()
        var lines = try String(contentsOfFile: folder + "/summary.csv", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        lines[0] += ",p995"
        for k in 1..<lines.count { lines[k] += lines[k].contains("economic_loss") ? ",\(200 + k)" : ",0.02" }
        try ReportFolderFixture.write(lines.joined(separator: "\n") + "\n", folder, "summary.csv")
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))
        var manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let scenario = try ScenarioCatalog.resolve(path: nil, overrides: []).scenario
        manifest["economic_loss"] = EconomicLossBasis(scenario: scenario).json
        try ReportFolderFixture.write(try ReportFolderFixture.manifest(manifest), folder, "manifest.json")

        let probe = try SVGProbe(RunReport(results: try RunResults(folder: folder)).html)
        let values = try probe.elements("p", "class", "value").map(\.stringValue!)
        #expect(values == ["0.5% → 0.8%", "US$ 330 bn", "US$ 202 bn → US$ 206 bn"])
        let notes = try probe.elements("p", "class", "note").map(\.stringValue!)
        #expect(notes.contains { $0.contains("BEA 2023") && $0.contains("held fixed") && $0.contains("17742.8 bn") })
        #expect(try probe.elements("h3").map(\.stringValue!).contains("A 1-in-200 year: economic loss"))
        // Without the column (an older folder) there is no 1-in-200 card.
        let older = try SVGProbe(RunReport(results: try RunResults(folder: try ReportFolderFixture.forecast())).html)
        #expect(try !older.elements("h3").map(\.stringValue!).contains("A 1-in-200 year: economic loss"))
    }

    @Test func theChartsAreTheOnesTheIssueAsksFor() throws {
        let report = RunReport(results: try RunResults(folder: try ReportFolderFixture.forecast()))
        #expect(report.charts.map(\.id) == [
            "fan-national_risk", "fan-economic_loss_usd_bn", "exceedance-national_risk", "sector-heatmap",
            "assumption-iot", "assumption-implants", "assumption-digital",
        ])
        let probe = try SVGProbe(report.html)
        #expect(try probe.elements("svg").count == report.charts.count)
        // The first, middle and last year's curves.
        let exceedance = try probe.element("svg", "id", "exceedance-national_risk")
        let curves = try exceedance.nodes(forXPath: ".//*[local-name()='polyline']").compactMap {
            SVGProbe.attribute($0 as? XMLElement, "data-series")
        }
        #expect(curves == ["2026", "2027", "2028"])
    }

    @Test("the tail section: AEP and OEP curves on a return-period axis stopping at the last resolved row, the table with SEs and dashes, the driving classes")
    func tailSection() throws {
        let report = RunReport(results: try RunResults(folder: try ReportFolderFixture.forecastWithTail()))
        #expect(report.charts.map(\.id).prefix(4) == ["fan-national_risk", "fan-economic_loss_usd_bn",
                                                      "return-periods-economic_loss_usd_bn", "return-periods-national_risk"])
        let probe = try SVGProbe(report.html)
        let chart = try probe.element("svg", "id", "return-periods-economic_loss_usd_bn")
        let series = try chart.nodes(forXPath: ".//*[local-name()='polyline']").compactMap {
            SVGProbe.attribute($0 as? XMLElement, "data-series")
        }
        #expect(series == ["2026 AEP", "2026 OEP", "2028 AEP", "2028 OEP"])
        // 1-in-2 … 1-in-200 are resolved: eight points per curve.
        let points = SVGProbe.attribute(try chart.nodes(forXPath: ".//*[local-name()='polyline']").first as? XMLElement, "points") ?? ""
        #expect(points.split(separator: " ").count == 8)
        #expect(report.html.contains("How bad can a year get?"))
        #expect(report.html.contains("123 ± 1.2"))
        #expect(report.html.contains("grid_attack") && report.html.contains("85%") && report.html.contains("no event"))
        // Without the tail files the section is absent.
        let plain = RunReport(results: try RunResults(folder: try ReportFolderFixture.forecast()))
        #expect(!plain.html.contains("How bad can a year get?"))
    }

    @Test func thePageIsSelfContained() throws {
        let html = RunReport(results: try RunResults(folder: try ReportFolderFixture.forecast())).html
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html"))
        for forbidden in ["<script", "<link", "src=", "@import", "url(http"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        // The only URLs are XML namespace names, which browsers never fetch.
        let urls = html.components(separatedBy: "http").dropFirst().map { String($0.prefix(30)) }
        #expect(urls.allSatisfy { $0.hasPrefix("://www.w3.org/") }, "\(urls)")
    }

    @Test func assumptionCurvesFollowTheLogisticGrowth() throws {
        let s = try ScenarioCatalog.resolve(path: nil, overrides: ["horizon_years=3"]).scenario
        let c = AssumptionChart.curve(s.iot.devices, years: 3)
        #expect(c.mean[0] == s.iot.devices.initial.mean)
        let k = s.iot.devices.ceiling.mean, x0 = s.iot.devices.initial.mean, rate = s.iot.devices.rate.mean
        #expect(abs(c.mean[2] - k / (1 + (k / x0 - 1) * exp(-rate * 2))) < 1e-12)
        #expect(zip(c.lower, c.upper).allSatisfy { $0 <= $1 })
    }

    @Test func missingOrBrokenFilesNameTheFileAndReason() throws {
        let folder = try ReportFolderFixture.forecast()
        try FileManager.default.removeItem(atPath: folder + "/sectors.csv")
        #expect(throws: OutputError(reading: folder + "/sectors.csv", reason: "cannot read (missing or unreadable)")) {
            try RunResults(folder: folder)
        }
        let other = try ReportFolderFixture.forecast()
        try ReportFolderFixture.write("scenario,year,metric,mean\nbaseline,20x6,national_risk,1\n", other, "summary.csv")
        #expect(throws: OutputError(reading: other + "/summary.csv", reason: "line 2: column 'year': expected a number, found '20x6'")) {
            try RunResults(folder: other)
        }
        #expect(throws: OutputError(reading: "/nonexistent-cyberrisk", reason: "not a folder")) {
            try ReportDocument(folder: "/nonexistent-cyberrisk")
        }
    }
}

/// Layouts made for what the run is: a one-year analogue, counts as chances, loss not modelled.
@Suite struct RunReportLayoutTests {
    @Test func aOneYearRunShowsTheYearsDistributionsNotTrends() throws {
        let folder = try ReportFolderFixture.run(scenario: "estonia-2007", overrides: ["trials=2000"])
        let report = RunReport(results: try RunResults(folder: folder))
        #expect(report.charts.map(\.id) == ["exceedance-national_risk", "exceedance-human_risk",
                                            "distribution-sectors_disrupted", "return-periods-national_risk",
                                            "sector-bars", "assumption-digital"])
        let probe = try SVGProbe(report.html)
        let r = report.results
        #expect(try probe.elements("h1").map(\.stringValue!) == ["Cyber risk in one year: estonia-2007"])
        let values = try probe.elements("p", "class", "value").map(\.stringValue!)
        #expect(values == [NumberFormat.percent.string(r.mean("national_risk", year: 0)),
                           NumberFormat.percent.string(r.mean("human_risk", year: 0)), "not modelled"])
        let changes = try probe.elements("p", "class", "change").map(\.stringValue!)
        #expect(changes.count == 2 && changes.allSatisfy { $0.hasPrefix("90% of futures: ") })
        // No "1 years", no "→", no empty fan charts, no loss of US$ 0.
        for phrase in ["1 years", "→", "fan-", "US$ 0 bn", "+0%"] { #expect(!report.html.contains(phrase), "\(phrase)") }
        // The count bars are the run's chances of each count, adding up to 1.
        let bars = try SVGProbe.descendants(try probe.element("svg", "id", "distribution-sectors_disrupted"), "rect")
            .filter { SVGProbe.attribute($0, "class") == "bar" }.map { SVGProbe.number($0, "data-value") }
        #expect(abs(bars.reduce(0, +) - 1) < 1e-9)
        let curve = try #require(r.exceedance["sectors_disrupted"]?[2007])
        #expect(abs(bars[0] - (1 - curve.probabilities[0])) < 1e-12)
    }

    @Test func aTenYearRunDrawsCountsAsChancesPerYear() throws {
        let folder = try ReportFolderFixture.run(scenario: "baseline", overrides: ["trials=1500", "horizon_years=3"])
        let report = RunReport(results: try RunResults(folder: folder))
        #expect(report.charts.prefix(4).map(\.id) == ["fan-national_risk", "fan-human_risk", "fan-economic_loss_usd_bn",
                                                      "distribution-sectors_disrupted"])
        #expect(!report.charts.contains { $0.id == "fan-sectors_disrupted" })
        #expect(report.html.contains("2026 → 2028"))
    }

    @Test func aScenarioWithoutEconomicOutputSaysLossIsNotModelled() throws {
        let folder = try ReportFolderFixture.run(scenario: "georgia-2008", overrides: ["trials=500", "horizon_years=2"])
        let report = RunReport(results: try RunResults(folder: folder))
        #expect(!report.charts.contains { $0.id.contains("economic_loss") })
        #expect(report.html.contains("not modelled") && report.html.contains("Economic loss is not modelled in this scenario"))
    }
}
