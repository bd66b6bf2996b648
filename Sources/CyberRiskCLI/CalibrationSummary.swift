import CyberRisk
import CyberRiskSweep

/// What `cyberrisk calibrate` prints: per sector the configuration's and the calibrated
/// successful attacks per year at the start year, the shared parameters, the posterior
/// predictive check in one line and, with a holdout year, the hindcast's scores.
enum CalibrationSummary {
    static func text(_ fit: Calibration, out: String, files: [String]) -> String {
        let f = { (x: Double) in TextTable.format(x, digits: 3) }
        let year = fit.scenario.startYear
        var sectors = TextTable(header: ["sector", "rows", "config", "posterior mean", "p05", "p95"])
        for (i, id) in fit.problem.sectorIDs.enumerated() {
            guard let s = fit.startRate(sector: i) else {
                sectors.append([id, "0", "0", "(no attacks)", "", ""])
                continue
            }
            sectors.append([id, String(fit.problem.rowsOfSector[i].count), f(fit.problem.startRates[i]), f(s.mean),
                            f(s.p05), f(s.p95)])
        }
        var text = "Successful attacks per year in \(year) (attack units of the config; rows = fitted rows):\n"
        text += sectors.rendered
        var shared = TextTable(header: ["shared parameter", "mean", "p05", "p95"])
        for m in fit.monitored where m.sector == "all" {
            let s = fit.summary(m)
            shared.append([m.parameter, f(s.mean), f(s.p05), f(s.p95)])
        }
        text += "\n" + shared.rendered
        let checks = fit.checks.filter(\.fitted)
        let inside = checks.filter(\.inside90).count
        text += "\nPosterior predictive check: \(inside) of \(checks.count) fitted rows inside their 90% interval"
        let outside = fit.checks.filter { !$0.inside90 }.map { "\($0.row.label) \($0.row.year)" }
        text += outside.isEmpty ? ".\n" : "; outside: " + outside.joined(separator: ", ") + ".\n"
        if let h = fit.hindcast, h.sectorRows == 0 {
            text += "Hindcast of \(h.year): no sector rows that year, only totals (scored in hindcast.csv).\n"
        } else if let h = fit.hindcast {
            text += "Hindcast of \(h.year) (fitted on the years before): \(h.sectorRows) sector rows, coverage "
                + "50% \(TextTable.format(h.coverage50, digits: 2)), 90% \(TextTable.format(h.coverage90, digits: 2)); "
                + "mean CRPS \(f(h.meanCRPS)) vs naive \(f(h.meanNaiveCRPS)).\n"
        }
        let worst = fit.diagnostics.map(\.rhat).filter(\.isFinite).max() ?? .nan
        let ess = fit.diagnostics.map { Swift.min($0.bulkESS, $0.tailESS) }.filter(\.isFinite).min() ?? .nan
        text += "Converged: \(fit.options.chains) chains × \(fit.options.draws) draws, largest R-hat "
            + TextTable.format(worst, digits: 4) + ", smallest ESS " + TextTable.format(ess, digits: 4) + ".\n"
        text += "Wrote \(out)/: " + files.joined(separator: ", ") + ". Forecast with it: cyberrisk run \(out)/calibrated.yaml"
        return text
    }
}
