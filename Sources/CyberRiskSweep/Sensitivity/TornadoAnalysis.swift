import CyberRisk
/// The result of a tornado design (``TornadoDesign``) from its journal's header and records:
/// `tornado.csv`, `parameter,low,base,high,year,metric,value_low,value_base,value_high,swing`.
///
/// One row per input — an ungrouped parameter, or a group of the spec (``SweepGroup``), named
/// in the `parameter` column, whose members swing together. `value_*` are the metric's mean in
/// that year with the input at its low end, as in the base, and at its high end (others at base,
/// all on the same seed); `low`, `base` and `high` are the parameter's two ends and base value
/// (the mean of a distribution) — for a group of several parameters they are NaN (each member
/// has its own; `points.csv` lists them); `swing = value_high − value_low` (its sign says which
/// way the input pushes). Rows are ordered by year and metric (in scenario order), then by
/// `|swing|`, largest first (ties in spec order): the order of the tornado's bars.
public struct TornadoAnalysis: Sendable {
    /// One input's swing of one (year, metric).
    public struct Bar: Sendable, Equatable {
        public var parameter: String
        public var low, base, high: Double
        public var valueLow, valueBase, valueHigh: Double
        public var swing: Double { valueHigh - valueLow }
    }

    public let years: [Int]
    public let metrics: [String]
    /// `bars[t * metrics.count + k]`, sorted for the chart.
    public let bars: [[Bar]]

    /// - Throws: ``SweepJournalError`` when the design is not a tornado or points are missing.
    public init(header: SweepJournal.Header, records: [SweepRecord]) throws(SweepJournalError) {
        guard header.design == SweepDesign.tornado.rawValue else { throw SweepJournalError("not a tornado design") }
        let k = header.factorNames.count, parameterCount = header.parameterPaths.count
        guard header.totalPoints == TornadoDesign.pointCount(parameters: k) else {
            throw SweepJournalError("a tornado of \(k) inputs has \(TornadoDesign.pointCount(parameters: k)) points, the header says \(header.totalPoints)")
        }
        // Each input's parameters; a single one has its own ends and base value.
        let members = (0..<k).map { f in (0..<parameterCount).filter { header.factorOfParameter[$0] == f } }
        var byIndex: [Int: SweepRecord] = [:]
        for r in records { byIndex[r.point.index] = r }
        let missing = (0..<header.totalPoints).filter { byIndex[$0] == nil }
        guard missing.isEmpty, let base = byIndex[0] else {
            throw SweepJournalError("the tornado is incomplete: \(missing.count) of \(header.totalPoints) points missing (first: \(missing.prefix(5).map(String.init).joined(separator: ", ")))")
        }
        for r in records where r.years != base.years || r.metrics != base.metrics || r.point.values.count != parameterCount {
            throw SweepJournalError("point \(r.point.index) has other years, metrics or parameters than the base point")
        }
        years = base.years
        metrics = base.metrics
        let m = metrics.count
        var bars: [[Bar]] = []
        for t in years.indices {
            for metric in 0..<m {
                let series = t * m + metric
                let row = (0..<k).map { j -> Bar in
                    let lo = byIndex[TornadoDesign.point(parameter: j, high: false)]!
                    let hi = byIndex[TornadoDesign.point(parameter: j, high: true)]!
                    let single = members[j].count == 1 ? members[j][0] : nil
                    func value(_ r: SweepRecord) -> Double { single.map { r.point.values[$0] } ?? .nan }
                    return Bar(parameter: header.factorNames[j], low: value(lo), base: value(base), high: value(hi),
                               valueLow: lo.rows[series].mean, valueBase: base.rows[series].mean, valueHigh: hi.rows[series].mean)
                }
                bars.append(TornadoAnalysis.sorted(row))
            }
        }
        self.bars = bars
    }

    /// Largest `|swing|` first; NaN swings last; ties in the given order.
    static func sorted(_ bars: [Bar]) -> [Bar] {
        bars.enumerated().sorted { a, b in
            let x = Swift.abs(a.element.swing), y = Swift.abs(b.element.swing)
            if x.isNaN != y.isNaN { return y.isNaN }
            if x != y && !x.isNaN { return x > y }
            return a.offset < b.offset
        }.map(\.element)
    }

    public var csv: String {
        var table = CSVTable(header: ["parameter", "low", "base", "high", "year", "metric", "value_low", "value_base",
                                      "value_high", "swing"])
        for (t, year) in years.enumerated() {
            for (k, metric) in metrics.enumerated() {
                for b in bars[t * metrics.count + k] {
                    table.append([.text(b.parameter), .number(b.low), .number(b.base), .number(b.high), .integer(Int64(year)),
                                  .text(metric), .number(b.valueLow), .number(b.valueBase), .number(b.valueHigh),
                                  .number(b.swing)])
                }
            }
        }
        return table.text
    }
}
