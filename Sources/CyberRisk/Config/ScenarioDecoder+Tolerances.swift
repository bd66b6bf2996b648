/// Decoding the `tolerances:` block (see `docs/config.md`): a list of
/// `{name?, metric, statistic | return_period, max}`.
extension ScenarioDecoder {
    /// Largest number of tolerances.
    static let maximumTolerances = 100

    /// The tolerances, or `nil` after recording every problem. `metrics` are the scenario's metric
    /// names (`nil` when the human-security block failed, so names cannot be checked).
    mutating func decodeTolerances(_ node: ConfigValue, _ path: ConfigPath, metrics: [String]?) -> [Tolerance]? {
        guard case .sequence(let elements) = node.content else {
            issues.add(node.origin, path, "expected a list of tolerances ({metric, statistic or return_period, max}), found \(node.kindDescription)")
            return nil
        }
        guard elements.count <= ScenarioDecoder.maximumTolerances else {
            issues.add(node.origin, path, "expected at most \(ScenarioDecoder.maximumTolerances) tolerances, found \(elements.count)")
            return nil
        }
        let before = issues.count
        var tolerances: [Tolerance] = []
        var names: [String: Int] = [:]
        for (i, element) in elements.enumerated() {
            let p = path.appending(index: i)
            guard let r = record(element, p, ConfigSchema.tolerance) else { continue }
            guard let tolerance = decodeTolerance(r, metrics: metrics) else { continue }
            if let first = names[tolerance.name] {
                issues.add((r["name"] ?? element).origin, p.appending("name"),
                           "duplicate tolerance name '\(ConfigValue.abbreviated(tolerance.name))' (also tolerances[\(first)]); give each a distinct name")
                continue
            }
            names[tolerance.name] = i
            tolerances.append(tolerance)
        }
        return issues.count == before ? tolerances : nil
    }

    private mutating func decodeTolerance(_ r: Record, metrics: [String]?) -> Tolerance? {
        let before = issues.count
        let metric = string(r, "metric", nonEmpty: true)
        if let metric, let metrics, !metrics.contains(metric) {
            issues.add(r["metric"]!.origin, r.path.appending("metric"),
                       "unknown metric '\(ConfigValue.abbreviated(metric))'" + ConfigSuggestion.phrase(for: metric, among: metrics)
                       + " (metrics: \(metrics.joined(separator: ", ")))")
        }
        var statistic: SeriesStatistic?
        var returnPeriod: Double?
        switch (r["statistic"], r["return_period"]) {
        case (.some, .some):
            issues.add(r["return_period"]!.origin, r.path.appending("return_period"), "give either statistic or return_period, not both")
        case (.some(let node), nil):
            let valid = SeriesStatistic.names
            if let text = string(node, r.path.appending("statistic"), nonEmpty: true) {
                statistic = SeriesStatistic(name: text)
                if statistic == nil {
                    issues.add(node.origin, r.path.appending("statistic"),
                               "unknown statistic '\(ConfigValue.abbreviated(text))'" + ConfigSuggestion.phrase(for: text, among: valid)
                               + " (valid: \(valid.joined(separator: ", ")))")
                }
            }
        case (nil, .some(let node)):
            let at = r.path.appending("return_period")
            if let t = number(node, at) {
                if t > 1 && t <= 1e9 {
                    returnPeriod = t
                    statistic = SeriesStatistic(returnPeriod: t)
                } else {
                    issues.add(node.origin, at, "must be a number of years in (1, 1e9], found \(ScenarioEncoder.format(t))")
                }
            }
        case (nil, nil):
            issues.add(r.node.origin, r.path.appending("statistic"),
                       "missing: give statistic (\(SeriesStatistic.names.joined(separator: ", "))) or return_period (years)")
        }
        let max = number(r, "max", .unbounded)
        var name: String?
        if let node = r["name"], !node.isNull {
            name = string(node, r.path.appending("name"), nonEmpty: true)
        }
        guard issues.count == before, let metric, let statistic, let max else { return nil }
        return Tolerance(name: name ?? Tolerance.defaultName(metric: metric, statistic: statistic, returnPeriod: returnPeriod),
                         metric: metric, statistic: statistic, returnPeriod: returnPeriod, max: max)
    }
}
