import ArgumentParser
import CyberRisk
import CyberRiskSweep
import CyberRiskReport
import Foundation

/// `cyberrisk calibrate`: Bayesian attack rates from reported incident counts.
struct Calibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit the config's attack rates to reported incident counts (Bayesian; posterior, checks, hindcast).",
        discussion: """
            Reads INCIDENTS.csv (sector,year,count[,reporting_rate][,exposure][,source]) and fits each \
            sector's rate factor, the shared reporting rate and the overdispersion by MCMC over several \
            seeded chains (docs/calibration.md). Writes posterior.csv, ppc.csv, diagnostics.csv, \
            calibrated.yaml (run it with `cyberrisk run DIR/calibrated.yaml`), with --holdout-year \
            hindcast.csv, and manifest.json. Exit 3 when the chains did not converge (R-hat > 1.01 or \
            ESS < 400): nothing is written then; rerun with more --draws.
            """
    )

    @Argument(help: "Incident counts (CSV).")
    var incidents: String

    @Argument(help: "Scenario config whose rates are calibrated (YAML, or JSON by extension). Default: the embedded baseline.")
    var config: String?

    @Option(help: ArgumentHelp("Output folder. One holding an earlier calibration is replaced with a note; one holding "
                               + "a forecast, sweep or comparison is refused.", valueName: "dir"))
    var out: String = "calibration"

    @Flag(help: "Overwrite files of a calibration's names in --out that are not a cyberrisk calibration's.")
    var force = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Fit the years before Y and score year Y (hindcast.csv).", valueName: "y"))
    var holdoutYear: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Random seed, 0…2^64−1 (default: the config's seed).", valueName: "n"))
    var seed: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Number of chains, 2…64 (default 4).", valueName: "n"))
    var chains: String?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Kept draws per chain, after as many warm-up sweeps, 100…1000000 (default 1000).", valueName: "n"))
    var draws: String?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Worker threads, 1…4096 (default: all cores). Results do not depend on it.", valueName: "n"))
    var threads: String?

    @Flag(help: "Poisson counts instead of the negative binomial (no overdispersion).")
    var poisson = false

    @Flag(help: "Also write report.html (see `cyberrisk report`).")
    var report = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let chains = try chains.map { try WholeNumberOption.integer($0, option: "--chains", in: 2...64, what: "chains", example: "4") } ?? 4
        let draws = try draws.map {
            try WholeNumberOption.integer($0, option: "--draws", in: 100...1_000_000, what: "draws per chain", example: "1000")
        } ?? 1000
        let holdoutYear = try holdoutYear.map {
            try WholeNumberOption.integer($0, option: "--holdout-year", in: 1900...3000, what: "calendar year", example: "2023")
        }
        let seed = try seed.map { try WholeNumberOption.seed($0) }
        let workers = try threadCount(forOption: threads)
        let resolved = try ScenarioCatalog.resolve(path: config, overrides: [])
        let bytes = try Calibrate.read(incidents)
        let data = try IncidentCSV.parse(bytes, file: incidents, sectorIDs: resolved.scenario.sectors.map(\.id))
        let directory = try OutputDirectory.forOption(out)
        let policy = OutputFolderPolicy(out: out, quiet: quiet)
        let preparation = try policy.checkCalibration(force: force)
        let options = Calibration.Options(seed: seed ?? resolved.scenario.seed, chains: chains, draws: draws,
                                          threads: workers, holdoutYear: holdoutYear, overdispersed: !poisson)
        let start = Date()
        let fit = try Calibration.fit(scenario: resolved.scenario, data: data, options: options)
        var files: [(name: String, bytes: [UInt8])] = [
            ("posterior.csv", Array(CalibrationTables.posterior(fit).utf8)),
            ("ppc.csv", Array(CalibrationTables.predictiveChecks(fit).utf8)),
            ("diagnostics.csv", Array(CalibrationTables.diagnostics(fit).utf8)),
            ("calibrated.yaml", Array(CalibratedConfig.yaml(fit, parent: config.map { Calibrate.relativePath(to: $0, from: out) },
                                                            source: incidents).utf8)),
        ]
        if let h = fit.hindcast { files.append(("hindcast.csv", Array(CalibrationTables.hindcast(h).utf8))) }
        let manifest = CalibrationManifest(fit: fit, dataFile: incidents, dataHash: String(FNV1a64.hash(bytes), radix: 16),
                                           configSource: resolved.source, resolvedConfig: resolved.yaml,
                                           files: files.map(\.name), startTime: start, endTime: Date())
        files.append(("manifest.json", Array(manifest.json().utf8)))
        try directory.writeAll(files)
        var written = files.map(\.name)
        if report {
            do {
                _ = try ReportDocument(folder: out).write(to: directory, name: "report.html", svg: false)
            } catch let e as OutputError where e.operation == .read {
                throw CLIError.runtime("the calibration was written, but its report failed: \(e.description)")
            }
            written.append("report.html")
        }
        let gone = try preparation.removeStale(rewritten: written)
        if !gone.isEmpty {
            policy.note("note: removed the earlier \(gone.joined(separator: " and ")) from \(out) (they showed the replaced calibration)")
        }
        if !quiet { print(CalibrationSummary.text(fit, out: out, files: written)) }
    }

    /// The file's bytes; a missing, unreadable or oversized file is a usage error naming it.
    static func read(_ path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw CLIError.usage("\(path): cannot read the incident data (no such file)")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= IncidentCSV.maximumBytes else {
            throw CLIError.usage("\(path): file larger than \(IncidentCSV.maximumBytes) bytes")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError.usage("\(path): cannot read the incident data (permission denied?)")
        }
        return [UInt8](data)
    }

    /// `target` as a path relative to the folder `base` (both relative to the working folder or
    /// absolute), so that `extends:` in `base/calibrated.yaml` finds it.
    static func relativePath(to target: String, from base: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        func components(_ path: String) -> [String] {
            let absolute = path.hasPrefix("/") ? path : cwd + "/" + path
            var out: [String] = []
            for part in absolute.split(separator: "/") {
                if part == "." || part.isEmpty { continue }
                if part == ".." { if !out.isEmpty { out.removeLast() } } else { out.append(String(part)) }
            }
            return out
        }
        let t = components(target), b = components(base)
        var common = 0
        while common < Swift.min(t.count - 1, b.count) && t[common] == b[common] { common += 1 }
        return (Array(repeating: "..", count: b.count - common) + t[common...]).joined(separator: "/")
    }
}
