import CyberRisk
import Foundation

/// What `compare` (and `merge` of a comparison) prints: per alternative, the yearly mean
/// differences of the headline metrics with their paired standard errors, in 80 columns; or JSON.
enum ComparisonSummary {
    static func text(tables: ComparisonTables, manifest: ComparisonManifest, seconds: Double) -> String {
        let base = tables.scenarios[0]
        let names = tables.scenarios.dropFirst().map(\.name).joined(separator: ", ")
        var out = "compare: \(base.name) (base) vs \(names)\n\(manifest.trialsRun) trials"
        if manifest.shard.count > 1 { out += " (shard \(manifest.shard))" }
        out += String(format: ", seed %llu, %.1f s; ", manifest.seed, seconds)
        out += "every scenario ran on the same simulated futures\n"
        let headline = ForecastSummary.headline.map(\.rawValue)
        let last = base.horizonYears - 1
        for s in 1..<tables.scenarios.count {
            out += "\n\(tables.scenarios[s].name) − \(base.name): mean difference ± paired standard error\n"
            var table = TextTable(header: ["year", "national", "human", "loss $bn"])
            for t in 0..<base.horizonYears {
                table.append(["\(base.startYear + t)"] + headline.map { k in
                    let r = tables.row(scenario: s, year: t, metric: k, statistic: .mean)
                    return TextTable.format(r.difference, digits: 3) + " ± " + TextTable.format(r.differenceSE, digits: 2)
                })
            }
            out += table.rendered
            let r = tables.row(scenario: s, year: last, metric: MetricSet.Core.nationalRisk.rawValue, statistic: .mean)
            let year = base.startYear + last
            out += "\(year) national_risk: paired se \(TextTable.format(r.differenceSE, digits: 2)), independent runs' "
                + "\(TextTable.format(r.independentSE, digits: 2))" + ratio(r) + "\n"
            let loss = tables.row(scenario: s, year: last, metric: MetricSet.Core.economicLoss.rawValue, statistic: .mean)
            if loss.avoidedPerCost.isFinite {
                let tail = tables.row(scenario: s, year: last, metric: MetricSet.Core.economicLoss.rawValue,
                                      statistic: .quantile(0.99))
                out += "\(year) avoided expected loss per dollar of added cost: \(TextTable.format(loss.avoidedPerCost, digits: 3))"
                    + " ± \(TextTable.format(loss.avoidedPerCostSE, digits: 2))\n"
                    + "\(year) 1-in-100 (p99) loss avoided: US$ \(TextTable.format(-tail.difference, digits: 3)) bn"
                    + " ± \(TextTable.format(tail.differenceSE, digits: 2))\n"
            }
        }
        return out
    }

    /// ` (5.2× smaller)`, or nothing when the ratio is undefined.
    static func ratio(_ r: ComparisonTables.Row) -> String {
        guard r.differenceSE > 0, r.independentSE.isFinite else { return "" }
        return " (\(String(format: "%.3g", r.independentSE / r.differenceSE))× larger)"
    }

    static func json(tables: ComparisonTables, manifest: ComparisonManifest) -> String {
        let base = tables.scenarios[0]
        let f = ForecastSummary.finite
        var comparisons: [[String: Any]] = []
        for s in 1..<tables.scenarios.count {
            var years: [[String: Any]] = []
            for t in 0..<base.horizonYears {
                var entry: [String: Any] = ["year": base.startYear + t]
                for k in 0..<tables.metrics.count {
                    let r = tables.row(scenario: s, year: t, metric: k, statistic: .mean)
                    entry[tables.metrics.names[k]] = [
                        "mean": f(r.value), "difference": f(r.difference), "difference_se": f(r.differenceSE),
                        "independent_se": f(r.independentSE), "prob_worse": f(r.probabilityWorse),
                        "relative_change": f(r.relativeChange),
                    ]
                }
                years.append(entry)
            }
            comparisons.append(["scenario": tables.scenarios[s].name, "years": years])
        }
        let object: [String: Any] = [
            "base": base.name, "trials": manifest.trialsRun, "seed": NSNumber(value: manifest.seed),
            "shard": "\(manifest.shard)", "comparisons": comparisons,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
