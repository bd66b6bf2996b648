import CyberRisk

import Foundation

/// A parameter-sweep output folder read back for the report: `sweep.csv` (one row per point ×
/// year × metric: `point,<parameter paths…>,scenario,year,metric,trials,mean,…,p05,…,p95,…`) and
/// `manifest.json` (`design`, `parameters` with their `path` and `scale`, `seed`, `trials`, …).
///
/// Only the last year is kept — the sweep report compares points at the horizon. Columns are
/// found by name; unknown extra columns are ignored. The varied parameters are the manifest's
/// `parameters` paths; without them, the columns between `point` and `scenario`.
///
/// ```swift
/// let s = try SweepResults(folder: "sweep-out")
/// s.parameters.map(\.path)     // ["scenario.iot.devices_bn.rate", …]
/// s.points[0].values           // that point's parameter values
/// s.points[0].statistic("national_risk", "mean")
/// ```
struct SweepResults: Sendable {
    package struct Parameter: Sendable, Equatable {
        var path: String
        var scale: Scale.Kind
        /// The domain declared in the spec, from the manifest: `range`, `log_range` or `values`,
        /// and its numbers (`[lo, hi]` or the values); `nil` when the manifest does not say.
        var declared: (kind: String, numbers: [Double])?

        init(path: String, scale: Scale.Kind, declared: (kind: String, numbers: [Double])? = nil) {
            self.path = path
            self.scale = scale
            self.declared = declared
        }

        package static func == (a: Parameter, b: Parameter) -> Bool {
            a.path == b.path && a.scale == b.scale && a.declared?.kind == b.declared?.kind
                && a.declared?.numbers == b.declared?.numbers
        }
    }

    struct Point: Sendable, Equatable {
        var id: String
        /// One value per ``SweepResults/parameters`` entry.
        var values: [Double]
        /// metric → statistic (`mean`, `p05`, `p95`, …) → value in the last year.
        var statistics: [String: [String: Double]]

        func statistic(_ metric: String, _ name: String) -> Double {
            statistics[metric]?[name] ?? .nan
        }
    }

    let folder: String
    let manifest: ManifestInfo
    /// `grid`, `lhs`, `sobol`, or `nil` if the manifest does not say.
    let design: String?
    let parameters: [Parameter]
    /// The last simulated year, the one compared across points.
    let year: Int
    let metrics: [String]
    /// Points in file order.
    let points: [Point]
    /// Trials per point.
    let trials: Int

    init(folder: String) throws {
        self.folder = folder
        manifest = try ManifestInfo(contentsOf: folder + "/manifest.json")
        let csv = try CSVDocument(contentsOf: folder + "/sweep.csv")
        try csv.require(["point", "year", "metric", "mean"])
        design = manifest.string("design")
        var declared: [Parameter] = manifest.objects("parameters").compactMap { p in
            guard let path = p["path"] as? String else { return nil }
            var declared: (kind: String, numbers: [Double])?
            if let domain = p["domain"] as? [String: Any] {
                for kind in ["range", "log_range", "values"] {
                    if let numbers = (domain[kind] as? [NSNumber])?.map(\.doubleValue), !numbers.isEmpty {
                        declared = (kind, numbers)
                    }
                }
            }
            return Parameter(path: path, scale: (p["scale"] as? String) == "log" ? .log : .linear, declared: declared)
        }
        if declared.isEmpty, let first = csv.column("point"), let end = csv.column("scenario"), end > first + 1 {
            declared = csv.header[(first + 1)..<end].map { Parameter(path: $0, scale: .linear) }
        }
        let missing = declared.filter { csv.column($0.path) == nil }.map(\.path)
        guard missing.isEmpty else {
            throw OutputError(reading: csv.path, reason: "no column for the varied parameter"
                              + (missing.count > 1 ? "s " : " ") + missing.map { "'\($0)'" }.joined(separator: ", ")
                              + " named in manifest.json")
        }
        guard !declared.isEmpty else {
            throw OutputError(reading: csv.path, reason: "cannot tell the varied parameters: manifest.json lists no "
                              + "'parameters' and there are no columns between 'point' and 'scenario'")
        }
        parameters = declared
        var lastYear = Int.min
        for row in csv.rows.indices { lastYear = Swift.max(lastYear, try RunResults.year(csv, row: row)) }
        guard lastYear > Int.min else { throw OutputError(reading: csv.path, reason: "no data rows") }
        year = lastYear
        let statistics = csv.header.filter { ["trials", "mean", "sd", "se", "min", "max", "es95", "es99"].contains($0)
            || ($0.hasPrefix("p") && Int($0.dropFirst()) != nil) }
        var order: [String] = []
        var byID: [String: Point] = [:]
        var metrics: [String] = []
        for row in csv.rows.indices where try RunResults.year(csv, row: row) == lastYear {
            let id = try csv.text(row: row, column: "point")
            let metric = try csv.text(row: row, column: "metric")
            if !metrics.contains(metric) { metrics.append(metric) }
            if byID[id] == nil {
                order.append(id)
                byID[id] = Point(id: id, values: try declared.map { try csv.number(row: row, column: $0.path) },
                                 statistics: [:])
            }
            var values: [String: Double] = [:]
            for name in statistics { values[name] = try csv.number(row: row, column: name) }
            byID[id]?.statistics[metric] = values
        }
        self.metrics = metrics
        points = order.compactMap { byID[$0] }
        let lastYearRow = try csv.rows.indices.first { try RunResults.year(csv, row: $0) == lastYear }
        trials = try manifest.integer("trials")
            ?? (csv.column("trials") != nil && lastYearRow != nil ? csv.count(row: lastYearRow!, column: "trials") : 0)
    }

    /// The distinct values of parameter `k`, ascending.
    func levels(of k: Int) -> [Double] {
        Array(Set(points.map { $0.values[k] }.filter(\.isFinite))).sorted()
    }
}
