import CyberRisk
import Foundation

/// Why a calibration cannot run or cannot be trusted.
public enum CalibrationError: Error, CustomStringConvertible, Equatable {
    /// The data and the configuration do not fit together (a row for a sector without attacks, a
    /// holdout year without rows, …): bad input, `file:line: column: reason`.
    case input(ConfigIssue)
    /// The chains did not converge: each failing quantity with its split R-hat and ESS.
    case notConverged([ConvergenceDiagnostics.Result])

    public var description: String {
        switch self {
        case .input(let issue):
            return issue.description
        case .notConverged(let failures):
            let need = String(format: "need R-hat ≤ %.2f and ESS ≥ %.0f", ConvergenceDiagnostics.maximumRHat,
                              ConvergenceDiagnostics.minimumESS)
            let lines = failures.map {
                "  \($0.name): " + String(format: "R-hat %.3f, bulk ESS %.0f, tail ESS %.0f", $0.rhat, $0.bulkESS, $0.tailESS)
            }
            return "the posterior sampler did not converge (\(need)):\n" + lines.joined(separator: "\n")
        }
    }
}
