import CyberRisk
import Foundation

/// What `run` and `merge` print: an 80-column table of the headline metrics, or JSON.
enum ForecastSummary {
    static let headline: [MetricSet.Core] = [.nationalRisk, .humanRisk, .economicLoss]

    /// `1%`, `0.5%`, `2.34%`.
    static func percent(_ x: Double) -> String { String(format: "%.3g%%", 100 * x) }

    static func text(_ folder: ForecastFolder, out: String, files: [String]? = nil) -> String {
        let (tables, manifest, tolerances) = (folder.tables, folder.manifest, folder.tolerances)
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
        if manifest.mergedFrom.isEmpty {
            head += String(format: ", seed %llu, %.1f s (%.0f trials/s, %d threads)\n",
                           manifest.seed, manifest.wallSeconds, rate, manifest.threads)
        } else {
            let n = manifest.mergedFrom.count
            head += String(format: ", seed %llu, merged from %d shard%@ in %.1f s\n",
                           manifest.seed, n, n == 1 ? "" : "s", manifest.wallSeconds)
        }
        guard manifest.trialsRun > 0 else {
            return head + "this shard holds no trials, so it has no statistics; merge it with the other shards\n\n"
                + wrote(files ?? folder.fileNames, in: out)
        }
        head += "mean and 95th percentile per year; national and human risk are shares in [0, 1]\n\n"
        var tail = ""
        if let p = manifest.precision {
            tail += "precision: \(p.stopReason.rawValue) after \(p.trials) trials; the widest 95% half-width is ±"
                + (p.reached.isFinite ? percent(p.reached) : "∞") + " of its value (target ±\(percent(p.relativeHalfWidth)))"
            if let worst = p.checks.last { tail += ", \(worst.target) in \(worst.year)" }
            tail += "\n"
        }
        if let tolerances, !tolerances.scenario.tolerances.isEmpty {
            tail += "tolerances (breached when the statistic exceeds max):\n" + toleranceLines(tolerances).joined(separator: "\n") + "\n"
        }
        return head + table.rendered + (tail.isEmpty ? "" : "\n" + tail) + "\n"
            + wrote(files ?? folder.fileNames, in: out)
    }

    /// Two lines per tolerance (within 80 columns when names are short): its first breach year
    /// or none, then its value and exceedance probability in the last year.
    static func toleranceLines(_ t: ToleranceTable) -> [String] {
        t.scenario.tolerances.enumerated().flatMap { k, tolerance -> [String] in
            let head = "  \(tolerance.name) ≤ \(TextTable.format(tolerance.max)): "
            guard let last = t.rows[k].last else { return [head + "no years"] }
            let verdict = t.firstBreach(k).map { "breached from \($0)" } ?? "kept \(t.scenario.startYear)–\(last.year)"
            let se = last.standardError.isFinite ? " ± \(TextTable.format(last.standardError, digits: 2))" : ""
            return [head + verdict,
                    "    \(last.year): \(tolerance.statisticLabel) \(TextTable.format(last.value))\(se); "
                        + "P(\(tolerance.metric) > \(TextTable.format(tolerance.max))) "
                        + String(format: "%.3g%%", 100 * last.probabilityOfExceeding)]
        }
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
