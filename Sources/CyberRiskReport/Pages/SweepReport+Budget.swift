extension SweepReport {
    /// The tail outputs a sensitivity analysis computed (`tail: true`), in the order shown.
    static let tailMetrics = ["economic_loss_usd_bn_aep200", "national_risk_aep200", "economic_loss_usd_bn_aep100",
                              "national_risk_aep100"]

    /// Adds to a sensitivity report the indices of the tail outputs (when the analysis has them)
    /// and the groups of its inputs (when it has groups, from the manifest's `group` of each
    /// parameter); returns the charts added.
    static func appendTailAndGroups(_ s: SensitivityResults, results r: SweepResults, to page: inout HTMLPage) -> [Chart] {
        var charts: [Chart] = []
        let tail = tailMetrics.prefix(2).filter { !s.entries(metric: $0, year: s.year).isEmpty }
        if !tail.isEmpty {
            charts = tail.map { indexChart(s, metric: $0, tail: true) }
            page.body.append(HTMLPage.section("Which assumptions drive the \(s.year) tail", id: "sensitivity-tail",
                intro: "The same indices for the 1-in-200 annual aggregate (AEP) of each point's forecast — the level its "
                    + "year exceeds with probability 0.5%, the aep column of return_periods.csv — instead of its mean. "
                    + "The inner noise of a tail level is larger than a mean's (its standard error comes from batch means); "
                    + "the caption gives its share of the variance.",
                [HTMLPage.grid(charts.map { HTMLPage.figure($0) })]))
        }
        var members: [(group: String, paths: [String])] = []
        for entry in r.manifest.objects("parameters") {
            guard let group = entry["group"] as? String, let path = entry["path"] as? String else { continue }
            if let k = members.firstIndex(where: { $0.group == group }) { members[k].paths.append(path) } else { members.append((group, [path])) }
        }
        let grouped = members.filter { $0.paths.count > 1 || $0.paths.first != $0.group }
        if !grouped.isEmpty {
            page.body.append(HTMLPage.section("Groups", id: "groups",
                intro: "Parameters of a group move together: the design has one column per group, every member at the same "
                    + "position in its own range, so the group has one S1 and one ST.",
                grouped.map { g in
                    HTMLPage.paragraph("\(g.group) (\(g.paths.count) parameter\(g.paths.count == 1 ? "" : "s")): "
                                       + g.paths.joined(separator: ", "))
                }))
        }
        return charts
    }
}
