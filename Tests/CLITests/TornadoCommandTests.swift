import Foundation
import Testing

/// `cyberrisk tornado` end to end: common random numbers, shards, reports beside a sensitivity analysis.
@Suite struct TornadoCommandTests {
    static func spec(in dir: URL, seed: Int = 31) throws -> String {
        let path = dir.appendingPathComponent("spec.yaml").path
        try """
            base: \(CLIRunner.packageRoot.appendingPathComponent("configs/baseline.yaml").path)
            trials: 1024
            seed: \(seed)
            set: ["horizon_years=2"]
            parameters:
              scenario.defense.vulnerability_decline: {range: [0, 0.08]}
              scenario.iot.devices_bn.rate: {range: [0.1, 0.3]}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Every point runs on the spec's seed: the base point's means are those of `run --seed`.
    @Test func swingsRunOnOneSeedAndShardsMerge() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let spec = try Self.spec(in: dir)
        let whole = dir.appendingPathComponent("whole")
        let r = try CLIRunner.run(["tornado", spec, "--out", whole.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("seed 31 for every point"))
        let points = try CLIRunner.read(whole.appendingPathComponent("points.csv")).split(separator: "\n")
        #expect(points.count == 1 + 5 && points.dropFirst().allSatisfy { $0.hasSuffix(",31") })
        let tornado = try CLIRunner.read(whole.appendingPathComponent("tornado.csv")).split(separator: "\n")
        #expect(tornado[0] == "parameter,low,base,high,year,metric,value_low,value_base,value_high,swing")
        let run = dir.appendingPathComponent("run")
        #expect(try CLIRunner.run(["run", "--seed", "31", "--trials", "1024", "--set", "horizon_years=2", "--quiet",
                                   "--out", run.path]).status == 0)
        let summary = try CLIRunner.read(run.appendingPathComponent("summary.csv")).split(separator: "\n")
        let sweep = try CLIRunner.read(whole.appendingPathComponent("sweep.csv")).split(separator: "\n")
        for metric in ["national_risk", "economic_loss_usd_bn"] {
            let runMean = summary.first { $0.hasPrefix("baseline,2027,\(metric),") }!.split(separator: ",")[4]
            let basePoint = sweep.first { $0.hasPrefix("0,") && $0.contains(",2027,\(metric),") }!.split(separator: ",")
            #expect(basePoint[basePoint.firstIndex(of: Substring(metric))! + 2] == runMean, "\(metric)")
            let row = tornado.first { $0.hasPrefix("scenario.defense.vulnerability_decline,") && $0.contains(",2027,\(metric),") }!
            #expect(row.split(separator: ",")[7] == runMean)   // value_base
        }
        var shards: [String] = []
        for i in 0..<2 {
            let path = dir.appendingPathComponent("s\(i)").path
            #expect(try CLIRunner.run(["tornado", spec, "--shard", "\(i)/2", "--quiet", "--out", path]).status == 0)
            shards.append(path)
        }
        let merged = dir.appendingPathComponent("merged")
        #expect(try CLIRunner.run(["merge"] + shards + ["--out", merged.path, "--quiet"]).status == 0)
        #expect(try Data(contentsOf: merged.appendingPathComponent("tornado.csv")) == Data(contentsOf: whole.appendingPathComponent("tornado.csv")))
        let report = try CLIRunner.run(["report", whole.path, "--quiet"])
        #expect(report.status == 0, "\(report.stderr)")
        let html = try CLIRunner.read(whole.appendingPathComponent("report.html"))
        #expect(html.contains("id=\"tornado-national_risk\"") && html.contains("id=\"spider-national_risk\""))
        #expect(try CLIRunner.run(["sweep", spec, "--design", "tornado", "--out", dir.appendingPathComponent("x").path]).status == 2)
    }

    /// A sensitivity folder with a `tornado/` folder of the same parameters shows both.
    @Test func sensitivityReportShowsTheTornadoBesideTheIndices() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let spec = try Self.spec(in: dir)
        let sensitivity = dir.appendingPathComponent("sens")
        let s = try CLIRunner.run(["sensitivity", spec, "--samples", "2", "--trials", "256", "--quiet", "--out", sensitivity.path])
        #expect(s.status == 0, "\(s.stderr)")
        #expect(try CLIRunner.run(["tornado", spec, "--trials", "256", "--quiet",
                                   "--out", sensitivity.appendingPathComponent("tornado").path]).status == 0)
        #expect(try CLIRunner.run(["report", sensitivity.path, "--quiet"]).status == 0)
        let html = try CLIRunner.read(sensitivity.appendingPathComponent("report.html"))
        #expect(html.contains("id=\"sensitivity-national_risk\"") && html.contains("id=\"tornado-national_risk\""))
        #expect(!html.contains("The tornado's parameters differ"))
    }
}
