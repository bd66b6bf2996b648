import Foundation
import Testing

/// `run --precision` end to end: the stop does not depend on threads, meets the target, respects
/// --max-trials and writes what a plain run of as many trials writes.
@Suite struct PrecisionCommandTests {
    static let outputs = ["summary.csv", "sectors.csv", "exceedance.csv"]

    static func manifest(_ url: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url.appendingPathComponent("manifest.json"))) as? [String: Any] ?? [:]
    }

    @Test func precisionStopIsTheSameForAnyThreadCountAndMeetsTheTarget() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let target = 0.02
        for threads in ["1", "2"] {
            let r = try CLIRunner.run(["run", "--precision", "\(target)", "--set", "horizon_years=2", "--threads", threads,
                                       "--progress", "always", "--out", dir.appendingPathComponent("t\(threads)").path])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("precision: precision reached after"))
            #expect(r.stderr.contains("(target ±2%)") || r.stderr.contains("target ±2%"), "the progress bar shows the precision")
        }
        for name in Self.outputs + ["state.bin"] {
            let a = try Data(contentsOf: dir.appendingPathComponent("t1/\(name)"))
            let b = try Data(contentsOf: dir.appendingPathComponent("t2/\(name)"))
            #expect(a == b, "\(name) differs between --threads 1 and 2")
        }
        let precision = try #require(try Self.manifest(dir.appendingPathComponent("t1"))["precision"] as? [String: Any])
        #expect(precision["stop_reason"] as? String == "precision reached")
        let trials = try #require(precision["trials"] as? Int)
        #expect(trials % 8192 == 0)
        #expect((precision["relative_half_width_reached"] as? Double).map { $0 <= target } == true)
        // The achieved half-width, from summary.csv itself.
        let lines = try CLIRunner.read(dir.appendingPathComponent("t1/summary.csv")).split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        let (metric, mean, se, count) = (header.firstIndex(of: "metric")!, header.firstIndex(of: "mean")!,
                                         header.firstIndex(of: "se")!, header.firstIndex(of: "trials")!)
        var checked = 0
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",").map(String.init)
            #expect(Int(cells[count]) == trials)
            guard ["national_risk", "human_risk", "economic_loss_usd_bn"].contains(cells[metric]) else { continue }
            #expect(1.959963984540054 * Double(cells[se])! <= target * Double(cells[mean])!, "\(line)")
            checked += 1
        }
        #expect(checked == 6)
        // What it wrote is what a plain run of that many trials writes.
        let plain = dir.appendingPathComponent("plain")
        #expect(try CLIRunner.run(["run", "--trials", "\(trials)", "--set", "horizon_years=2", "--quiet", "--out", plain.path]).status == 0)
        for name in Self.outputs {
            #expect(try Data(contentsOf: plain.appendingPathComponent(name)) == Data(contentsOf: dir.appendingPathComponent("t1/\(name)")),
                    "\(name) differs from run --trials \(trials)")
        }
    }

    @Test func maxTrialsIsRespected() throws {
        let out = try CLIRunner.temporaryDirectory().appendingPathComponent("o")
        let r = try CLIRunner.run(["run", "--precision", "0.0001", "--precision-metric", "economic_loss_usd_bn:p99",
                                   "--max-trials", "3000", "--set", "horizon_years=1", "--quiet", "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let precision = try #require(try Self.manifest(out)["precision"] as? [String: Any])
        #expect(precision["stop_reason"] as? String == "maximum trials reached")
        #expect(precision["trials"] as? Int == 3000 && precision["statistics"] as? [String] == ["economic_loss_usd_bn:p99"])
        #expect(try CLIRunner.read(out.appendingPathComponent("summary.csv")).contains(",3000,"))
        #expect(try Self.manifest(out)["trials"] as? Int == 3000)
    }

    @Test(arguments: [
        (["--precision", "0"], "--precision: expected a relative half-width R with 0 < R < 1"),
        (["--precision", "1"], "--precision: expected"),
        (["--precision=-0.5"], "--precision: expected"),
        (["--precision", "0.1", "--max-trials", "1000"], "--max-trials: expected 1024…"),
        (["--precision", "0.1", "--trials", "5000"], "--trials: give --max-trials with --precision"),
        (["--precision", "0.1", "--shard", "0/2"], "--shard: a --precision run"),
        (["--precision", "0.1", "--precision-metric", "national_risk:p999"], "too few beyond p999"),
        (["--precision", "0.1", "--precision-metric", "nope"], "--precision-metric: unknown metric 'nope'"),
        (["--max-trials", "5000"], "--max-trials: only with --precision"),
    ])
    func badPrecisionOptionsExitTwo(args: [String], message: String) throws {
        let out = try CLIRunner.temporaryDirectory().appendingPathComponent("o")
        let r = try CLIRunner.run(["run"] + args + ["--out", out.path])
        #expect(r.status == 2, "\(args): \(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("summary.csv").path))
    }
}
