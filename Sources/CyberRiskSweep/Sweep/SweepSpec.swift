import CyberRisk

/// A sweep specification: the base scenario, the design, and the parameters to vary.
///
/// Read from a YAML (or JSON) file — every problem reported as `file:line: path: reason` — or
/// assembled from command-line `--vary` arguments:
///
/// ```yaml
/// base: ../baseline.yaml          # relative to this file; or base_scenario: NAME; or neither = embedded default
/// trials: 20000                   # per point (overrides the base's trials)
/// design: grid                    # grid | lhs | sobol
/// samples: 64                     # for lhs / sobol
/// seed: 7                         # design seed; point seeds derive from (seed, point index)
/// scramble: false                 # sobol only: Matoušek scramble + digital shift
/// set: ["cascade.mode=saturating"]  # overrides applied to the base before every point
/// parameters:
///   scenario.iot.devices_bn.rate:   {values: [0.08, 0.16, 0.24]}
///   scenario.neural.users.ceiling:  {log_range: [1e5, 1e8], steps: 4}
/// groups: {iot: [scenario.iot.devices_bn.rate, scenario.iot.devices_bn.ceiling]}   # sensitivity only (SweepGroup)
/// tail: true                      # add the 1-in-100 and 1-in-200 AEP outputs (docs/sweeps.md)
/// ```
///
/// Structural checks happen here; whether each path exists in the base config and every point
/// validates is checked by ``SweepPlan``.
public struct SweepSpec: Sendable, Equatable {
    /// Where the base scenario comes from.
    public enum Base: Sendable, Equatable {
        /// The embedded default (`configs/baseline.yaml`).
        case embeddedDefault
        /// An embedded scenario by name (`cyberrisk scenarios`).
        case named(String)
        /// A config file, as a path usable from the working directory.
        case file(String)
    }

    /// Most points a sweep may have (grid product or samples).
    public static let maximumPoints = 100_000

    public var base: Base = .embeddedDefault
    /// `path=value` overrides applied to the base before the parameters.
    public var overrides: [String] = []
    /// Trials per point; `nil` keeps the base's.
    public var trials: Int?
    public var design: SweepDesign = .grid
    /// Points of an lhs or sobol design.
    public var samples: Int?
    /// Design seed; `nil` uses the base's seed.
    public var seed: UInt64?
    public var scramble = false
    public var parameters: [SweepParameter] = []
    /// Parameters that move together in a sensitivity analysis (``SweepGroup``).
    public var groups: [SweepGroup] = []
    /// Whether each point also reports the annual-aggregate return levels of
    /// `SweepTailOutput.all` (the points then keep the forecast's per-event accounting).
    public var tailOutputs = false
    /// The spec file as shown in messages (a spec made in code is named by its maker: the command
    /// line calls it `--vary`).
    public var file: String = "sweep spec"
    /// The file's `design:` when the reader replaced it (see ``init(parsing:file:design:)``).
    public var ignoredDesign: String?

    public init() {}

    /// Keys a spec file may have.
    static let keys = ["base", "base_scenario", "trials", "design", "samples", "seed", "scramble", "set", "parameters",
                       "groups", "tail"]
    /// Keys of one parameter's domain.
    static let domainKeys = ["values", "range", "log_range", "steps"]

    // MARK: Reading

    /// Parses a spec file's bytes. `file` is its path (relative paths in `base:` resolve against
    /// its folder). A `design` argument replaces the file's `design:` key (`sensitivity` always
    /// runs a Saltelli design); the replaced value is kept in ``ignoredDesign``.
    ///
    /// - Throws: ``ConfigError`` listing every problem found.
    public init(parsing bytes: [UInt8], file: String, design forced: SweepDesign? = nil) throws {
        self.file = file
        let origin = ConfigOrigin(store: .files, file: file)
        let root = try ConfigParser.parseDocument(bytes, origin: origin, json: file.lowercased().hasSuffix(".json"))
        var issues = ConfigIssueList()
        guard let entries = root.entries else {
            throw ConfigError(origin: root.origin, path: "", message: "expected a mapping of sweep settings, found \(root.kindDescription)")
        }
        for entry in entries where !SweepSpec.keys.contains(entry.key) {
            issues.add(entry.keyOrigin, ConfigPath.root.appending(entry.key),
                       SweepSpec.unknownKey(entry.key, among: SweepSpec.keys))
        }
        if root["base"] != nil && root["base_scenario"] != nil {
            issues.add(root.origin, .root, "give either base (a file) or base_scenario (a name), not both")
        }
        if let node = root["base"] {
            if let text = node.text, !text.isEmpty {
                base = .file(DiskFileSystem().path(text, relativeTo: file))
            } else {
                issues.add(node.origin, ConfigPath.root.appending("base"), "expected a file name, found \(node.kindDescription)")
            }
        }
        if let node = root["base_scenario"] {
            if let text = node.text, !text.isEmpty {
                base = .named(text)
            } else {
                issues.add(node.origin, ConfigPath.root.appending("base_scenario"), "expected a scenario name, found \(node.kindDescription)")
            }
        }
        trials = SweepSpec.integer(root["trials"], "trials", in: 1...Int(Int64.max / 2), &issues)
        samples = SweepSpec.integer(root["samples"], "samples", in: 1...SweepSpec.maximumPoints, &issues)
        if let node = root["seed"] {
            if let text = node.text, let s = UInt64(text) {
                seed = s
            } else {
                issues.add(node.origin, ConfigPath.root.appending("seed"), "expected an integer in 0…\(UInt64.max), found \(node.kindDescription)")
            }
        }
        if let forced {
            design = forced
            if let text = root["design"]?.text, text != forced.rawValue { ignoredDesign = text }
        } else if let node = root["design"] {
            if let text = node.text, let d = SweepDesign(rawValue: text) {
                design = d
            } else {
                issues.add(node.origin, ConfigPath.root.appending("design"),
                           "expected grid, lhs, sobol or saltelli, found \(node.kindDescription)")
            }
        }
        if let node = root["scramble"] {
            switch node.text {
            case "true": scramble = true
            case "false": scramble = false
            default: issues.add(node.origin, ConfigPath.root.appending("scramble"), "expected true or false, found \(node.kindDescription)")
            }
        }
        if let node = root["set"] {
            if let elements = node.elements, elements.allSatisfy({ $0.text != nil }) {
                overrides = elements.map { $0.text! }
            } else {
                issues.add(node.origin, ConfigPath.root.appending("set"), "expected a list of path=value strings, found \(node.kindDescription)")
            }
        }
        if let node = root["parameters"] {
            if let list = node.entries {
                for entry in list {
                    if let p = SweepSpec.parameter(entry.key, entry.value, keyOrigin: entry.keyOrigin, &issues) {
                        parameters.append(p)
                    }
                }
            } else {
                issues.add(node.origin, ConfigPath.root.appending("parameters"),
                           "expected a mapping of config paths to {values | range | log_range, steps}, found \(node.kindDescription)")
            }
        }
        if let node = root["groups"] { groups = SweepGroup.parse(node, &issues) }
        if let node = root["tail"] {
            switch node.text {
            case "true": tailOutputs = true
            case "false": tailOutputs = false
            default: issues.add(node.origin, ConfigPath.root.appending("tail"), "expected true or false, found \(node.kindDescription)")
            }
        }
        // A sensitivity analysis without samples gets its default from the command line.
        check(at: root["parameters"]?.origin ?? root.origin, requireSamples: design != .saltelli, &issues)
        try issues.throwIfAny()
    }

    /// Reads parameters written as text, one per argument: `path=v1,v2,…` (values) or
    /// `path={range: [lo, hi], steps: n}` (any domain, in YAML flow syntax), as the command line's
    /// `--vary` takes them.
    ///
    /// - Parameter source: where the arguments come from, named as their file in messages (`--vary`).
    /// - Throws: ``ConfigError`` (file `source`) for each argument that does not read.
    public static func parameters(parsing arguments: [String], source: String) throws -> [SweepParameter] {
        var issues = ConfigIssueList()
        var out: [SweepParameter] = []
        let origin = ConfigOrigin(store: .commandLine, file: source)
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "=") else {
                issues.add(ConfigIssue(origin: origin, path: "", message: "expected path=v1,v2,… or path={range: [lo, hi], steps: n}, found '\(argument)'"))
                continue
            }
            let key = String(argument[..<equals])
            let text = String(argument[argument.index(after: equals)...])
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                issues.add(ConfigIssue(origin: origin, path: "parameters.\(key)",
                                       message: "no values after '=': write \(key)=v1,v2,… or \(key)='{range: [lo, hi], steps: n}'"))
                continue
            }
            let node: ConfigValue
            if text.hasPrefix("{") {
                do {
                    node = try ConfigParser.parseValue(text, origin: origin)
                } catch let error as ConfigError {
                    issues.add(contentsOf: error)
                    continue
                }
            } else {
                let items = text.split(separator: ",", omittingEmptySubsequences: false)
                    .map { ConfigValue.plain(String($0).trimmingCharacters(in: .whitespaces), origin: origin) }
                node = .mapping([("values", ConfigValue(.sequence(items), origin: origin))], origin: origin)
            }
            if let p = parameter(key, node, keyOrigin: origin, &issues) { out.append(p) }
        }
        try issues.throwIfAny()
        return out
    }

    /// Checks the whole spec: at least one parameter, no path twice, samples for lhs/sobol,
    /// steps for grid ranges, values only in grids, the point count within ``maximumPoints``.
    ///
    /// - Throws: ``ConfigError`` listing every problem.
    public func validate() throws {
        var issues = ConfigIssueList()
        check(at: ConfigOrigin(store: .commandLine, file: file), &issues)
        try issues.throwIfAny()
    }

    /// The number of points of the design (grid product or samples), or `nil` if unknown yet.
    public var pointCount: Int? {
        switch design {
        case .grid:
            var n = 1
            for p in parameters {
                let k: Int
                switch p.domain {
                case .values(let v): k = v.count
                default: guard let s = p.steps else { return nil }; k = s
                }
                let (product, overflow) = n.multipliedReportingOverflow(by: k)
                if overflow { return Int.max }
                n = product
            }
            return n
        case .lhs, .sobol:
            return samples
        case .saltelli:
            guard let samples else { return nil }
            return SaltelliDesign.pointCount(inputs: factors.count, baseRows: samples) ?? Int.max
        case .tornado:
            return TornadoDesign.pointCount(parameters: factors.count)
        }
    }

    /// The inputs of a Saltelli or tornado design: each group and each ungrouped parameter
    /// (``SweepGroup/factors(parameters:groups:)``); one per parameter without groups.
    public var factors: [SweepGroup.Factor] {
        SweepGroup.factors(parameters: parameters.map(\.path.description), groups: groups)
    }

    private func check(at origin: ConfigOrigin, requireSamples: Bool = true, _ issues: inout ConfigIssueList) {
        let parametersPath = ConfigPath.root.appending("parameters")
        guard !parameters.isEmpty else {
            issues.add(origin, parametersPath, "no parameters to vary")
            return
        }
        var seen = Set<String>()
        for p in parameters where !seen.insert(p.path.description).inserted {
            issues.add(p.origin, parametersPath.appending(p.path.description), "parameter given twice")
        }
        for p in parameters {
            let at = parametersPath.appending(p.path.description)
            switch (design, p.domain) {
            case (.grid, .range), (.grid, .logRange):
                if p.steps == nil { issues.add(p.origin, at, "a grid needs steps (the number of values) with range/log_range") }
            case (.lhs, .values), (.sobol, .values), (.saltelli, .values), (.tornado, .values):
                issues.add(p.origin, at, "values only make a grid; \(design) samples a range or log_range")
            default:
                break
            }
        }
        if design != .grid && design != .tornado {
            if samples == nil && requireSamples {
                issues.add(origin, ConfigPath.root.appending("samples"), "\(design) needs samples (the number of points)")
            }
            if design == .sobol && parameters.count > SobolSequence.maximumDimensions {
                issues.add(origin, parametersPath, "sobol supports at most \(SobolSequence.maximumDimensions) parameters, found \(parameters.count)")
            }
        }
        let before = issues.count
        SweepGroup.check(groups, parameters: parameters, design: design, at: origin, &issues)
        if design == .saltelli && issues.count == before {
            let inputs = factors.count
            let what = groups.isEmpty ? "parameters" : "inputs (groups and ungrouped parameters)"
            if inputs < 2 {
                issues.add(origin, parametersPath, "sensitivity analysis needs at least 2 \(what), found \(inputs) "
                           + "(with one input its indices are trivially 1; use a sweep to see its effect)")
            }
            if inputs > SobolSequence.maximumDimensions / 2 {
                issues.add(origin, parametersPath, "a Saltelli design supports at most \(SobolSequence.maximumDimensions / 2) \(what), found \(inputs)")
            }
            if let n = samples, n < 2 {
                issues.add(origin, ConfigPath.root.appending("samples"), "a Saltelli design needs at least 2 base rows, found \(n)")
            }
        }
        if scramble && design != .sobol && design != .saltelli {
            issues.add(origin, ConfigPath.root.appending("scramble"), "scramble applies to sobol and saltelli designs only")
        }
        if let n = pointCount, n > SweepSpec.maximumPoints {
            issues.add(origin, parametersPath, "the design has \(n == Int.max ? "too many" : String(n)) points; at most \(SweepSpec.maximumPoints) are allowed")
        }
    }

    // MARK: Fields

    static func unknownKey(_ key: String, among keys: [String]) -> String {
        let near = ConfigSuggestion.phrase(for: key, among: keys)
        return "unknown key" + (near.isEmpty ? "; valid: " + keys.joined(separator: ", ") : near)
    }

    static func integer(_ node: ConfigValue?, _ key: String, in range: ClosedRange<Int>,
                        _ issues: inout ConfigIssueList) -> Int? {
        guard let node else { return nil }
        guard let x = node.number, x == x.rounded(), x >= Double(range.lowerBound), x <= Double(range.upperBound) else {
            issues.add(node.origin, ConfigPath.root.appending(key),
                       "expected an integer in \(range.lowerBound)…\(range.upperBound), found \(node.kindDescription)")
            return nil
        }
        return Int(x)
    }

    /// Why a `values` node is not a list of finite numbers, naming the first element that is not
    /// one (1-based, as a person counts): `element 2 of 3, 'b', is not a number`.
    static func notNumbers(_ value: ConfigValue) -> String {
        guard let items = value.elements else {
            return "expected a list of finite numbers, found \(value.kindDescription)"
        }
        guard let k = items.firstIndex(where: { $0.number == nil }) else { return "empty list of values" }
        let item = items[k]
        let what: String
        switch item.content {
        case .null: what = "is empty"
        case .scalar(let text, _) where text.isEmpty: what = "is empty"
        case .scalar(let text, _):
            if let x = ConfigValue.parseNumber(text), !x.isFinite {
                what = "'\(ConfigValue.abbreviated(text))', is not a finite number"
            } else {
                what = "'\(ConfigValue.abbreviated(text))', is not a number"
            }
        default: what = "is \(item.kindDescription), not a number"
        }
        let position = items.count == 1 ? "the only value" : "value \(k + 1) of \(items.count)"
        return "expected a list of finite numbers: \(position)" + (what.hasPrefix("'") ? ", " : " ") + what
            + (what.hasSuffix("is not a number") ? " (a sweep varies numeric fields only)" : "")
    }

    static func parameter(_ key: String, _ node: ConfigValue, keyOrigin: ConfigOrigin,
                          _ issues: inout ConfigIssueList) -> SweepParameter? {
        let at = ConfigPath.root.appending("parameters").appending(key)
        let path: ConfigPath
        do {
            path = try ConfigPath(parsing: key)
        } catch let error as ConfigError {
            issues.add(keyOrigin, at, "not a config path: " + error.issues.map(\.message).joined(separator: "; "))
            return nil
        } catch {
            return nil
        }
        guard let entries = node.entries else {
            issues.add(node.origin, at, "expected {values: [...]}, {range: [lo, hi], steps: n} or {log_range: [lo, hi], steps: n}, found \(node.kindDescription)")
            return nil
        }
        let before = issues.count
        for entry in entries where !domainKeys.contains(entry.key) {
            issues.add(entry.keyOrigin, at.appending(entry.key), unknownKey(entry.key, among: domainKeys))
        }
        let given = domainKeys.dropLast().filter { node[$0] != nil }
        guard given.count == 1, let kind = given.first, let value = node[kind] else {
            issues.add(node.origin, at, given.isEmpty ? "give one of values, range or log_range"
                                                      : "give only one of " + given.joined(separator: ", "))
            return nil
        }
        let numbers: [Double]? = value.elements.flatMap { items in
            let xs = items.compactMap(\.number)
            return xs.count == items.count ? xs : nil
        }
        var domain: SweepParameter.Domain?
        switch kind {
        case "values":
            if let numbers, !numbers.isEmpty {
                domain = .values(numbers)
            } else {
                issues.add(value.origin, at.appending(kind), numbers == nil ? SweepSpec.notNumbers(value) : "empty list of values")
            }
        default:
            guard let numbers, numbers.count == 2 else {
                issues.add(value.origin, at.appending(kind), "expected [lo, hi] (two finite numbers), found \(value.kindDescription)")
                break
            }
            let (lo, hi) = (numbers[0], numbers[1])
            if kind == "log_range" && (lo <= 0 || hi <= 0) {
                issues.add(value.origin, at.appending(kind), "log_range bounds must be positive, found [\(CSVTable.format(lo)), \(CSVTable.format(hi))]")
            } else if !(lo < hi) {
                issues.add(value.origin, at.appending(kind), "empty range: lower bound \(CSVTable.format(lo)) is not below upper bound \(CSVTable.format(hi))")
            } else {
                domain = kind == "range" ? .range(lo, hi) : .logRange(lo, hi)
            }
        }
        var steps: Int?
        if let node = node["steps"] {
            if let x = node.number, x == x.rounded(), x >= 1, x <= Double(maximumPoints) {
                steps = Int(x)
            } else {
                issues.add(node.origin, at.appending("steps"), "expected an integer in 1…\(maximumPoints), found \(node.kindDescription)")
            }
        }
        guard issues.count == before, let domain else { return nil }
        return SweepParameter(path: path, domain: domain, steps: steps, origin: keyOrigin)
    }
}

import Foundation
