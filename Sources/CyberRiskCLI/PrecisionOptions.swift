import ArgumentParser
import CyberRisk

/// `run --precision R [--precision-metric M]… [--max-trials N]`: simulate until the named
/// statistics are precise enough (``PrecisionRun``).
struct PrecisionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Run until every year's 95% half-width of each --precision-metric is at most R times its value (0 < R < 1), checked after 8, 16, 32, … blocks of 1024 trials.",
                               valueName: "R"))
    var precision: Double?

    @Option(name: .customLong("precision-metric"), help: ArgumentHelp(
        "A statistic to make precise: METRIC (its mean) or METRIC:STATISTIC (p01…p99, es95, es99); repeatable. Default: the means of national_risk, human_risk and economic_loss_usd_bn.",
        valueName: "metric[:statistic]"))
    var metrics: [String] = []

    @Option(name: .customLong("max-trials"), help: "Most trials a --precision run may take (default 10,000,000).")
    var maxTrials: Int?

    /// The default of `--max-trials`.
    static let defaultMaximumTrials = 10_000_000

    /// `--max-trials` (checked), or `nil` without `--precision`; refuses options that do not go together.
    func maximumTrials(trials: Int?, shard: String?) throws -> Int? {
        guard let precision else {
            if maxTrials != nil { throw CLIError.usage("--max-trials: only with --precision") }
            if !metrics.isEmpty { throw CLIError.usage("--precision-metric: only with --precision") }
            return nil
        }
        guard precision > 0 && precision < 1 else {
            throw CLIError.usage("--precision: expected a relative half-width R with 0 < R < 1 (e.g. 0.01 for ±1%), found \(precision)")
        }
        if trials != nil { throw CLIError.usage("--trials: give --max-trials with --precision (the run stops when precise)") }
        if shard != nil { throw CLIError.usage("--shard: a --precision run decides when to stop from all its trials and cannot be sharded") }
        let maximum = maxTrials ?? PrecisionOptions.defaultMaximumTrials
        guard maximum >= Forecast.trialsPerBlock && maximum <= Scenario.maximumTrials else {
            throw CLIError.usage("--max-trials: expected \(Forecast.trialsPerBlock)…\(Scenario.maximumTrials) (at least one block of \(Forecast.trialsPerBlock) trials), found \(maximum)")
        }
        return maximum
    }

    /// The targets among the scenario's metrics.
    func targets(_ metricSet: MetricSet) throws -> [PrecisionRun.Target] {
        let given = metrics.isEmpty ? ForecastSummary.headline.map(\.name) : metrics
        var targets: [PrecisionRun.Target] = []
        for text in given {
            let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let k = metricSet.names.firstIndex(of: parts[0]) else {
                throw CLIError.usage("--precision-metric: unknown metric '\(parts[0])' (metrics: \(metricSet.names.joined(separator: ", ")))")
            }
            var statistic = SeriesStatistic.mean
            if parts.count == 2 {
                guard let s = SeriesStatistic(name: parts[1]) else {
                    throw CLIError.usage("--precision-metric: unknown statistic '\(parts[1])' in '\(text)' (valid: \(SeriesStatistic.names.joined(separator: ", ")))")
                }
                guard BatchMeans.isReliable(s) else {
                    throw CLIError.usage("--precision-metric: \(text): a batch of \(Forecast.trialsPerBlock) trials holds too few beyond \(s.name) for a sound error estimate; use p99, es99 or a lower level")
                }
                statistic = s
            }
            let target = PrecisionRun.Target(metric: k, statistic: statistic, name: statistic == .mean ? parts[0] : "\(parts[0]):\(statistic.name)")
            if !targets.contains(target) { targets.append(target) }
        }
        return targets
    }
}
