/// Return-period figures of one series (annual values, one per trial): the `1-in-T` level — the
/// `(1 − 1/T)` quantile — and the tail value at risk beyond it, with batch-means standard errors
/// (``BatchedSketch``), and whether the run resolves them.
///
/// **Resolution rule.** A figure is *resolved* when at least ``minimumBatches`` batches hold
/// values and the smallest of them holds at least ``minimumExceedances`` values per return period
/// (`n_min ≥ 10·T`): each batch then expects ten or more values beyond the level, which a batch
/// estimate and its spread need. With 100,000 trials (3,072–4,096 per batch) that is `T ≤ 307`;
/// 1-in-500 and 1-in-1000 need about 320,000 trials. Unresolved figures are still computed from
/// all trials but marked (`resolved = false`): they are noise, not extrapolation.
struct ReturnPeriod: Sendable, Equatable {
    /// The return periods written, in years (or horizons).
    static let standard: [Double] = [2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000]
    /// Fewest non-empty batches for a resolved figure.
    static let minimumBatches = 10
    /// Values per return period the smallest batch must hold (`n_min ≥ 10·T`).
    static let minimumExceedances = 10.0

    /// `T`.
    var years: Double
    /// The `(1 − 1/T)` quantile of all values.
    var level: Double
    var levelSE: Double
    /// The mean of the largest `⌈n/T⌉` values (TVaR).
    var tailMean: Double
    var tailMeanSE: Double
    /// Whether the run resolves the figure (see the type's documentation).
    var resolved: Bool

    /// The figures of `series` at return period `T`.
    init(_ series: BatchedSketch, returnPeriod t: Double) {
        self.init(series, merged: series.merged, returnPeriod: t)
    }

    /// The figures of `series` at each of `periods`: equal to ``init(_:returnPeriod:)`` at each,
    /// with every sketch (the merged one and each batch) read in one pass
    /// (``QuantileSketch/upperTail(_:)``).
    static func table(_ series: BatchedSketch, periods: [Double] = standard) -> [ReturnPeriod] {
        let fractions = periods.map { 1 / $0 }
        let whole = series.merged.upperTail(fractions)
        let batches = series.batches.filter { $0.count > 0 }.map { (n: Double($0.count), tail: $0.upperTail(fractions)) }
        return periods.indices.map { k in
            ReturnPeriod(years: periods[k], level: whole[k].quantile,
                         levelSE: BatchedSketch.standardError(of: batches.map { ($0.n, $0.tail[k].quantile) }),
                         tailMean: whole[k].tailMean,
                         tailMeanSE: BatchedSketch.standardError(of: batches.map { ($0.n, $0.tail[k].tailMean) }),
                         resolved: isResolved(series, returnPeriod: periods[k]))
        }
    }

    /// The figures as given.
    init(years: Double, level: Double, levelSE: Double, tailMean: Double, tailMeanSE: Double, resolved: Bool) {
        self.years = years
        self.level = level
        self.levelSE = levelSE
        self.tailMean = tailMean
        self.tailMeanSE = tailMeanSE
        self.resolved = resolved
    }

    /// With `all` the merged batches of `series`.
    init(_ series: BatchedSketch, merged all: QuantileSketch, returnPeriod t: Double) {
        years = t
        let q = 1 - 1 / t
        level = all.quantile(q)
        tailMean = all.tailMean(fraction: 1 / t)
        levelSE = series.standardError { $0.quantile(q) }
        tailMeanSE = series.standardError { $0.tailMean(fraction: 1 / t) }
        resolved = ReturnPeriod.isResolved(series, returnPeriod: t)
    }

    /// The resolution rule.
    static func isResolved(_ series: BatchedSketch, returnPeriod t: Double) -> Bool {
        let (batches, smallest) = series.batchSizes
        return batches >= minimumBatches && Double(smallest) >= minimumExceedances * t
    }
}
