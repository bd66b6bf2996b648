import CyberRisk

/// One varied parameter of a sweep: a config path (as `--set` takes it) and the values it takes.
///
/// Domains (spec syntax in `docs/sweeps.md`):
/// - `values: [a, b, …]` — exactly these (grid only);
/// - `range: [lo, hi]` — linear: a grid takes `steps` evenly spaced values `lo … hi` (both ends
///   included; one step gives `lo`), lhs/sobol map `u ∈ [0, 1)` to `lo + u·(hi − lo)`;
/// - `log_range: [lo, hi]` with `0 < lo < hi` — geometric: `lo·(hi/lo)^u`, grid steps equal ratios.
///
/// ```swift
/// let p = SweepParameter(path: try ConfigPath(parsing: "scenario.neural.users.ceiling"),
///                        domain: .logRange(1e5, 1e8), steps: 4)
/// p.gridValues()   // [1e5, 1e6, 1e7, 1e8] (to rounding; the ends exact)
/// ```
public struct SweepParameter: Sendable, Equatable {
    public enum Domain: Sendable, Equatable {
        case values([Double])
        case range(Double, Double)
        case logRange(Double, Double)
    }

    /// Axis scale of the parameter, for reports: geometric domains are `log`.
    public enum Scale: String, Sendable {
        case linear, log
    }

    var path: ConfigPath
    public var domain: Domain
    /// Number of grid values for `range` / `log_range` (ignored by lhs and sobol).
    public var steps: Int?
    /// Where the parameter was written (spec file and line, or `--vary`).
    var origin: ConfigOrigin

    init(path: ConfigPath, domain: Domain, steps: Int? = nil, origin: ConfigOrigin = .commandLine) {
        self.path = path
        self.domain = domain
        self.steps = steps
        self.origin = origin
    }

    public var scale: Scale {
        if case .logRange = domain { return .log }
        return .linear
    }

    /// The grid values (needs `steps` for ranges).
    func gridValues() -> [Double] {
        switch domain {
        case .values(let v):
            return v
        case .range(let lo, let hi):
            let n = steps ?? 1
            return (0..<n).map { k in
                k == n - 1 && n > 1 ? hi : SweepParameter.rounded(lo + (hi - lo) * Double(k) / Double(n - 1))
            }
        case .logRange(let lo, let hi):
            let n = steps ?? 1
            return (0..<n).map { k in
                k == 0 ? lo : k == n - 1 ? hi : SweepParameter.rounded(lo * Foundation.pow(hi / lo, Double(k) / Double(n - 1)))
            }
        }
    }

    /// `x` to 15 significant digits, so grid values print as written (`1e5`, not `99999.99999999999`).
    static func rounded(_ x: Double) -> Double {
        Double(String(format: "%.15g", x)) ?? x
    }

    /// The value at unit coordinate `u ∈ [0, 1)` (lhs and sobol).
    func value(unit u: Double) -> Double {
        switch domain {
        case .values(let v):
            return v[Swift.min(v.count - 1, Int(u * Double(v.count)))]
        case .range(let lo, let hi):
            return lo + u * (hi - lo)
        case .logRange(let lo, let hi):
            return u == 0 ? lo : lo * Foundation.pow(hi / lo, u)
        }
    }

    /// The canonical one-line form used in the sweep's hash, e.g.
    /// `scenario.iot.devices_bn.rate range [0.08, 0.24] steps 5`.
    var canonical: String {
        let f = CSVTable.format
        switch domain {
        case .values(let v): return "\(path) values [" + v.map(f).joined(separator: ", ") + "]"
        case .range(let lo, let hi): return "\(path) range [\(f(lo)), \(f(hi))]" + (steps.map { " steps \($0)" } ?? "")
        case .logRange(let lo, let hi): return "\(path) log_range [\(f(lo)), \(f(hi))]" + (steps.map { " steps \($0)" } ?? "")
        }
    }
}

import Foundation
