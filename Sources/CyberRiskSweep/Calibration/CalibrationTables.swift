import CyberRisk
/// The CSV files of a calibration folder (`docs/calibration.md`, "Outputs"):
///
/// - `posterior.csv` — `sector,parameter,mean,sd,p05,p50,p95`: per sector its
///   `successful_attacks_per_year` at the start year (in the configuration's attack units), then the
///   shared parameters with sector `all`: `reporting_rate` (when uncertain), `factor_mean`,
///   `factor_cv`, `overdispersion` (negative binomial model);
/// - `ppc.csv` — `sector,year,observed,p05,p50,p95,pit,fitted`: the posterior predictive check
///   of every data row;
/// - `diagnostics.csv` — `sector,parameter,rhat,ess_bulk,ess_tail`;
/// - `hindcast.csv` — `sector,year,observed,naive,p05,p25,p50,p75,p95,pit,in50,in90,crps,crps_naive`
///   for each row of the holdout year, then a summary row with sector `*`: `in50`/`in90` are the
///   coverages and `crps`/`crps_naive` the mean scores over the sector rows (`observed` is the
///   number of sector rows scored).
public enum CalibrationTables {
    public static func posterior(_ fit: Calibration) -> String {
        var t = CSVTable(header: ["sector", "parameter", "mean", "sd", "p05", "p50", "p95"])
        for (i, id) in fit.problem.sectorIDs.enumerated() {
            let s = fit.startRate(sector: i) ?? PosteriorSummary([0])
            t.append([.text(id), .text("successful_attacks_per_year")] + numbers(s))
        }
        for m in fit.monitored where m.sector == "all" {
            t.append([.text(m.sector), .text(m.parameter)] + numbers(fit.summary(m)))
        }
        return t.text
    }

    public static func predictiveChecks(_ fit: Calibration) -> String {
        var t = CSVTable(header: ["sector", "year", "observed", "p05", "p50", "p95", "pit", "fitted"])
        for c in fit.checks {
            t.append([.text(c.row.label), .integer(Int64(c.row.year)), count(c.row.count), count(c.p05),
                      count(c.p50), count(c.p95), .number(c.pit), .text(c.fitted ? "true" : "false")])
        }
        return t.text
    }

    public static func diagnostics(_ fit: Calibration) -> String {
        var t = CSVTable(header: ["sector", "parameter", "rhat", "ess_bulk", "ess_tail"])
        for (m, d) in zip(fit.monitored, fit.diagnostics) {
            t.append([.text(m.sector), .text(m.parameter), .number(d.rhat), .number(d.bulkESS), .number(d.tailESS)])
        }
        return t.text
    }

    public static func hindcast(_ h: Hindcast) -> String {
        var t = CSVTable(header: ["sector", "year", "observed", "naive", "p05", "p25", "p50", "p75", "p95", "pit",
                                  "in50", "in90", "crps", "crps_naive"])
        for e in h.entries {
            let c = e.check
            t.append([.text(c.row.label), .integer(Int64(h.year)), count(c.row.count), .number(e.naive ?? .nan),
                      count(c.p05), count(c.p25), count(c.p50), count(c.p75), count(c.p95), .number(c.pit),
                      .integer(c.inside50 ? 1 : 0), .integer(c.inside90 ? 1 : 0), .number(c.crps),
                      .number(e.naiveCRPS ?? .nan)])
        }
        let nan = CSVTable.Field.number(.nan)
        t.append([.text("*"), .integer(Int64(h.year)), .integer(Int64(h.sectorRows)), nan, nan, nan, nan, nan, nan, nan,
                  .number(h.coverage50), .number(h.coverage90), .number(h.meanCRPS), .number(h.meanNaiveCRPS)])
        return t.text
    }

    /// A whole-number count as an integer cell (a number beyond the `Int64` range as it is).
    static func count(_ x: Double) -> CSVTable.Field {
        x.isFinite && Swift.abs(x) < 9e18 ? .integer(Int64(x)) : .number(x)
    }

    static func numbers(_ s: PosteriorSummary) -> [CSVTable.Field] {
        [.number(s.mean), .number(s.sd), .number(s.p05), .number(s.p50), .number(s.p95)]
    }
}
