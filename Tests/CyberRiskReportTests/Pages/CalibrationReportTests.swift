import Foundation
import Testing
@testable import CyberRisk
@testable import CyberRiskReport
@testable import CyberRiskSweep

/// The calibration report from a folder written by the library's own tables (a short fit of the
/// IC3 data with a holdout year), read back and drawn.
@Suite struct CalibrationReportTests {
    static func folder() throws -> (String, Calibration) {
        let scenario = try ScenarioCatalog.resolve(scenario: "baseline", overrides: []).scenario
        let data = try IncidentCSV.parse(EmbeddedConfigs.files["data/incidents_ic3.csv"]!, file: "incidents_ic3.csv",
                                         sectorIDs: scenario.sectors.map(\.id))
        let options = Calibration.Options(seed: 3, chains: 2, draws: 200, holdoutYear: 2023)
        let problem = try CalibrationProblem(scenario: scenario, data: data,
                                             prior: CalibrationPrior(reportingRate: scenario.calibration.reportingRate),
                                             holdoutYear: 2023)
        let draws = CalibrationSampler(problem: problem).run(chains: 2, warmup: 200, draws: 200, seed: 3, threads: 2)
        let fit = Calibration(scenario: scenario, data: data, options: options, problem: problem, draws: draws)
        let folder = try ReportFolderFixture.temporaryFolder()
        try ReportFolderFixture.write(CalibrationTables.posterior(fit), folder, "posterior.csv")
        try ReportFolderFixture.write(CalibrationTables.predictiveChecks(fit), folder, "ppc.csv")
        try ReportFolderFixture.write(CalibrationTables.diagnostics(fit), folder, "diagnostics.csv")
        try ReportFolderFixture.write(CalibrationTables.hindcast(fit.hindcast!), folder, "hindcast.csv")
        let manifest = CalibrationManifest(fit: fit, dataFile: "incidents_ic3.csv", dataHash: "0", configSource: "embedded:baseline.yaml",
                                           resolvedConfig: ScenarioEncoder.yaml(scenario), files: [], startTime: Date(), endTime: Date())
        try ReportFolderFixture.write(manifest.json(), folder, "manifest.json")
        return (folder, fit)
    }

    @Test func readsTheFolderBack() throws {
        let (folder, fit) = try Self.folder()
        let r = try CalibrationResults(folder: folder)
        #expect(r.posterior.count == 16 + 4)
        #expect(r.posterior[11].sector == "healthcare_public_health")
        #expect(Swift.abs(r.posterior[11].mean - fit.startRate(sector: 11)!.mean) < 1e-12)
        #expect(r.checks.count == 19 && r.checks.filter(\.fitted).count == 11)
        #expect(r.labels == ["healthcare_public_health", "financial_services", "information_technology", "critical_manufacturing",
                             "government_facilities", "commercial_facilities", "all", "energy+communications+transportation"])
        let h = try #require(r.hindcast)
        #expect(h.year == 2023 && h.rows.count == 4 && h.sectorRows == 3)
        #expect(h.coverage90 == fit.hindcast!.coverage90)
        #expect(ReportDocument.isCalibration(folder: folder) && !ReportDocument.isSweep(folder: folder))
    }

    @Test func drawsObservedCountsAgainstTheirIntervals() throws {
        let (folder, _) = try Self.folder()
        let document = try ReportDocument(folder: folder)
        #expect(document.kind == .calibration)
        let ids = document.charts.map(\.id)
        #expect(ids.first == "ppc-healthcare_public_health" && ids.contains("ppc-all")
                && ids.contains("ppc-energy-communications-transportation"))
        let r = try CalibrationResults(folder: folder)
        let chart = CalibrationReport.checkChart(r, label: "healthcare_public_health")
        let probe = try SVGProbe(chart.standalone)
        // Three years: two fitted (blue) and 2023 predicted only (orange), each with its interval,
        // and three observed dots.
        let groups = try probe.elements("g", "class", "whiskers")
        #expect(groups.count == 3)
        #expect(try SVGProbe.descendants(groups[0], "line").count == 2)
        #expect(try SVGProbe.descendants(groups[1], "line").count == 1)
        #expect(try SVGProbe.descendants(groups[2], "circle").count == 3)
        #expect(try probe.tickLabels("x") == ["2021", "2022", "2023"])
        for section in ["checks", "rates", "hindcast"] { #expect(document.html.contains("<section id=\"\(section)\">")) }
        _ = try SVGProbe(document.html.replacingOccurrences(of: "<!DOCTYPE html>\n", with: ""))   // well-formed
    }
}
