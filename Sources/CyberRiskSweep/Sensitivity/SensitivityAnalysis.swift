import CyberRisk

import Synchronization

/// Sobol' indices of every (year, metric) of a finished Saltelli sweep: which of the varied
/// parameters the forecast's mean depends on, alone (`S1`) and with its interactions (`ST`).
///
/// The model output of a point is its forecast's **mean** of the metric in that year, over the
/// point's `T` trials. That mean carries inner Monte-Carlo noise of variance `σ²/T` (`σ²` the
/// metric's variance across trials), estimated per (year, metric) as the average `se²` of the
/// `A` and `B` points (``Series/noiseVariance``). Because each point has its own seed, the noise
/// is independent between points and biases the indices predictably: with `V` the variance of
/// the outputs (noise included) and `η = noise/V` (``Series/noiseShare``),
///
///     E[Ŝ1ᵢ] ≈ S1ᵢ · (1 − η),      E[ŜTᵢ] ≈ STᵢ · (1 − η) + η,
///
/// so an inert parameter shows `ST ≈ η`, and every `S1` is shrunk by the factor `1 − η`. Raising
/// `T` lowers `η`; raising the base rows `N` narrows the intervals.
///
/// ```swift
/// let contents = try SweepJournal.read(bytes)              // a `sensitivity` run's journal
/// let analysis = try SensitivityAnalysis(header: contents.header, records: contents.records)
/// analysis.csv                                              // sensitivity.csv
/// analysis.ranked(metric: "national_risk").first?.parameter // the most influential parameter
/// ```
public struct SensitivityAnalysis: Sendable {
    /// The indices of one (year, metric).
    public struct Series: Sendable {
        public var year: Int
        public var metric: String
        /// One estimate per parameter, in spec order.
        public var indices: SobolIndices
        /// Variance of the `A` and `B` outputs (`n − 1`), noise included.
        public var variance: Double
        /// Mean `se²` of the `A` and `B` points: the inner Monte-Carlo noise in each output.
        public var noiseVariance: Double

        /// `noiseVariance / variance`: how much of the output variance is inner noise (the `ST`
        /// an inert parameter shows). `NaN` when the output does not vary.
        public var noiseShare: Double { noiseVariance / variance }
    }

    /// One parameter's indices in one (year, metric), for ranking.
    public struct Entry: Sendable, Equatable {
        public var parameter: String
        public var firstOrder: SobolIndices.Estimate
        public var total: SobolIndices.Estimate
    }

    /// Bootstrap resamples behind each interval.
    public static let resamples = 1000

    /// The inputs of the analysis, in design order: each group's name (``SweepGroup``) and each
    /// ungrouped parameter's path — the `parameter` column of `sensitivity.csv`.
    public let parameters: [String]
    /// The parameter paths behind each input (one for an ungrouped parameter).
    public let members: [[String]]
    /// Base rows `N` of the design.
    public let baseRows: Int
    public let years: [Int]
    public let metrics: [String]
    /// Year-major, metrics in scenario order: `series[t * metrics.count + k]`.
    public let series: [Series]

    /// Estimates the indices from a complete Saltelli sweep (design `saltelli`, every point
    /// recorded), with bootstrap intervals seeded by the sweep seed, in parallel over the
    /// (year, metric) series. The result does not depend on `threads`.
    ///
    /// - Throws: ``SweepJournalError`` if the sweep is not a Saltelli design or is incomplete.
    public init(header: SweepJournal.Header, records: [SweepRecord], resamples: Int = SensitivityAnalysis.resamples,
                threads: Int = 1) throws(SweepJournalError) {
        let k = header.factorNames.count
        guard header.design == SweepDesign.saltelli.rawValue else {
            throw SweepJournalError("not a sensitivity analysis: the sweep's design is \(header.design), not saltelli")
        }
        guard k >= 2, header.totalPoints % (k + 2) == 0, header.totalPoints >= 2 * (k + 2) else {
            throw SweepJournalError("a Saltelli design of \(k) \(header.isGrouped ? "inputs" : "parameters") cannot have \(header.totalPoints) points")
        }
        let sorted = records.sorted { $0.point.index < $1.point.index }
        guard sorted.count == header.totalPoints, sorted.enumerated().allSatisfy({ $0.offset == $0.element.point.index }) else {
            throw SweepJournalError("incomplete: \(records.count) of \(header.totalPoints) points recorded", unfinished: true)
        }
        let first = sorted[0]
        guard sorted.allSatisfy({ $0.years == first.years && $0.metrics == first.metrics }) else {
            throw SweepJournalError("the points do not share the same years and metrics")
        }
        let n = header.totalPoints / (k + 2)
        parameters = header.factorNames
        members = header.factorNames.indices.map { f in
            zip(header.parameterPaths, header.factorOfParameter).filter { $0.1 == f }.map(\.0)
        }
        baseRows = n
        years = first.years
        metrics = first.metrics
        let seriesCount = years.count * metrics.count
        let years = years, metrics = metrics, seed = header.seed
        let results = Mutex<[Series?]>(Array(repeating: nil, count: seriesCount))
        WorkerPool(threads: threads).forEach(units: seriesCount) { s in
            func outputs(_ matrix: Int) -> [Double] {
                (0..<n).map { sorted[$0 * (k + 2) + matrix].rows[s].mean }
            }
            func noise(_ matrix: Int) -> Double {
                (0..<n).reduce(0.0) { let se = sorted[$1 * (k + 2) + matrix].rows[s].se; return $0 + se * se }
            }
            let fA = outputs(0), fB = outputs(1)
            let indices = SobolIndices(fA: fA, fB: fB, fAB: (0..<k).map { outputs(2 + $0) },
                                       resamples: resamples, seed: seed, site: UInt64(s))
            let one = Series(year: years[s / metrics.count], metric: metrics[s % metrics.count],
                             indices: indices, variance: SensitivityAnalysis.variance(fA + fB),
                             noiseVariance: (noise(0) + noise(1)) / Double(2 * n))
            results.withLock { $0[s] = one }
        }
        series = results.withLock { $0.map { $0! } }
    }

    /// Sample variance (`n − 1`) of `values`.
    static func variance(_ values: [Double]) -> Double {
        let mean = values.reduce(0, +) / Double(values.count)
        return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
    }

    /// The series of `metric` in `year` (default: the last year), if present.
    public func series(metric: String, year: Int? = nil) -> Series? {
        guard let k = metrics.firstIndex(of: metric), let year = year ?? years.last,
              let t = years.firstIndex(of: year) else { return nil }
        return series[t * metrics.count + k]
    }

    /// The parameters of `metric` in `year` (default: the last year), most influential first: by
    /// `ST`, then `S1`, then spec order (undefined indices last).
    public func ranked(metric: String, year: Int? = nil) -> [Entry] {
        guard let s = series(metric: metric, year: year) else { return [] }
        return SensitivityRanking.order(firstOrder: s.indices.firstOrder.map(\.value), total: s.indices.total.map(\.value))
            .map { Entry(parameter: parameters[$0], firstOrder: s.indices.firstOrder[$0], total: s.indices.total[$0]) }
    }

    /// `sensitivity.csv`: `year,metric,parameter,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi`, one row per
    /// (year, metric, parameter) — years, then metrics in scenario order, then parameters in spec
    /// order. Indices of an output that does not vary are `NaN`.
    public var csv: String {
        var table = CSVTable(header: ["year", "metric", "parameter", "S1", "S1_lo", "S1_hi", "ST", "ST_lo", "ST_hi"])
        for s in series {
            for (i, p) in parameters.enumerated() {
                let (f, t) = (s.indices.firstOrder[i], s.indices.total[i])
                table.append([.integer(Int64(s.year)), .text(s.metric), .text(p)]
                             + [f.value, f.low, f.high, t.value, t.low, t.high].map { .number($0) })
            }
        }
        return table.text
    }

    /// `sensitivity_noise.csv`: `year,metric,variance,noise_variance,noise_share`, one row per
    /// (year, metric) in the order of `sensitivity.csv` — how far each series' indices can be
    /// trusted. A noise share near 1 (e.g. the first year, before any varied parameter has acted)
    /// means the indices of that series are inner Monte-Carlo noise.
    public var noiseCSV: String {
        var table = CSVTable(header: ["year", "metric", "variance", "noise_variance", "noise_share"])
        for s in series {
            table.append([.integer(Int64(s.year)), .text(s.metric), .number(s.variance), .number(s.noiseVariance),
                          .number(s.noiseShare)])
        }
        return table.text
    }
}
