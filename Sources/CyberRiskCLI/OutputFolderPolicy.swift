import CyberRisk
import Foundation

/// What `run`, `merge`, `sweep` and `sensitivity` do with an `--out` folder that already holds
/// something (README "Output folders"), checked after the folder is locked and before any work:
///
/// - an empty or new folder is used;
/// - a forecast (`run`, `merge`) replaces the same forecast — same config (so seed and trials),
///   same shard — with a note on stderr, and refuses a different one, naming what differs, unless
///   `--force`;
/// - a sweep (`sweep`, `sensitivity`) continues the same sweep with `--resume`, and refuses a
///   folder holding a sweep otherwise; `--force` deletes that sweep's files and starts over; a
///   merge of sweep shards replaces the same merged sweep;
/// - a forecast never replaces a sweep nor a sweep a forecast, forced or not;
/// - other files are left alone: a forecast refuses to overwrite a file of one of its names
///   unless `--force`, a sweep refuses any non-empty folder.
///
/// Replacing a forecast also removes an earlier `report.html` and `charts/`, which would describe
/// the old results (``staleReportFiles``), after the new results are written.
struct OutputFolderPolicy {
    var out: String
    var force: Bool
    var quiet: Bool

    /// Checks `out` before a forecast with `hash`/`yaml` of `shard` is written into it; returns the
    /// stale report files to remove once the new results are in place.
    func checkForecast(hash: String, yaml: String, shard: Shard, scenario: String) throws -> [String] {
        let contents = OutputFolderContents(path: out)
        switch contents.kind {
        case .empty:
            return []
        case .sweep:
            throw CLIError.usage("--out \(out) holds a sweep (\(SweepJournal.fileName)); a forecast needs a folder of its own: "
                                 + "choose another --out (--force does not replace one kind of results with the other)")
        case .other:
            let collisions = contents.collisions(with: OutputFolderContents.forecastFiles)
            guard collisions.isEmpty || force else {
                throw CLIError.usage("--out \(out) holds \(collisions.joined(separator: ", ")), which is not a cyberrisk forecast's "
                                     + "(no state.bin or manifest.json); choose another --out, or add --force to overwrite")
            }
            return []
        case .forecast(let state):
            let stale = contents.entries.filter { ["report.html", "charts"].contains($0) }
            guard let state else {
                guard force else {
                    throw CLIError.usage("--out \(out) holds forecast results that cannot be identified "
                                         + "(\(contents.problem ?? "state.bin unreadable")); choose another --out, or add --force to replace them")
                }
                note("note: --force: replacing the unidentified results in \(out)")
                return stale
            }
            if state.configHash == hash && state.shard == shard {
                note("note: replacing the results already in \(out) (the same forecast: scenario '\(scenario)', "
                     + "config hash \(hash)\(shard.count > 1 ? ", shard \(shard)" : ""))")
                return stale
            }
            let what = OutputFolderPolicy.differences(state: state, hash: hash, yaml: yaml, shard: shard)
            guard force else {
                throw CLIError.usage("--out \(out) holds the results of a different forecast (\(what)); "
                                     + "choose another --out, or add --force to replace them")
            }
            note("note: --force: replacing the results of a different forecast in \(out) (\(what))")
            return stale
        }
    }

    /// Checks `out` before a sweep writes into it. With `resume` a folder holding a sweep is left
    /// to the journal's own checks; with `force` its files are deleted here.
    func checkSweep(resume: Bool, merged planHash: String? = nil) throws {
        if resume && force { throw CLIError.usage("give --resume (continue the sweep in --out) or --force (start it over), not both") }
        let contents = OutputFolderContents(path: out)
        switch contents.kind {
        case .empty:
            return
        case .forecast:
            throw CLIError.usage("--out \(out) holds a forecast (state.bin, manifest.json); a sweep needs a folder of its own: "
                                 + "choose another --out (--force does not replace one kind of results with the other)")
        case .other:
            let shown = contents.entries.prefix(4).joined(separator: ", ") + (contents.entries.count > 4 ? ", …" : "")
            throw CLIError.usage("--out \(out) is not empty (it holds \(shown)) and is not a sweep folder; choose an empty or new folder")
        case .sweep(let header):
            if let planHash, let header, header.planHash == planHash, header.shard == .whole {
                note("note: replacing the merged sweep already in \(out) (the same sweep, spec hash \(planHash))")
                try contents.remove(OutputFolderContents.sweepFiles)
                return
            }
            if resume { return }
            guard force else {
                let state = contents.entries.contains("manifest.json") ? "a finished sweep" : "an unfinished sweep"
                let verb = planHash == nil ? "add --resume to continue it with the same spec, " : ""
                throw CLIError.usage("--out \(out) already holds \(state) (\(SweepJournal.fileName)); \(verb)"
                                     + "choose another folder, or add --force to delete it and start over")
            }
            note("note: --force: deleting the earlier sweep in \(out) (\(SweepJournal.fileName) and its outputs)")
            try contents.remove(OutputFolderContents.sweepFiles)
        }
    }

    /// Removes the files ``checkForecast(hash:yaml:shard:scenario:)`` found stale; says so for
    /// those that are not written anew (`rewritten`).
    func removeStale(_ names: [String], rewritten: [String] = []) throws {
        guard !names.isEmpty else { return }
        try OutputFolderContents(path: out).remove(names)
        let gone = names.filter { !rewritten.contains($0) }
        if !gone.isEmpty {
            note("note: removed the earlier \(gone.joined(separator: " and ")) from \(out) (it showed the replaced results)")
        }
    }

    /// What differs between the forecast in the folder and the new one, for messages.
    static func differences(state: StateFile, hash: String, yaml: String, shard: Shard) -> String {
        var parts: [String] = []
        if state.shard != shard { parts.append("shard \(state.shard) there, \(shard == .whole ? "the whole run" : "shard \(shard)") here") }
        let fields = ConfigDifference.between(state.resolvedConfig, yaml)
        parts += fields.map { "\($0.path) is \($0.first) there, \($0.second) here" }
        if parts.isEmpty && state.configHash != hash { parts.append("config hash \(state.configHash) there, \(hash) here") }
        return parts.joined(separator: "; ")
    }

    func note(_ text: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
