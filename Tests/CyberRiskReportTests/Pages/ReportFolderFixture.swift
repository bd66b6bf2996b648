import Foundation
@testable import CyberRisk
@testable import CyberRiskReport

/// Writes small synthetic output folders — a forecast's and a sweep's — with known numbers.
enum ReportFolderFixture {
    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cyberrisk-report-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ text: String, _ folder: String, _ name: String) throws {
        try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }

    static func manifest(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// A three-year forecast folder of the baseline scenario: national risk 0.5%, 0.6%, 0.8% (means),
    /// two sectors in sectors.csv, exceedance curves for national risk.
    static func forecast() throws -> String {
        let folder = try temporaryFolder()
        let resolved = try ScenarioCatalog.resolve(path: nil, overrides: ["horizon_years=3", "trials=1000"])
        try write(try manifest(["scenario": "baseline", "seed": 7, "trials": 1000, "trials_run": 1000,
                                "tool_version": "9.9.9", "config": resolved.yaml,
                                "shard": ["index": 0, "count": 1]]), folder, "manifest.json")
        var summary = "scenario,year,metric,trials,mean,sd,se,min,p01,p05,p10,p25,p50,p75,p90,p95,p99,p999,max,es95,es99\n"
        for (t, m) in [0.005, 0.006, 0.008].enumerated() {
            let q = [m * 0.5, m * 0.6, m * 0.8, m * 0.9, m, m * 1.1, m * 1.2, m * 1.4, m * 1.6, m * 1.8]
            let cells = q.map { "\($0)" }.joined(separator: ",")
            summary += "baseline,\(2026 + t),national_risk,1000,\(m),0.001,0.00003,\(m * 0.3),\(cells),\(m * 2),\(m * 1.5),\(m * 1.7)\n"
            summary += "baseline,\(2026 + t),economic_loss_usd_bn,1000,\(100 + 10 * Double(t)),1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1\n"
        }
        try write(summary, folder, "summary.csv")
        var sectors = "scenario,year,sector,mean_inoperability,p95_inoperability,p_disrupted,mean_direct_shock\n"
        for t in 0..<3 {
            sectors += "baseline,\(2026 + t),energy,\(0.01 * Double(t + 1)),0.05,0.1,0.001\n"
            sectors += "baseline,\(2026 + t),dams,\(0.02 * Double(t + 1)),0.06,0.2,0.001\n"
        }
        try write(sectors, folder, "sectors.csv")
        var exceedance = "scenario,year,metric,threshold,probability\n"
        for t in 0..<3 {
            for (x, p) in [(0.0, 1.0), (0.005, 0.5), (0.01, 0.01 * Double(t + 1)), (0.02, 0.0)] {
                exceedance += "baseline,\(2026 + t),national_risk,\(x),\(p)\n"
            }
        }
        try write(exceedance, folder, "exceedance.csv")
        return folder
    }

    /// The forecast folder with `return_periods.csv` and `event_classes.csv`: the 1-in-T
    /// aggregate loss `100 + 10·ln T` (+ 10 per year), the largest event's `5·ln T`, SEs 1 % of the
    /// level; resolved up to T = 200; two classes.
    static func forecastWithTail() throws -> String {
        let folder = try forecast()
        var rp = "scenario,year,metric,return_period,aep,aep_tvar,oep,oep_tvar,aep_se,aep_tvar_se,oep_se,oep_tvar_se,aal,aal_se,resolved\n"
        for t in 0..<3 {
            for metric in ["economic_loss_usd_bn", "national_risk"] {
                for T in ReturnPeriod.standard {
                    let aep = 100 + 10 * log(T) + 10 * Double(t), oep = 5 * log(T)
                    rp += "baseline,\(2026 + t),\(metric),\(T),\(aep),\(aep * 1.2),\(oep),\(oep * 1.3),\(aep / 100),\(aep / 50),"
                        + "\(oep / 100),\(oep / 50),105,0.5,\(T <= 200)\n"
                }
            }
        }
        try write(rp, folder, "return_periods.csv")
        var classes = "scenario,year,event_class,mean_events,p_any,mean_loss_usd_bn,mean_loss_se,aep_share_100,aep_share_200,oep_share_100,oep_share_200\n"
        for t in 0..<3 {
            classes += "baseline,\(2026 + t),grid_attack,0.08,0.077,7,0.1,0.8,0.9,0.85,0.95\n"
            classes += "baseline,\(2026 + t),cloud_it_outage,0.4,0.33,1.2,0.01,0.15,0.1,0.15,0.05\n"
            classes += "baseline,\(2026 + t),none,NaN,NaN,NaN,NaN,0.05,0,NaN,NaN\n"
        }
        try write(classes, folder, "event_classes.csv")
        return folder
    }

    static let rate = "scenario.iot.devices_bn.rate", decline = "scenario.defense.vulnerability_decline"

    /// A 2 × 2 grid sweep (rate 0.1, 0.4 on a log scale × decline 0, 0.08) over two years, with an
    /// unknown extra column and a quoted scenario name. In 2035 the national-risk mean of a point
    /// is `0.01 + rate/10 − decline/10`, its p05 and p95 ±20%.
    static func sweep(design: String = "grid", declareParameters: Bool = true) throws -> String {
        let folder = try temporaryFolder()
        var object: [String: Any] = ["kind": "sweep", "design": design, "seed": 1, "trials": 500,
                                     "tool_version": "9.9.9", "base_scenario": "baseline"]
        if declareParameters {
            object["parameters"] = [["path": rate, "scale": "log"], ["path": decline, "scale": "linear"]]
        }
        try write(try manifest(object), folder, "manifest.json")
        var csv = "point,\(rate),\(decline),scenario,year,metric,trials,mean,sd,se,p05,p50,p95,p99,es95,note\n"
        var points = "point,\(rate),\(decline)\n"
        var k = 0
        for a in [0.1, 0.4] {
            for b in [0.0, 0.08] {
                points += "\(k),\(a),\(b)\n"
                for year in [2034, 2035] {
                    let m = (year == 2035 ? 0.01 : 0.005) + a / 10 - b / 10
                    csv += "\(k),\(a),\(b),\"baseline, swept\",\(year),national_risk,500,\(m),0.001,0.0001,"
                        + "\(m * 0.8),\(m),\(m * 1.2),\(m * 1.3),\(m * 1.25),\"free, text\"\n"
                    csv += "\(k),\(a),\(b),\"baseline, swept\",\(year),economic_loss_usd_bn,500,\(100 + 100 * a),1,1,90,100,110,120,115,x\n"
                }
                k += 1
            }
        }
        try write(csv, folder, "sweep.csv")
        try write(points, folder, "points.csv")
        return folder
    }
}

extension ReportFolderFixture {
    /// A real forecast folder: the embedded scenario `name` with `overrides`, run in-process and
    /// written as `run` writes it.
    static func run(scenario name: String, overrides: [String]) throws -> String {
        let resolved = try ScenarioCatalog.resolve(scenario: name, overrides: overrides)
        let forecast = Forecast(plan: try SimulationPlan(scenario: resolved.scenario))
        let accumulator = try forecast.run(threads: 1)
        let folder = try temporaryFolder()
        try ForecastFolder(scenario: resolved.scenario, accumulator: accumulator, threads: 1, startTime: Date(), endTime: Date())
            .write(to: try OutputDirectory(path: folder))
        return folder
    }
}
