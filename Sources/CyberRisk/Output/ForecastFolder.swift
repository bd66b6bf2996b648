import Foundation

/// A forecast's output folder as one value — what `run`, `run --shard`, `merge` and a sweep's
/// `--keep-points` write: what was run (the resolved config, seed, trials, shard), its results
/// (the accumulator) and how it ran (threads, times, the folders it was merged from).
///
/// The folder holds `summary.csv`, `sectors.csv`, `exceedance.csv`, `tolerances.csv` (when the
/// scenario has tolerances), the tail files `return_periods.csv`, `horizon.csv`,
/// `sector_return_periods.csv` and `event_classes.csv` (when the accumulator keeps per-event
/// accounting, as every forecast's does; see `TailTables`), `state.bin` and `manifest.json`
/// (``File``). ``write(to:)`` stages them all and renames them into place with the manifest
/// last, so a folder with a manifest is complete and a failed write leaves the previous files
/// as they were;
/// ``init(merging:startTime:)`` reads the shards' `state.bin` back. What a new forecast may
/// replace in a folder is ``ForecastFolderReplacement``'s to say.
///
/// ```swift
/// let resolved = try ScenarioCatalog.resolve(path: nil, overrides: ["trials=10000"])
/// let start = Date()
/// let accumulator = try Forecast(plan: SimulationPlan(scenario: resolved.scenario)).run(threads: 2)
/// let folder = ForecastFolder(scenario: resolved.scenario, accumulator: accumulator, threads: 2,
///                             startTime: start, endTime: Date())
/// try folder.write(to: OutputDirectory(path: "out"))
/// folder.tables.summary(year: 9, metric: MetricSet.Core.nationalRisk.rawValue).mean
/// ```
public struct ForecastFolder: Sendable {
    /// The files of a forecast folder, in the order they are renamed into place.
    public enum File: String, CaseIterable, Sendable {
        case summary = "summary.csv"
        case sectors = "sectors.csv"
        case exceedance = "exceedance.csv"
        /// Only when the scenario has tolerances (``ToleranceTable``).
        case tolerances = "tolerances.csv"
        /// The tail files, only when the accumulator keeps per-event accounting (`TailTables`).
        case returnPeriods = "return_periods.csv"
        case horizon = "horizon.csv"
        case sectorReturnPeriods = "sector_return_periods.csv"
        case eventClasses = "event_classes.csv"
        case state = "state.bin"
        /// Renamed last: its presence marks a complete folder.
        case manifest = "manifest.json"
    }

    /// The scenario of the state's resolved config.
    public let scenario: Scenario
    /// `state.bin`: the config, seed, trials, shard, the exact accumulator and the tolerances'
    /// batch means.
    let state: StateFile
    /// `manifest.json`.
    public let manifest: Manifest

    /// The forecast (or shard `shard` of it) of `scenario`, with the accumulator and batch means
    /// `run` produced on `threads` workers (0 when it ran on a pool shared with other forecasts,
    /// as sweep points do) between `startTime` and `endTime`; `precision` when it was a
    /// precision run (``PrecisionRun``), whose `scenario` has the trials it ran.
    public init(scenario: Scenario, shard: Shard = .whole, run: ForecastRun, threads: Int,
                startTime: Date, endTime: Date, precision: PrecisionOutcome? = nil) {
        let state = StateFile(scenario: scenario, shard: shard, accumulator: run.accumulator, batches: run.batches)
        self.init(scenario: scenario, state: state, threads: threads, startTime: startTime, endTime: endTime,
                  mergedFrom: [], precision: precision)
    }

    /// The forecast (or shard) of `scenario` with the accumulator it produced, without batch
    /// means (a scenario without quantile tolerances needs none).
    public init(scenario: Scenario, shard: Shard = .whole, accumulator: ForecastAccumulator, threads: Int,
                startTime: Date, endTime: Date) {
        let run = ForecastRun(accumulator: accumulator, batches: BatchMeans(years: accumulator.years, requests: []))
        self.init(scenario: scenario, shard: shard, run: run, threads: threads, startTime: startTime, endTime: endTime)
    }

    /// The whole forecast merged from the `state.bin` of its shards' folders (any order); the
    /// tables are byte-identical to an unsharded run's.
    ///
    /// - Throws: ``OutputError`` (reading) naming a `state.bin` that cannot be read or decoded,
    ///   or whose config does not load; ``StateFileError`` for shards that do not make one
    ///   forecast: different configs (naming the fields that differ), seeds or trial counts, a
    ///   shard given twice or missing.
    public init(merging folders: [String], startTime: Date = Date()) throws {
        var states: [(name: String, state: StateFile)] = []
        for folder in folders {
            let path = folder + "/" + File.state.rawValue
            guard let data = FileManager.default.contents(atPath: path) else {
                throw OutputError(reading: path, reason: "cannot read (missing or unreadable)")
            }
            do {
                states.append((path, try StateFile(decoding: Array(data))))
            } catch {
                throw OutputError(reading: path, reason: error.description)
            }
        }
        let merged = try ShardMerge.merge(states)
        let scenario: Scenario
        do {
            scenario = try merged.scenario(source: states[0].name)
        } catch {
            throw OutputError(reading: states[0].name, reason: error.description)
        }
        self.init(scenario: scenario, state: merged, threads: 0, startTime: startTime, endTime: Date(),
                  mergedFrom: folders, precision: nil)
    }

    init(scenario: Scenario, state: StateFile, threads: Int, startTime: Date, endTime: Date, mergedFrom: [String],
         precision: PrecisionOutcome?) {
        self.scenario = scenario
        self.state = state
        var manifest = Manifest(scenario: scenario.name, configHash: state.configHash, resolvedConfig: state.resolvedConfig,
                                seed: state.seed, trials: state.trials, trialsRun: Int(state.accumulator.trials),
                                years: scenario.calendarYears, blockSize: state.blockSize, threads: threads,
                                shard: state.shard, blocks: state.blocks, startTime: startTime, endTime: endTime,
                                mergedFrom: mergedFrom)
        manifest.economicLoss = EconomicLossBasis(scenario: scenario)
        manifest.precision = precision
        manifest.files = ForecastFolder.files(of: scenario, tail: state.accumulator.tail != nil)
            .filter { $0 != .manifest }.map(\.rawValue)
        self.manifest = manifest
    }

    /// The files of a forecast of `scenario`, in writing order; `tail`: with the tail files (an
    /// accumulator with per-event accounting).
    public static func files(of scenario: Scenario, tail: Bool = true) -> [File] {
        File.allCases.filter { file in
            switch file {
            case .tolerances: !scenario.tolerances.isEmpty
            case .returnPeriods, .horizon, .sectorReturnPeriods, .eventClasses: tail
            default: true
            }
        }
    }

    /// The names of the folder's files, in writing order (the manifest last).
    public var fileNames: [String] {
        ForecastFolder.files(of: scenario, tail: state.accumulator.tail != nil).map(\.rawValue)
    }

    /// The results: the exact accumulator of every trial run.
    public var accumulator: ForecastAccumulator { state.accumulator }

    /// The CSV tables of the results.
    public var tables: ForecastTables { ForecastTables(scenario: scenario, accumulator: state.accumulator) }

    /// The risk tolerances' table (`tolerances.csv`), or `nil` when the scenario has none.
    public var tolerances: ToleranceTable? {
        scenario.tolerances.isEmpty ? nil : ToleranceTable(tables: tables, batches: state.batches)
    }

    /// The tail files' tables (`return_periods.csv` …), or `nil` when the accumulator keeps no
    /// per-event accounting.
    var tail: TailTables? { TailTables(scenario: scenario, accumulator: state.accumulator) }

    /// Every file's bytes by name, in ``File`` order.
    func encodedFiles() -> [(name: String, bytes: [UInt8])] {
        let tables = self.tables
        let tail = self.tail
        return ForecastFolder.files(of: scenario, tail: tail != nil).map { file in
            switch file {
            case .summary: (file.rawValue, Array(tables.summaryCSV.utf8))
            case .sectors: (file.rawValue, Array(tables.sectorsCSV.utf8))
            case .exceedance: (file.rawValue, Array(tables.exceedanceCSV.utf8))
            case .tolerances: (file.rawValue, Array(ToleranceTable(tables: tables, batches: state.batches).csv.utf8))
            case .returnPeriods: (file.rawValue, Array(tail!.returnPeriodsCSV.utf8))
            case .horizon: (file.rawValue, Array(tail!.horizonCSV.utf8))
            case .sectorReturnPeriods: (file.rawValue, Array(tail!.sectorReturnPeriodsCSV.utf8))
            case .eventClasses: (file.rawValue, Array(tail!.eventClassesCSV.utf8))
            case .state: (file.rawValue, state.encoded())
            case .manifest: (file.rawValue, Array(manifest.json().utf8))
            }
        }
    }

    /// Writes every file into `directory`, all staged first and renamed into place in ``File``
    /// order, so that a failure leaves the folder's earlier files as they were.
    public func write(to directory: OutputDirectory) throws {
        try directory.writeAll(encodedFiles())
    }
}
