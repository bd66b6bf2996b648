import CyberRisk
import CyberRiskSweep
import Foundation

/// The command line's words for the output-folder policy of `run`, `merge`, `compare`, `sweep`,
/// `sensitivity`, `tornado` and `calibrate` (README "Output folders"); the policy itself is the
/// library's (``ForecastFolderReplacement`` for a forecast, ``ComparisonFolderReplacement`` for a
/// comparison, ``SweepFolderPreparation`` for a sweep, ``CalibrationFolderPreparation`` for a
/// calibration): the
/// notes on stderr for what is replaced, and the errors with what to do (`--force`, `--resume`,
/// another `--out`).
struct OutputFolderPolicy {
    var out: String
    var quiet: Bool

    /// Checks `out` before a forecast with `hash`/`yaml` of `shard` is written into it, and says
    /// what will be replaced.
    func checkForecast(hash: String, yaml: String, shard: Shard, scenario: String, force: Bool) throws -> ForecastFolderReplacement {
        let replacement: ForecastFolderReplacement
        do {
            replacement = try ForecastFolderReplacement(folder: out, hash: hash, yaml: yaml, shard: shard, force: force)
        } catch {
            throw CLIError.usage(OutputFolderPolicy.message(error, out: out))
        }
        switch replacement.kind {
        case .nothing:
            break
        case .sameForecast:
            note("note: replacing the results already in \(out) (the same forecast: scenario '\(scenario)', "
                 + "config hash \(hash)\(shard.count > 1 ? ", shard \(shard)" : ""))")
        case .unidentified:
            note("note: --force: replacing the unidentified results in \(out)")
        case let .differentForecast(differences):
            note("note: --force: replacing the results of a different forecast in \(out) (\(differences))")
        }
        return replacement
    }

    /// Checks `out` before the comparison of `scenarios` (the base first) with `seed` and
    /// `trials`, of `shard`, is written into it, and says what will be replaced.
    func checkComparison(scenarios: [(name: String, configHash: String)], seed: UInt64, trials: Int, shard: Shard,
                         force: Bool) throws -> ComparisonFolderReplacement {
        let replacement: ComparisonFolderReplacement
        do {
            replacement = try ComparisonFolderReplacement(folder: out, scenarios: scenarios, seed: seed, trials: trials,
                                                          shard: shard, force: force)
        } catch {
            throw CLIError.usage(OutputFolderPolicy.message(error))
        }
        switch replacement.kind {
        case .nothing:
            break
        case .sameComparison:
            note("note: replacing the comparison already in \(out) (the same scenarios, configs, seed and trials"
                 + "\(shard.count > 1 ? ", shard \(shard)" : ""))")
        case .unidentified:
            note("note: --force: replacing the unidentified comparison results in \(out)")
        case let .differentComparison(differences):
            note("note: --force: replacing the results of a different comparison in \(out) (\(differences))")
        }
        return replacement
    }

    /// `conflict` with what to do about it.
    static func message(_ conflict: ComparisonFolderConflict) -> String {
        switch conflict {
        case .holdsResults:
            "--out \(conflict); a comparison needs a folder of its own: "
                + "choose another --out (--force does not replace one kind of results with the other)"
        case .foreignFiles:
            "--out \(conflict); choose another --out, or add --force to overwrite"
        case .unidentified, .differentComparison:
            "--out \(conflict); choose another --out, or add --force to replace them"
        }
    }

    /// Removes what a replaced comparison left stale (``ComparisonFolderReplacement/removeStale(rewritten:)``)
    /// and says so.
    func removeStale(_ replacement: ComparisonFolderReplacement, rewritten: [String] = []) throws {
        let gone = try replacement.removeStale(rewritten: rewritten)
        if !gone.isEmpty {
            note("note: removed the earlier \(gone.joined(separator: " and ")) from \(out) (they showed the replaced results)")
        }
    }

    /// Checks `out` before a calibration is written into it, and says what will be replaced.
    func checkCalibration(force: Bool) throws -> CalibrationFolderPreparation {
        let preparation: CalibrationFolderPreparation
        do {
            preparation = try CalibrationFolderPreparation(folder: out, force: force)
        } catch {
            switch error {
            case .holdsResults:
                throw CLIError.usage("--out \(error); a calibration needs a folder of its own: "
                                     + "choose another --out (--force does not replace one kind of results with the other)")
            case .foreignFiles:
                throw CLIError.usage("--out \(error); choose another --out, or add --force to overwrite")
            }
        }
        if preparation.kind == .replacingCalibration {
            note("note: replacing the calibration already in \(out)")
        }
        return preparation
    }

    /// `conflict` with what to do about it.
    static func message(_ conflict: ForecastFolderConflict, out: String) -> String {
        switch conflict {
        case .holdsSweep, .holdsResults:
            "--out \(conflict); a forecast needs a folder of its own: "
                + "choose another --out (--force does not replace one kind of results with the other)"
        case .foreignFiles:
            "--out \(conflict); choose another --out, or add --force to overwrite"
        case .unidentified, .differentForecast:
            "--out \(conflict); choose another --out, or add --force to replace them"
        }
    }

    /// Removes the stale report of a replaced forecast (``ForecastFolderReplacement/removeStale(rewritten:)``)
    /// and says so for the files not written anew.
    func removeStale(_ replacement: ForecastFolderReplacement, rewritten: [String] = []) throws {
        let gone = try replacement.removeStale(rewritten: rewritten)
        if !gone.isEmpty {
            note("note: removed the earlier \(gone.joined(separator: " and ")) from \(out) (it showed the replaced results)")
        }
    }

    /// Says what ``SweepFolderPreparation`` found and did.
    func note(_ preparation: SweepFolderPreparation) {
        switch preparation.kind {
        case .empty, .resuming:
            break
        case let .replacedMerged(planHash):
            note("note: replacing the merged sweep already in \(out) (the same sweep, spec hash \(planHash))")
        case .deletedEarlier:
            note("note: --force: deleting the earlier sweep in \(out) (\(SweepJournal.fileName) and its outputs)")
        }
    }

    func note(_ text: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
