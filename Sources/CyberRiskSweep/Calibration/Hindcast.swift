import CyberRisk
/// The hindcast of a holdout year `Y`: the model fitted on the years before `Y` forecasts every
/// row of `Y`, scored against what was observed — whether the 50% and 90% predictive intervals
/// held it, its PIT, and its CRPS next to that of the **naive forecast**, last year's count: the
/// same row label's count in the latest earlier year, scaled by the ratio of exposures
/// (`y_prev · exposure_Y / exposure_prev`), whose CRPS is `|y − naive|`.
///
/// The summary is over the sector rows (aggregate rows are reported but overlap them): coverage
/// of each interval, and the mean CRPS of model and naive forecast over the rows that have a
/// naive forecast.
public struct Hindcast: Sendable {
    /// One scored row.
    public struct Entry: Sendable, Equatable {
        var check: PredictiveCheck
        /// The naive forecast, `nil` when the row has no earlier year.
        public var naive: Double?

        public var naiveCRPS: Double? { naive.map { Swift.abs(check.row.count - $0) } }
    }

    public let year: Int
    public let entries: [Entry]

    /// Scores `checks` (the predictive checks of the rows of `year`) against the naive forecasts
    /// made from `data`.
    init(year: Int, checks: [PredictiveCheck], data: IncidentData) {
        self.year = year
        entries = checks.map { check in
            let earlier = data.rows.filter { $0.label == check.row.label && $0.year < year }.max { $0.year < $1.year }
            return Entry(check: check, naive: earlier.map { $0.count * check.row.exposure / $0.exposure })
        }
    }

    var sectorEntries: [Entry] { entries.filter { $0.check.row.kind == .sector } }

    /// Scored sector rows.
    public var sectorRows: Int { sectorEntries.count }

    /// Share of sector rows inside their 50% interval.
    public var coverage50: Double { share(sectorEntries.map(\.check.inside50)) }
    /// Share of sector rows inside their 90% interval.
    public var coverage90: Double { share(sectorEntries.map(\.check.inside90)) }

    /// Mean CRPS of the model over the sector rows that have a naive forecast.
    public var meanCRPS: Double { mean(sectorEntries.filter { $0.naive != nil }.map(\.check.crps)) }
    /// Mean CRPS of the naive forecast over the same rows.
    public var meanNaiveCRPS: Double { mean(sectorEntries.compactMap(\.naiveCRPS)) }

    func share(_ flags: [Bool]) -> Double {
        flags.isEmpty ? .nan : Double(flags.filter { $0 }.count) / Double(flags.count)
    }

    func mean(_ xs: [Double]) -> Double {
        xs.isEmpty ? .nan : xs.reduce(0, +) / Double(xs.count)
    }
}
