import CyberRisk

import Synchronization

/// A sweep resolved against its base scenario and checked end to end before any work: every
/// parameter path exists and holds a number (or a distribution), and every point's config
/// validates.
///
/// The plan is a pure function of the spec and the base config, and so is its ``hash``, which
/// journals and shard merges compare to refuse mixing different sweeps.
///
/// ```swift
/// let spec = try SweepSpec(parsing: bytes, file: "configs/sweeps/iot-neural-grid.yaml")
/// let plan = try SweepPlan(spec: spec)
/// plan.points.count      // 12
/// plan.scenario(at: 3)   // the validated scenario of point 3
/// ```
public struct SweepPlan: Sendable {
    public let spec: SweepSpec
    /// The base scenario with the spec's overrides, trials and seed applied.
    public let base: ResolvedScenario
    public let trials: Int
    /// The design seed (spec `seed`, else the base config's).
    public let seed: UInt64
    public let points: [SweepPoint]
    /// Validated scenario of each point (index = point index).
    let scenarios: [Scenario]
    /// The spec in canonical form: what the ``hash`` covers.
    let canonicalText: String
    /// Hex FNV-1a 64 of ``canonicalText``.
    public let hash: String

    /// Fields a sweep may not vary: it sets them itself.
    static let reservedPaths = ["trials", "seed"]

    /// Resolves and checks the sweep against the embedded scenarios and the files on disk,
    /// validating its points on `threads` workers.
    ///
    /// - Throws: ``ConfigError`` for a base that does not load, a parameter path that does not
    ///   exist (nearest paths suggested) or is not numeric, and every point whose config fails
    ///   validation (naming the point and its values); ``ScenarioCatalogError`` for an unknown
    ///   base scenario name.
    public init(spec: SweepSpec, threads: Int = 1) throws {
        try self.init(spec: spec, loader: ScenarioCatalog.loader, threads: threads)
    }

    /// Resolves and checks the sweep with `loader` (its files and embedded configs).
    package init(spec: SweepSpec, loader: ConfigLoader, threads: Int = 1) throws {
        try spec.validate()
        self.spec = spec
        let source: ConfigLoader.Source
        switch spec.base {
        case .embeddedDefault: source = .embedded("baseline.yaml")
        case .file(let path): source = .file(path)
        case .named(let name):
            guard let path = ScenarioCatalog.path(of: name) else { throw ScenarioCatalogError.unknown(name) }
            source = .embedded(path)
        }
        var overrides = spec.overrides
        if let t = spec.trials { overrides.append("trials=\(t)") }
        let base = try loader.resolve(source, overrides: overrides)
        self.base = base
        trials = base.scenario.trials
        seed = spec.seed ?? base.scenario.seed

        // Paths: present in the base tree, numeric (or a distribution), not reserved.
        var issues = ConfigIssueList()
        for p in spec.parameters {
            let at = ConfigPath.root.appending("parameters").appending(p.path.description)
            if SweepPlan.reservedPaths.contains(p.path.description) {
                issues.add(p.origin, at, "\(p.path) is set by the sweep itself (use the spec's \(p.path): key)")
                continue
            }
            do {
                _ = try base.tree.setting(.plain("0"), at: p.path)
            } catch let error as ConfigError {
                for issue in error.issues { issues.add(p.origin, at, issue.message) }
                continue
            }
            if let node = base.tree.value(at: p.path), !SweepPlan.isNumeric(node) {
                issues.add(p.origin, at, "not a numeric field: \(p.path) is \(node.kindDescription)")
            }
        }
        try issues.throwIfAny()

        let baseValues = spec.design == .tornado ? spec.parameters.map { TornadoDesign.baseValue(base.tree.value(at: $0.path)) } : []
        let columns = spec.design == .saltelli || spec.design == .tornado
            ? SweepGroup.column(ofParameters: spec.parameters.count, factors: spec.factors) : []
        let rows = SweepDesign.points(spec.design, parameters: spec.parameters, samples: spec.samples ?? 0,
                                      seed: seed, scramble: spec.scramble, base: baseValues, columns: columns)
        let seed = self.seed
        // A tornado's swings share one seed (common random numbers); other designs derive one per point.
        let common = spec.design == .tornado
        points = rows.enumerated().map { SweepPoint(index: $0.offset, values: $0.element,
                                                    seed: common ? seed : SweepPoint.seed(sweepSeed: seed, index: $0.offset)) }
        scenarios = try SweepPlan.validatePoints(points, spec: spec, base: base, loader: loader, threads: threads)

        var lines = ["cyberrisk sweep plan v1",
                     "base_config_hash: \(base.hash)",
                     "trials: \(trials)",
                     "seed: \(seed)",
                     "design: \(spec.design)",
                     "samples: \(spec.design == .grid ? "-" : String(spec.samples ?? 0))",
                     "scramble: \(spec.scramble)"]
        lines += spec.parameters.map { "parameter: " + $0.canonical }
        // Groups and tail outputs appear only when used, so the hashes of other sweeps stay.
        lines += spec.groups.map(\.canonical)
        if spec.tailOutputs { lines.append("tail: true") }
        canonicalText = lines.joined(separator: "\n") + "\n"
        hash = ScenarioEncoder.configHash(yaml: canonicalText)
    }

    /// The parameters' paths, in spec order (the columns of `points.csv` and `sweep.csv`).
    public var parameterPaths: [String] { spec.parameters.map(\.path.description) }

    /// The inputs of a Saltelli design (``SweepSpec/factors``).
    public var factors: [SweepGroup.Factor] { spec.factors }

    /// The validated scenario of point `index`.
    public func scenario(at index: Int) -> Scenario { scenarios[index] }

    /// The points of `shard`: indices `≡ shard.index (mod shard.count)`.
    public func points(in shard: Shard) -> [SweepPoint] {
        points.filter { $0.index % shard.count == shard.index }
    }

    /// Whether a config node can take a swept number: a numeric scalar or a distribution mapping.
    static func isNumeric(_ node: ConfigValue) -> Bool {
        if node.number != nil { return true }
        if let entries = node.entries, entries.count == 1, ConfigSchema.distributionKinds.contains(entries[0].key) { return true }
        return false
    }

    /// The config tree of `point` (base tree with the point's values set; a tornado point sets
    /// only its swung input's parameters, the others stay as in the base).
    static func tree(of point: SweepPoint, spec: SweepSpec, base: ResolvedScenario) throws -> ConfigValue {
        var tree = base.tree
        try tree.set(.plain(String(point.seed), origin: .builtIn), at: ConfigPath.root.appending("seed"))
        let swung = spec.design == .tornado ? TornadoDesign.swing(ofPoint: point.index).map { spec.factors[$0.parameter].parameters } : nil
        for (j, (p, x)) in zip(spec.parameters, point.values).enumerated() where spec.design != .tornado || swung?.contains(j) == true {
            try tree.set(.plain(ScenarioEncoder.format(x), origin: p.origin), at: p.path)
        }
        return tree
    }

    /// Decodes and validates every point, in parallel; all failures are reported together.
    static func validatePoints(_ points: [SweepPoint], spec: SweepSpec, base: ResolvedScenario,
                               loader: ConfigLoader, threads: Int) throws -> [Scenario] {
        let results = Mutex<[Int: Result<Scenario, ConfigError>]>([:])
        WorkerPool(threads: threads).forEach(units: points.count) { k in
            let result: Result<Scenario, ConfigError>
            do {
                let tree = try tree(of: points[k], spec: spec, base: base)
                result = .success(try loader.scenario(from: tree))
            } catch let error as ConfigError {
                result = .failure(error)
            } catch {
                result = .failure(ConfigError(origin: .builtIn, path: "", message: "\(error)"))
            }
            results.withLock { $0[k] = result }
        }
        var issues = ConfigIssueList()
        var scenarios: [Scenario] = []
        scenarios.reserveCapacity(points.count)
        results.withLock { all in
            for point in points {
                switch all[point.index]! {
                case .success(let s):
                    scenarios.append(s)
                case .failure(let error):
                    let values = zip(spec.parameters, point.values)
                        .map { "\($0.path)=\(CSVTable.format($1))" }.joined(separator: ", ")
                    for issue in error.issues {
                        issues.add(ConfigIssue(file: issue.file, line: issue.line, path: issue.path,
                                               message: "point \(point.index) (\(values)): \(issue.message)"))
                    }
                }
            }
        }
        try issues.throwIfAny()
        return scenarios
    }
}
