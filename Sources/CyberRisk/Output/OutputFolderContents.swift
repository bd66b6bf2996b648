import Foundation

/// What an output folder holds before a command writes into it: nothing, a forecast (of `run` or
/// `merge`), a sweep (of `sweep` or `sensitivity`), or other files — with the identity of the
/// forecast or sweep it holds, read from its own `state.bin` or `sweep.journal` (readers that are
/// fuzzed), so a command can tell "the same result again" from "someone else's results".
///
/// The commands' overwrite policy built on it is in the README ("Output folders"): a forecast
/// replaces the same forecast and refuses another one unless forced; a sweep resumes the same
/// sweep with `--resume` and starts over only when forced; results of one kind never replace the
/// other kind.
///
/// ```swift
/// let contents = OutputFolderContents(path: "out")
/// if case .forecast(let state?) = contents.kind, state.configHash == hash { /* the same run */ }
/// ```
public struct OutputFolderContents: Sendable {
    public enum Kind: Sendable {
        /// No visible entries (or the folder does not exist yet).
        case empty
        /// A forecast folder (`state.bin` or a forecast `manifest.json`); the state when it reads.
        case forecast(StateFile?)
        /// A sweep folder (`sweep.journal`); its header when it reads.
        case sweep(SweepJournal.Header?)
        /// Visible entries, none of them a forecast's or a sweep's.
        case other
    }

    /// The files a forecast folder may hold besides its CSVs: the state and manifest, and the
    /// report with its charts.
    public static let forecastFiles = ["summary.csv", "sectors.csv", "exceedance.csv", "state.bin", "manifest.json",
                                       "report.html", "charts"]
    /// The files a sweep folder may hold.
    public static let sweepFiles = [SweepJournal.fileName, "sweep.csv", "points.csv", "sensitivity.csv",
                                    "sensitivity_noise.csv", "manifest.json", "report.html", "charts", "points"]

    public let path: String
    /// Entries not starting with `.`, sorted (the lock file `.cyberrisk.lock` is hidden).
    public let entries: [String]
    public let kind: Kind
    /// Why the state or journal could not be read, when it could not.
    public let problem: String?

    public init(path: String) {
        self.path = path
        entries = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        if entries.isEmpty {
            (kind, problem) = (.empty, nil)
        } else if entries.contains(SweepJournal.fileName) {
            let file = path + "/" + SweepJournal.fileName
            do {
                guard let data = FileManager.default.contents(atPath: file) else { throw SweepJournalError("cannot read") }
                (kind, problem) = (.sweep(try SweepJournal.read(Array(data)).header), nil)
            } catch {
                (kind, problem) = (.sweep(nil), "\(file): \(error)")
            }
        } else if entries.contains("state.bin") || entries.contains("manifest.json") {
            let file = path + "/state.bin"
            do {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw StateFileError("missing or unreadable")
                }
                (kind, problem) = (.forecast(try StateFile(decoding: Array(data))), nil)
            } catch {
                (kind, problem) = (.forecast(nil), "\(file): \(error)")
            }
        } else {
            (kind, problem) = (.other, nil)
        }
    }

    /// The entries a write of `files` would replace although they are not a cyberrisk result's
    /// (only meaningful for ``Kind/other`` folders).
    public func collisions(with files: [String]) -> [String] {
        entries.filter(files.contains)
    }

    /// Removes `names` (files or folders) from the folder, ignoring those that do not exist.
    ///
    /// - Throws: ``OutputError`` naming the first entry that cannot be removed.
    public func remove(_ names: [String]) throws {
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
