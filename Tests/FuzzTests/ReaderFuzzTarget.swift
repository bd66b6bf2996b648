@testable import CyberRisk
@testable import CyberRiskSweep

/// The readers of outside bytes, each driven by arbitrary input: `scripts/fuzz/` runs them under
/// libFuzzer, and ``FuzzCorpusTests`` replays the committed corpora and crash reproducers
/// through the same code, so a reproducer fails `swift test` exactly as it failed the fuzzer.
///
/// The invariant: any input ends in a value or in a refusal — a thrown error whose description
/// names the file and says why. Anything else is a ``Outcome/finding(_:)`` (the fuzz entry
/// turns it into a crash); traps, leaks and runaway memory or time are caught by the fuzzer
/// itself (`-rss_limit_mb`, `-timeout`).
///
/// ```swift
/// ReaderFuzzTarget.csv.run(Array("sector,a\na,0\n".utf8))   // .value
/// ReaderFuzzTarget.state.run([1, 2, 3])                    // .refused("not a cyberrisk state file")
/// ```
enum ReaderFuzzTarget: String, CaseIterable, Sendable {
    /// Config loader and validator. Input: NUL-separated parts — the config (`fuzz.json` when it
    /// starts with `{`, else `fuzz.yaml`), then optional `parent.yaml` and `deps.csv` it may
    /// name (`extends`, `dependencies.csv`; `baseline.yaml` is there too), then `--set` strings.
    case config
    /// The dependency-matrix CSV reader, matched to its own header ids and to its row ids.
    case csv
    /// `merge`'s shard state reader: decode, merge, load the state's config, build the tables.
    /// First byte odd: the rest gets a valid checksum appended (to reach the decoder).
    case state
    /// The sweep journal reader (`merge`, `sweep --resume`), then merge and tables. First byte
    /// odd: the rest is magic plus `length, payload` frames, each given a valid checksum.
    case journal
    /// The sweep spec reader and validator. Input: NUL-separated parts — the spec file, then
    /// `--vary` strings; a spec on the embedded base with at most 64 points is also planned.
    case sweepspec
    /// `merge`'s comparison state reader (`comparison.bin`): decode, merge, encode, and the
    /// encoding must decode to the same state. First byte odd: the rest gets a valid checksum.
    case comparison
    /// `calibrate`'s incident reader against the baseline's sectors, then the fit's set-up, a
    /// short run of two chains, every output table and `calibrated.yaml`, which must load again.
    case incidents
    /// `cyberrisk report FOLDER`: folder-kind detection and every results reader (forecast, tail,
    /// tolerances, sweep, sensitivity, tornado, comparison, calibration, dynamic stress), each
    /// page and its charts' SVG. Input: NUL-separated parts — the folder's files in the order of
    /// ``reportFiles`` (an empty part: no such file), written to a fresh temporary folder.
    case report

    /// What one input ended in.
    enum Outcome: Equatable, Sendable {
        case value
        /// A described error (its description).
        case refused(String)
        /// A broken invariant: an error of an unexpected type, or one that does not say where or why.
        case finding(String)
    }

    func run(_ bytes: [UInt8]) -> Outcome {
        switch self {
        case .config: return Self.config(bytes)
        case .csv: return Self.csv(bytes)
        case .state: return Self.state(bytes)
        case .journal: return Self.journal(bytes)
        case .sweepspec: return Self.sweepSpec(bytes)
        case .comparison: return Self.comparison(bytes)
        case .incidents: return Self.incidents(bytes)
        case .report: return Self.reportFolder(bytes)
        }
    }

    // MARK: Targets

    private static func config(_ bytes: [UInt8]) -> Outcome {
        let parts = bytes.split(separator: 0, omittingEmptySubsequences: false).map(Array.init)
        let document = parts[0]
        let name = document.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }) == 0x7B
            ? "fuzz.json" : "fuzz.yaml"
        var files = [name: document, "baseline.yaml": EmbeddedConfigs.files["baseline.yaml"] ?? []]
        if parts.count > 1 { files["parent.yaml"] = parts[1] }
        if parts.count > 2 { files["deps.csv"] = parts[2] }
        let overrides = parts.dropFirst(3).map { String(decoding: $0, as: UTF8.self) }
        let loader = ConfigLoader(files: EmbeddedFileSystem(files: files), embedded: EmbeddedConfigs.fileSystem)
        return outcome {
            let resolved = try loader.resolve(.file(name), overrides: overrides)
            // What `--dump-config` prints must load again.
            _ = try ConfigLoader(embedded: EmbeddedConfigs.fileSystem).load(text: resolved.yaml, name: "dump.yaml")
        }
    }

    private static func csv(_ bytes: [UInt8]) -> Outcome {
        var issues = ConfigIssueList()
        let path = ConfigPath.root.appending("dependencies").appending("csv")
        let origin = ConfigOrigin(store: .files, file: "deps.csv")
        if let csv = DependencyCSV.parse(bytes, origin: origin, path: path, issues: &issues) {
            _ = csv.matrix(for: csv.columns, path: path, issues: &issues)
            _ = csv.matrix(for: csv.rows.map(\.id), path: path, issues: &issues)
        }
        return outcome { try issues.throwIfAny() }
    }

    private static func state(_ bytes: [UInt8]) -> Outcome {
        let body = Array(bytes.dropFirst())
        let file = (bytes.first ?? 0) & 1 == 1 ? body + littleEndian(FNV1a64.hash(body)) : body
        return outcome {
            let state = try StateFile(decoding: file)
            let merged = try ShardMerge.merge([(name: "fuzz/state.bin", state: state)])
            let scenario = try merged.scenario(source: "fuzz/state.bin")
            let tables = ForecastTables(scenario: scenario, accumulator: merged.accumulator)
            _ = (tables.summaryCSV, tables.sectorsCSV, tables.exceedanceCSV, merged.encoded())
        }
    }

    private static func comparison(_ bytes: [UInt8]) -> Outcome {
        let body = Array(bytes.dropFirst())
        let file = (bytes.first ?? 0) & 1 == 1 ? body + littleEndian(FNV1a64.hash(body)) : body
        var roundTrip = true
        let result = outcome {
            let state = try ComparisonState(decoding: file)
            let merged = try ComparisonState.merge([(name: "fuzz/comparison.bin", state: state)])
            roundTrip = try ComparisonState(decoding: merged.encoded()) == merged
        }
        return roundTrip ? result : .finding("a merged comparison state does not decode to itself")
    }

    private static func journal(_ bytes: [UInt8]) -> Outcome {
        let body = Array(bytes.dropFirst())
        let file = (bytes.first ?? 0) & 1 == 1 ? withFrameChecksums(body) : body
        return outcome {
            let contents = try SweepJournal.read(file)
            let merged = try SweepMerge.merge([(name: "fuzz/sweep.journal", contents: contents)])
            let tables = SweepTables(header: merged.header, records: merged.records)
            _ = (tables.sweepCSV, tables.pointsCSV)
        }
    }

    private static func sweepSpec(_ bytes: [UInt8]) -> Outcome {
        let parts = bytes.split(separator: 0, omittingEmptySubsequences: false).map(Array.init)
        let vary = parts.dropFirst().map { String(decoding: $0, as: UTF8.self) }
        return outcome {
            var spec = try SweepSpec(parsing: parts[0], file: "fuzz-sweep.yaml")
            if !vary.isEmpty { spec.parameters += try SweepSpec.parameters(parsing: vary, source: "--vary") }
            try spec.validate()
            if case .file = spec.base { return }   // the target reads no disk
            if let n = spec.pointCount, n <= 64 {
                _ = try SweepPlan(spec: spec, loader: ConfigLoader(files: EmbeddedConfigs.fileSystem,
                                                                   embedded: EmbeddedConfigs.fileSystem))
            }
        }
    }

    private static func incidents(_ bytes: [UInt8]) -> Outcome {
        let scenario = Self.baseline
        return outcome {
            let data = try IncidentCSV.parse(bytes, file: "fuzz-incidents.csv", sectorIDs: scenario.sectors.map(\.id))
            let holdout = data.years.count > 1 ? data.years.last : nil
            let problem = try CalibrationProblem(scenario: scenario, data: data,
                                                 prior: CalibrationPrior(reportingRate: scenario.calibration.reportingRate),
                                                 holdoutYear: holdout)
            let draws = CalibrationSampler(problem: problem).run(chains: 2, warmup: 3, draws: 4, seed: 1, threads: 1)
            let fit = Calibration(scenario: scenario, data: data, options: .init(seed: 1, chains: 2, draws: 4, holdoutYear: holdout),
                                  problem: problem, draws: draws)
            _ = (CalibrationTables.posterior(fit), CalibrationTables.predictiveChecks(fit), CalibrationTables.diagnostics(fit),
                 fit.hindcast.map(CalibrationTables.hindcast))
            _ = try ConfigLoader(embedded: EmbeddedConfigs.fileSystem)
                .load(text: CalibratedConfig.yaml(fit, parent: nil, source: "fuzz-incidents.csv"), name: "calibrated.yaml")
        }
    }

    static let baseline: Scenario = try! ConfigLoader(embedded: EmbeddedConfigs.fileSystem).load(embedded: "baseline.yaml")

    // MARK: Checking outcomes

    /// Runs `body`; a thrown error must be one of the readers' error types and say where and why.
    private static func outcome(_ body: () throws -> Void) -> Outcome {
        do {
            try body()
            return .value
        } catch let error as ConfigError {
            for issue in error.issues where issue.message.isEmpty || issue.file.isEmpty {
                return .finding("config issue without a file or a reason: \(error)")
            }
            return error.issues.isEmpty ? .finding("ConfigError without issues") : .refused(error.description)
        } catch let error as StateFileError {
            return error.reason.isEmpty ? .finding("StateFileError without a reason") : .refused(error.reason)
        } catch let error as SweepJournalError {
            return error.reason.isEmpty ? .finding("SweepJournalError without a reason") : .refused(error.reason)
        } catch let error as IncidentDataError {
            for issue in error.issues where issue.message.isEmpty || issue.file.isEmpty {
                return .finding("incident issue without a file or a reason: \(error)")
            }
            return error.issues.isEmpty ? .finding("IncidentDataError without issues") : .refused(error.description)
        } catch let error as CalibrationError {
            guard case .input(let issue) = error, !issue.message.isEmpty, !issue.file.isEmpty else {
                return .finding("calibration error without a file or a reason: \(error)")
            }
            return .refused(error.description)
        } catch {
            return .finding("unexpected error type \(type(of: error)): \(error)")
        }
    }

    private static func littleEndian(_ x: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: x >> (8 * UInt64($0))) }
    }

    /// `magic, (length, payload)*` → `magic, (length, payload, checksum)*`; a tail too short for a
    /// length, or a length past the end, is kept as it is (a torn frame).
    private static func withFrameChecksums(_ body: [UInt8]) -> [UInt8] {
        let head = SweepJournal.magic.count
        guard body.count >= head else { return body }
        var out = Array(body.prefix(head))
        var i = head
        while body.count - i >= 8 {
            var length = 0
            for k in 0..<8 { length |= Int(body[i + k]) << (8 * k) }
            guard length >= 0, length <= body.count - i - 8 else { break }
            let payload = Array(body[(i + 8)..<(i + 8 + length)])
            out += body[i..<(i + 8)] + payload + littleEndian(FNV1a64.hash(payload))
            i += 8 + length
        }
        return out + body[i...]
    }
}
