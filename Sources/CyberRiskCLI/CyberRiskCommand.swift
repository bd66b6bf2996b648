import ArgumentParser
import CyberRisk
import CyberRiskReport
import CyberRiskSweep
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `cyberrisk`: the root command. It only parses arguments, runs the library and prints;
/// every failure leaves through ``exit(for:)`` with one of these exit codes:
/// 0 success, 1 runtime failure (a write failed), 2 bad usage or bad input, 3 a calibration whose
/// chains did not converge; 130/143 when interrupted by SIGINT/SIGTERM.
@main
struct CyberRiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cyberrisk",
        abstract: "Forecast ten years of cyber risk to critical infrastructure and people, as distributions.",
        discussion: """
            Runs a Monte Carlo forecast of national-security risk (sector disruption cascading through \
            a sector-dependency matrix) and human-security risk (people deprived of services, personal \
            devices and neural implants compromised) under IoT and neural-link growth scenarios.
            Without a config file the embedded default scenario (configs/baseline.yaml) is used.
            """,
        version: ToolVersion.current,
        subcommands: [Run.self, Compare.self, Sweep.self, Sensitivity.self, Tornado.self, Calibrate.self, Merge.self, ReportCommand.self, Stress.self, Validate.self, ConfigCommand.self, Scenarios.self]
    )

    static func main() {
        LinearAlgebra.useSingleThreadedBLAS()
        // A write beyond the file-size limit then fails with EFBIG (reported with its path)
        // instead of killing the process with SIGXFSZ.
        Glibc.signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(for: error)
        }
    }

    /// Prints `error` and exits with its code.
    static func exit(for error: Error) -> Never {
        let (code, message) = classify(error)
        if !message.isEmpty {
            let text = message.hasSuffix("\n") ? message : message + "\n"
            FileHandle(fileDescriptor: code == 0 ? 1 : 2).write(Data(text.utf8))
        }
        Glibc.exit(code)
    }

    static func classify(_ error: Error) -> (Int32, String) {
        switch error {
        case let e as CLIError:
            return (e.code, "error: " + e.message)
        case let e as ConfigError:
            return (2, "error: invalid configuration\n" + e.description)
        case let e as StateFileError:
            return (2, "error: " + e.description)
        case let e as SweepFolderError:
            return (2, "error: " + e.usageMessage)
        case let e as IncidentDataError:
            return (2, "error: invalid incident data\n" + e.description)
        case let e as CalibrationError:
            if case .notConverged = e {
                return (3, "error: " + e.description + "\nnothing was written; run more --draws (or fewer sectors without data)")
            }
            return (2, "error: " + e.description)
        case let e as OutputError:
            // A folder or file given to read is bad input; a failed write is a runtime failure.
            return e.operation == .read ? (2, "error: " + e.description) : (1, "error: cannot write \(e.description)")
        case let e as SimulationError:
            return (1, "error: " + e.description)
        default:
            let code = exitCode(for: error).rawValue
            let message = fullMessage(for: error)
            // swift-argument-parser uses 64 (EX_USAGE) for parse errors: scripts see one code, 2.
            return (code == 64 ? 2 : code, message)
        }
    }
}

/// A failure with its exit code and message, raised by the commands themselves.
struct CLIError: Error {
    var code: Int32
    var message: String

    static func usage(_ message: String) -> CLIError { CLIError(code: 2, message: message) }
    static func runtime(_ message: String) -> CLIError { CLIError(code: 1, message: message) }
}

extension OutputDirectory {
    /// Opens the folder named by `--out`, before any work: one that cannot be created, written or
    /// locked is a usage error (exit 2).
    static func forOption(_ path: String) throws -> OutputDirectory {
        do {
            return try OutputDirectory(path: path)
        } catch let e as OutputError {
            throw CLIError.usage("--out: cannot use \(e.description)")
        }
    }
}

extension Shard {
    /// The shard named by `--shard I/N` (the whole run when absent); a malformed one is a usage error.
    static func forOption(_ text: String?) throws -> Shard {
        guard let text else { return .whole }
        guard let shard = Shard(parsing: text) else {
            throw CLIError.usage("--shard: expected I/N with 0 ≤ I < N, found '\(text)'")
        }
        return shard
    }
}

/// The worker count of `--threads` (all cores when absent), checked to be in 1…4096.
func threadCount(forOption threads: String?) throws -> Int {
    guard let threads else { return Swift.min(4096, ProcessInfo.processInfo.activeProcessorCount) }
    return try WholeNumberOption.integer(threads, option: "--threads", in: 1...4096, what: "threads", example: "2")
}

extension ResolvedScenario {
    /// Prints the resolved config as YAML, ending in exactly one newline.
    func printYAML() {
        print(yaml, terminator: yaml.hasSuffix("\n") ? "" : "\n")
    }
}
