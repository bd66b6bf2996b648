@_spi(Engine) @testable import CyberRisk

/// A forecast run block by block in process, keeping every trial's raw values (through
/// `TrialBlock.simulate(…, afterYear:)`), so the tests can compute each output statistic from the
/// values themselves and compare it with what the tables say.
struct RawForecast {
    let scenario: Scenario
    let accumulator: ForecastAccumulator
    /// `metrics[t][k]`: metric `k`'s value in year index `t`, one entry per trial in trial order.
    let metrics: [[[Double]]]
    /// `inoperability[t][i]`: sector `i`'s `q_i`, per trial.
    let inoperability: [[[Double]]]
    /// `shocks[t][i]`: sector `i`'s direct shock `c_i`, per trial.
    let shocks: [[[Double]]]

    /// Storage the per-year hook appends to.
    private final class Capture {
        var metrics: [[[Double]]], inoperability: [[[Double]]], shocks: [[[Double]]]
        init(years: Int, metrics m: Int, sectors n: Int) {
            metrics = Array(repeating: Array(repeating: [], count: m), count: years)
            inoperability = Array(repeating: Array(repeating: [], count: n), count: years)
            shocks = inoperability
        }
    }

    init(_ s: Scenario) throws {
        let plan = try SimulationPlan(scenario: s)
        let forecast = Forecast(plan: plan)
        let block = TrialBlock(plan: plan)
        let m = plan.metrics.count, n = plan.sectorCount
        let capture = Capture(years: plan.years, metrics: m, sectors: n)
        var acc = plan.emptyAccumulator()
        for k in 0..<forecast.totalBlocks {
            let rows = forecast.rows(inBlock: k)
            block.simulate(firstTrial: k * TrialBlock.capacity, rows: rows, into: &acc, isCancelled: nil) { t, _ in
                for b in 0..<rows {
                    for j in 0..<m { capture.metrics[t][j].append(block.values[b * m + j]) }
                    for i in 0..<n {
                        capture.inoperability[t][i].append(block.inoperability[b * n + i])
                        capture.shocks[t][i].append(block.shocks[b * n + i])
                    }
                }
            }
        }
        scenario = s
        accumulator = acc
        metrics = capture.metrics
        inoperability = capture.inoperability
        shocks = capture.shocks
    }
}

/// The rows of a CSV table written by `CSVTable` (no quoted fields in the forecast tables),
/// read by column name so that added columns do not move the checks.
struct CSVRows {
    let header: [String]
    let rows: [[String: String]]

    init(_ text: String) {
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        header = lines.first ?? []
        rows = lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }
}
