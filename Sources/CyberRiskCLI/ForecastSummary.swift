import CyberRisk
import Foundation

/// What `run` and `merge` print: an 80-column table of the headline metrics, or JSON.
enum ForecastSummary {
    static let headline: [MetricSet.Core] = [.nationalRisk, .humanRisk, .economicLoss]

    static func text(_ folder: ForecastFolder, out: String, files: [String] = ForecastFolder.fileNames) -> String {
        let (tables, manifest) = (folder.tables, folder.manifest)
        let s = tables.scenario
        var table = TextTable(header: ["year", "national", "p95", "human", "p95", "loss $bn", "p95"])
        for t in 0..<s.horizonYears {
            var row = ["\(s.startYear + t)"]
            for metric in headline {
                let summary = tables.summary(year: t, metric: metric.rawValue)
                row.append(TextTable.format(summary.mean))
                row.append(TextTable.format(summary.quantile(named: "p95") ?? .nan))
            }
            table.append(row)
        }
        let rate = manifest.wallSeconds > 0 ? Double(manifest.trialsRun) / manifest.wallSeconds : 0
        var head = "\(s.name): \(manifest.trialsRun) trials"
        if manifest.shard.count > 1 { head += " (shard \(manifest.shard) of \(s.trials))" }
        head += String(format: ", seed %llu, %.1f s (%.0f trials/s, %d threads)\n",
                       manifest.seed, manifest.wallSeconds, rate, manifest.threads)
        head += "mean and 95th percentile per year; national and human risk are shares in [0, 1]\n\n"
        return head + table.rendered + "\n" + wrote(files, in: out)
    }

    /// `wrote to OUT:` and the file names, wrapped at 80 columns.
    static func wrote(_ files: [String], in out: String) -> String {
        var lines = ["wrote to \(out):"]
        var line = " "
        for (k, name) in files.enumerated() {
            let item = " " + name + (k < files.count - 1 ? "," : "")
            if line.count + item.count > 80 && line.count > 1 {
                lines.append(line)
                line = " "
            }
            line += item
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    static func json(_ folder: ForecastFolder) -> String {
        let (tables, manifest) = (folder.tables, folder.manifest)
        let s = tables.scenario
        var years: [[String: Any]] = []
        for t in 0..<s.horizonYears {
            var entry: [String: Any] = ["year": s.startYear + t]
            for k in 0..<tables.metrics.count {
                let summary = tables.summary(year: t, metric: k)
                entry[tables.metrics.names[k]] = [
                    "mean": finite(summary.mean), "sd": finite(summary.standardDeviation),
                    "p05": finite(summary.quantile(named: "p05") ?? .nan),
                    "p50": finite(summary.quantile(named: "p50") ?? .nan),
                    "p95": finite(summary.quantile(named: "p95") ?? .nan),
                ]
            }
            years.append(entry)
        }
        let object: [String: Any] = [
            "scenario": s.name, "trials": manifest.trialsRun, "seed": NSNumber(value: manifest.seed),
            "shard": "\(manifest.shard)", "wall_seconds": manifest.wallSeconds, "years": years,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// JSON has no NaN: missing values become null.
    static func finite(_ x: Double) -> Any { x.isFinite ? x : NSNull() }
}
