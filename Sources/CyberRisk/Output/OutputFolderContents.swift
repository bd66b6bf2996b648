import Foundation

/// What an output folder holds before a command writes into it: nothing, a forecast (of `run` or
/// `merge`), a sweep (of `sweep`, `sensitivity` or `tornado`), a comparison (of `compare`), a
/// calibration (of `calibrate`), or other files — with the identity of the forecast or comparison
/// it holds, read from its own `state.bin` or `comparison.bin` (fuzzed readers), so that
/// ``ForecastFolderReplacement`` and ``ComparisonFolderReplacement`` can tell "the same results
/// again" from "someone else's results". A sweep is recognised by its journal's name only (the
/// sweep layer reads the journal itself, `SweepFolder.check`), a calibration by its
/// `posterior.csv`.
///
/// ```swift
/// let contents = OutputFolderContents(path: "out")
/// if case .forecast = contents.kind, contents.state?.configHash == hash { /* the same run */ }
/// ```
package struct OutputFolderContents: Sendable {
    package enum Kind: Sendable {
        /// No visible entries (or the folder does not exist yet).
        case empty
        /// A forecast folder (`state.bin` or a `manifest.json` without a journal); its ``state``
        /// when that reads.
        case forecast
        /// A sweep folder: it holds ``sweepJournalName``.
        case sweep
        /// A comparison folder: it holds `comparison.bin` (``ComparisonState/fileName``); its
        /// ``comparison`` when that reads.
        case comparison
        /// A calibration folder: it holds ``calibrationMarker``.
        case calibration
        /// Visible entries, none of them a forecast's or a sweep's.
        case other
    }

    /// The name of a sweep's journal, which marks a sweep folder (the sweep layer's `SweepJournal.fileName`).
    package static let sweepJournalName = "sweep.journal"

    /// The file that marks a calibration folder (the calibration layer's posterior table).
    package static let calibrationMarker = "posterior.csv"

    /// The files a forecast folder may hold besides its CSVs: the state and manifest, and the
    /// report with its charts.
    package static let forecastFiles = ["summary.csv", "sectors.csv", "exceedance.csv", "state.bin", "manifest.json",
                                        "report.html", "charts"]
    /// A forecast's report files, stale once its results are replaced.
    package static let reportFiles = ["report.html", "charts"]

    package let path: String
    /// Entries not starting with `.`, sorted (the lock file `.cyberrisk.lock` is hidden).
    package let entries: [String]
    package let kind: Kind
    /// The `state.bin` of a forecast folder, when it reads.
    let state: StateFile?
    /// The `comparison.bin` of a comparison folder, when it reads.
    let comparison: ComparisonState?
    /// Why the state could not be read, when it could not.
    package let problem: String?

    package init(path: String) {
        self.path = path
        entries = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        var state: StateFile?, comparison: ComparisonState?
        if entries.isEmpty {
            (kind, problem) = (.empty, nil)
        } else if entries.contains(OutputFolderContents.sweepJournalName) {
            (kind, problem) = (.sweep, nil)
        } else if entries.contains(ComparisonState.fileName) {
            let file = path + "/" + ComparisonState.fileName
            kind = .comparison
            do {
                (comparison, problem) = (try ComparisonState(decoding: OutputFolderContents.read(file)), nil)
            } catch {
                problem = "\(file): \(error)"
            }
        } else if entries.contains(OutputFolderContents.calibrationMarker) {
            (kind, problem) = (.calibration, nil)
        } else if entries.contains(ForecastFolder.File.state.rawValue) || entries.contains(ForecastFolder.File.manifest.rawValue) {
            let file = path + "/" + ForecastFolder.File.state.rawValue
            kind = .forecast
            do {
                (state, problem) = (try StateFile(decoding: OutputFolderContents.read(file)), nil)
            } catch {
                problem = "\(file): \(error)"
            }
        } else {
            (kind, problem) = (.other, nil)
        }
        (self.state, self.comparison) = (state, comparison)
    }

    /// The bytes of a state file in the folder.
    private static func read(_ file: String) throws(StateFileError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: file) else { throw StateFileError("missing or unreadable") }
        return Array(data)
    }

    /// What the folder holds, in the words of an error that refuses to write another kind of
    /// results into it, e.g. `a sweep (sweep.journal)`; `nil` for an empty or other folder.
    package var resultsDescription: String? {
        switch kind {
        case .empty, .other: nil
        case .forecast: "a forecast (state.bin, manifest.json)"
        case .sweep: "a sweep (\(OutputFolderContents.sweepJournalName))"
        case .comparison: "a comparison (\(ComparisonState.fileName))"
        case .calibration: "a calibration (\(OutputFolderContents.calibrationMarker))"
        }
    }

    /// Whether `bytes` begin like a forecast's `state.bin`.
    package static func isStateFile(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: StateFile.magic)
    }

    /// The entries a write of `files` would replace although they are not a cyberrisk result's
    /// (only meaningful for ``Kind/other`` folders).
    package func collisions(with files: [String]) -> [String] {
        entries.filter(files.contains)
    }

    /// Removes `names` (files or folders) from the folder, ignoring those that do not exist.
    ///
    /// - Throws: ``OutputError`` naming the first entry that cannot be removed.
    package func remove(_ names: [String]) throws {
        for name in names where entries.contains(name) {
            let file = path + "/" + name
            do {
                try FileManager.default.removeItem(atPath: file)
            } catch {
                throw OutputError(path: file, reason: "cannot remove it (\(error.localizedDescription))")
            }
        }
    }
}
