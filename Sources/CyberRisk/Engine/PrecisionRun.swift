/// A forecast that runs until its answer is precise enough (`run --precision R`): until, in every
/// year, the 95% confidence half-width of each named statistic is at most `R` times its value,
/// or the maximum number of trials is reached.
///
/// The check happens only at fixed block counts — after 8, 16, 32, … blocks of 1024 trials
/// (doubling) and at the maximum — so where the run stops, and therefore every output byte,
/// depends on the results at those points alone, never on the thread count. A run that stopped
/// after `n` trials holds exactly what a plain run of `n` trials holds.
///
/// Half-width `h = z·se` with `z = 1.959963984540054` (the normal 97.5% point); `se` is the
/// mean's standard error, or the batch-means error over blocks for a quantile or expected
/// shortfall (``BatchMeans``). A statistic whose value is 0 is precise only when its error is 0.
public struct PrecisionRun: Sendable {
    /// One statistic to make precise.
    public struct Target: Sendable, Equatable {
        public var metric: Int
        public var statistic: SeriesStatistic
        /// `national_risk` (a mean) or `economic_loss_usd_bn:p99`.
        public var name: String

        public init(metric: Int, statistic: SeriesStatistic, name: String) {
            self.metric = metric
            self.statistic = statistic
            self.name = name
        }
    }

    /// The normal 97.5% point.
    public static let z = 1.959963984540054
    /// Blocks at the first check.
    public static let firstCheckBlocks = 8

    /// The forecast, planned with the maximum number of trials.
    public let forecast: Forecast
    /// `R ∈ (0, 1)`.
    public let relativeHalfWidth: Double
    public let targets: [Target]

    public init(forecast: Forecast, relativeHalfWidth: Double, targets: [Target]) {
        self.forecast = forecast
        self.relativeHalfWidth = relativeHalfWidth
        self.targets = targets
    }

    /// The block counts after which precision is checked: `8, 16, 32, …` below the total, then
    /// the total (`[total]` when it is 8 or fewer blocks).
    public static func checkpoints(totalBlocks: Int) -> [Int] {
        var points: [Int] = []
        var b = firstCheckBlocks
        while b < totalBlocks {
            points.append(b)
            b *= 2
        }
        return points + [totalBlocks]
    }

    /// The batch requests of the targets that need them.
    public var targetRequests: [BatchRequest] {
        var out: [BatchRequest] = []
        for t in targets where t.statistic.needsBatches {
            let r = BatchRequest(metric: t.metric, statistic: t.statistic)
            if !out.contains(r) { out.append(r) }
        }
        return out
    }

    /// The largest relative half-width `h/|value|` over the targets and years of `run` (which
    /// must hold ``targetRequests``), with the target and calendar year where it occurs.
    public func reached(_ run: ForecastRun) -> (value: Double, target: String, year: Int) {
        let plan = forecast.plan
        var worst = (value: 0.0, target: targets.first?.name ?? "", year: plan.scenario.startYear)
        let m = plan.metrics.count
        for target in targets {
            let request = run.batches.index(of: BatchRequest(metric: target.metric, statistic: target.statistic))
            for t in 0..<plan.years {
                let series = t * m + target.metric
                let moments = run.accumulator.metricMoments[series]
                let value = target.statistic.value(moments: moments, sketch: run.accumulator.metricSketches[series],
                                                   wholeNumbers: plan.metrics.isCount(target.metric))
                let se = target.statistic == .mean ? moments.standardError
                    : request.map { run.batches.standardError(year: t, request: $0) } ?? .nan
                let h = PrecisionRun.z * se
                let relative = h == 0 ? 0 : (h.isFinite && value != 0 ? h / Swift.abs(value) : .infinity)
                if relative > worst.value || (relative.isNaN && !worst.value.isNaN) {
                    worst = (relative.isNaN ? .infinity : relative, target.name, plan.scenario.startYear + t)
                }
            }
        }
        return worst
    }

    /// Runs stage by stage until precise or at the maximum.
    ///
    /// - Parameters:
    ///   - threads: worker threads; the result does not depend on it.
    ///   - requests: batch requests kept in the result besides the targets' (the tolerances').
    ///   - stage: called before each stage with its end (in trials) and the precision reached so
    ///     far (`nil` before the first check), for progress displays.
    ///   - progress: called after each block with its trials.
    ///   - isCancelled: as for ``Forecast/run(threads:shard:progress:isCancelled:)``.
    /// - Returns: the run restricted to `requests`' batch means, and what happened.
    public func run(threads: Int, requests: [BatchRequest],
                    stage: ((_ endTrials: Int, _ reached: Double?) -> Void)? = nil,
                    progress: (@Sendable (Int) -> Void)? = nil,
                    isCancelled: (@Sendable () -> Bool)? = nil) throws -> (run: ForecastRun, outcome: PrecisionOutcome) {
        let all = requests + targetRequests.filter { !requests.contains($0) }
        let total = forecast.totalBlocks
        let trials = forecast.plan.scenario.trials
        var done = 0
        var result = ForecastRun(accumulator: forecast.plan.emptyAccumulator(),
                                 batches: BatchMeans(years: forecast.plan.years, requests: all))
        var checks: [PrecisionOutcome.Check] = []
        var reason = PrecisionOutcome.StopReason.maximumTrials
        for end in PrecisionRun.checkpoints(totalBlocks: total) {
            stage?(Swift.min(end * TrialBlock.capacity, trials), checks.last?.reached)
            result.merge(try forecast.run(blocks: done..<end, threads: threads, requests: all,
                                          progress: progress, isCancelled: isCancelled))
            done = end
            let r = reached(result)
            checks.append(PrecisionOutcome.Check(trials: Int(result.accumulator.trials), reached: r.value,
                                                 target: r.target, year: r.year))
            if r.value <= relativeHalfWidth {
                reason = .precisionReached
                break
            }
        }
        let outcome = PrecisionOutcome(relativeHalfWidth: relativeHalfWidth, targets: targets.map(\.name),
                                       maximumTrials: trials, trials: Int(result.accumulator.trials),
                                       stopReason: reason, checks: checks)
        return (ForecastRun(accumulator: result.accumulator, batches: result.batches.restricted(to: requests)), outcome)
    }
}

/// What a precision run did: for `manifest.json` and the terminal.
public struct PrecisionOutcome: Sendable, Equatable {
    public enum StopReason: String, Sendable {
        case precisionReached = "precision reached"
        case maximumTrials = "maximum trials reached"
    }

    /// One check: trials so far and the largest relative half-width, where it was.
    public struct Check: Sendable, Equatable {
        public var trials: Int
        public var reached: Double
        public var target: String
        public var year: Int
    }

    public var relativeHalfWidth: Double
    public var targets: [String]
    public var maximumTrials: Int
    /// Trials run.
    public var trials: Int
    public var stopReason: StopReason
    public var checks: [Check]

    /// The largest relative half-width at the stop.
    public var reached: Double { checks.last?.reached ?? .infinity }
}
