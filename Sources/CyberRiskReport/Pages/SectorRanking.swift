import CyberRisk

/// The sectors of a forecast ranked by their last-year mean inoperability and by their
/// contribution to national risk, with the years × sectors heatmap.
///
/// National risk is `Σ w_i q_i / Σ w_i`, linear in the inoperabilities `q_i`, so its mean splits
/// exactly into sector contributions `w_i·E[q_i] / Σ w_i` (the weights `w_i` are the sectors'
/// criticalities, from the scenario); the contributions sum to the mean national risk.
///
/// ```swift
/// let ranking = SectorRanking(results: results)
/// ranking.byContribution.first?.id    // the sector adding most to national risk
/// ```
package struct SectorRanking: Sendable {
    package struct Entry: Sendable, Equatable {
        var id: String
        var name: String
        /// Last-year mean and 95th percentile of inoperability, and `P(q ≥ threshold)`.
        var meanInoperability: Double
        var p95Inoperability: Double
        var probabilityDisrupted: Double
        /// `w_i·E[q_i] / Σ w` in the last year (NaN without the scenario's weights).
        package var contribution: Double
    }

    let results: RunResults
    /// Sorted by last-year mean inoperability, largest first.
    let byInoperability: [Entry]
    /// Sorted by contribution to national risk, largest first (empty without weights).
    package let byContribution: [Entry]

    package init(results r: RunResults) {
        results = r
        let weights = Dictionary(r.scenario?.sectors.map { ($0.id, $0.criticality) } ?? [], uniquingKeysWith: { a, _ in a })
        let total = weights.values.reduce(0, +)
        let entries = r.sectors.map { s -> Entry in
            let q = s.meanInoperability.last ?? .nan
            let w = weights[s.id]
            return Entry(id: s.id, name: r.sectorName(s.id), meanInoperability: q,
                         p95Inoperability: s.p95Inoperability.last ?? .nan,
                         probabilityDisrupted: s.probabilityDisrupted.last ?? .nan,
                         contribution: w.map { total > 0 ? $0 * q / total : .nan } ?? .nan)
        }
        byInoperability = entries.sorted { ($0.meanInoperability, $1.id) > ($1.meanInoperability, $0.id) }
        byContribution = weights.isEmpty ? [] : entries.sorted { ($0.contribution, $1.id) > ($1.contribution, $0.id) }
    }

    /// Years × sectors, colour = mean inoperability; rows in ``byInoperability`` order.
    var heatmap: Chart? {
        guard !byInoperability.isEmpty else { return nil }
        let rowsByID = Dictionary(results.sectors.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let map = Heatmap(rows: byInoperability.map(\.name), columns: results.years.map(String.init),
                          values: byInoperability.map { rowsByID[$0.id]?.meanInoperability ?? [] },
                          format: .percent, columnTitle: "year",
                          valueTitle: "mean inoperability, %")
        return map.chart(id: "sector-heatmap", title: "Mean inoperability by sector and year",
                         caption: "Each cell is the average share of the sector's operation lost in that year "
                             + "(0% = fully working). Brighter = worse; the colour scale starts at zero.")
    }

    /// The two ranking tables.
    var tables: [Markup] {
        let year = results.years.last.map(String.init) ?? ""
        let threshold = results.scenario.map { " (≥ " + NumberFormat.percent.string($0.cascade.failureThreshold) + ")" } ?? ""
        var out = [HTMLPage.table(
            caption: "Ranked by mean inoperability in \(year)",
            header: ["#", "sector", "mean", "95th percentile", "chance disrupted" + threshold],
            rows: byInoperability.enumerated().map { k, e in
                ["\(k + 1)", e.name, NumberFormat.percentFixed.string(e.meanInoperability),
                 NumberFormat.percentFixed.string(e.p95Inoperability), NumberFormat.percentFixed.string(e.probabilityDisrupted)]
            })]
        if !byContribution.isEmpty {
            let national = byContribution.reduce(0) { $0 + $1.contribution }
            out.append(HTMLPage.table(
                caption: "Ranked by contribution to national risk in \(year)",
                header: ["#", "sector", "contribution, % points", "share of national risk"],
                rows: byContribution.enumerated().map { k, e in
                    ["\(k + 1)", e.name, NumberFormat.percentFixed.string(e.contribution),
                     NumberFormat.percentFixed.string(national > 0 ? e.contribution / national : .nan)]
                }))
        }
        return out
    }
}
