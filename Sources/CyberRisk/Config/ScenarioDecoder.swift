import Foundation

/// Turns a resolved configuration tree into a ``Scenario``, validating every field and
/// collecting every problem (see `docs/config.md` for the checks).
///
/// Decoding goes on past a refused value so that one run reports all problems; checks that need
/// several values (ceiling ≥ initial, matrix shape, the spectral radius) run only when the values
/// they need were accepted.
struct ScenarioDecoder {
    /// The problems found.
    var issues = ConfigIssueList()
    /// Where `dependencies.csv` files are read from, by the store of the node that names them.
    let files: any ConfigFileSystem
    let embedded: any ConfigFileSystem
    /// The shared uncertainties by name, each resolved to its root (`scale` 1), once decoded.
    var sharedTable: [String: SharedReference] = [:]
    /// Shared names whose definitions were refused (references to them add no second issue).
    var sharedRefused: Set<String> = []

    /// Largest number of sectors.
    static let maximumSectors = 2000
    /// Largest number of trials.
    static let maximumTrials = Scenario.maximumTrials

    init(files: any ConfigFileSystem, embedded: any ConfigFileSystem) {
        self.files = files
        self.embedded = embedded
    }

    /// The scenario, or `nil` when any issue was recorded.
    mutating func decode(_ root: ConfigValue) -> Scenario? {
        guard let top = record(root, .root, ConfigSchema.topLevel) else { return nil }
        let name = string(top, "name", nonEmpty: true)
        let description = string(top, "description", nonEmpty: false)
        let startYear = integer(top, "start_year", 1900...3000)
        let horizon = integer(top, "horizon_years", 1...100)
        let trials = integer(top, "trials", 1...ScenarioDecoder.maximumTrials)
        let seed = seed(top, "seed")
        let population = number(top, "population", .atLeastOne)
        // The shared uncertainties first: every parameter below may refer to them.
        let shared = decodeShared(top["shared"], ConfigPath.root.appending("shared"))

        let structuralBefore = issues.count
        var sectors: [Sector]?
        var ids: [String]?
        if let node = required(top, "sectors") {
            (sectors, ids) = decodeSectors(node, ConfigPath.root.appending("sectors"))
        }
        var dependencies: Dependencies?
        if let node = required(top, "dependencies") {
            dependencies = decodeDependencies(node, ConfigPath.root.appending("dependencies"), ids: ids)
        }
        let structuralOK = issues.count == structuralBefore

        var cascade: CascadeSettings?
        if let node = required(top, "cascade") { cascade = decodeCascade(node, ConfigPath.root.appending("cascade")) }
        var parts: (IoTScenario, NeuralScenario, ThreatClimate, DefenseScenario)?
        if let node = required(top, "scenario") { parts = decodeScenarioParts(node, ConfigPath.root.appending("scenario")) }
        let events = decodeEvents(top["events"], ConfigPath.root.appending("events"), ids: ids)
        var human: HumanSecurity?
        if let node = required(top, "human_security") {
            human = decodeHumanSecurity(node, ConfigPath.root.appending("human_security"), ids: ids)
        }
        var calibration: CalibrationSettings?
        if let node = required(top, "calibration") {
            calibration = decodeCalibration(node, ConfigPath.root.appending("calibration"))
        }

        var tolerances: [Tolerance]? = []
        if let node = top["tolerances"], !node.isNull {
            let metrics = human.map { MetricSet(dimensions: $0.dimensions.map(\.name)).names }
            tolerances = decodeTolerances(node, ConfigPath.root.appending("tolerances"), metrics: metrics)
        }

        if structuralOK, let sectors, let dependencies, let horizon, let startYear {
            checkStability(sectors: sectors, dependencies: dependencies, horizon: horizon, startYear: startYear,
                           origin: (top["dependencies"]?["matrix"] ?? top["dependencies"])?.origin ?? root.origin)
        }

        if let sectors, let events, let parts {
            checkCounts(sectors: sectors, events: events, iot: parts.0, climate: parts.2, root: top)
        }

        guard issues.isEmpty, let name, let description, let startYear, let horizon, let trials, let seed,
              let population, let sectors, let dependencies, let cascade, let parts, let human,
              let events, let shared, let tolerances, let calibration else { return nil }
        return Scenario(name: name, description: description, startYear: startYear, horizonYears: horizon,
                        trials: trials, seed: seed, population: population, sectors: sectors,
                        dependencies: dependencies, cascade: cascade, iot: parts.0, neural: parts.1,
                        defense: parts.3, humanSecurity: human, threatClimate: parts.2, events: events,
                        shared: shared, tolerances: tolerances, calibration: calibration)
    }

    // MARK: Sectors

    /// The sectors, and their ids when every id is valid and unique (the matrix and tables need them).
    private mutating func decodeSectors(_ node: ConfigValue, _ path: ConfigPath) -> ([Sector]?, [String]?) {
        guard case .sequence(let elements) = node.content else {
            issues.add(node.origin, path, "expected a sequence of sectors, found \(node.kindDescription)")
            return (nil, nil)
        }
        guard (1...ScenarioDecoder.maximumSectors).contains(elements.count) else {
            issues.add(node.origin, path, "expected 1…\(ScenarioDecoder.maximumSectors) sectors, found \(elements.count)")
            return (nil, nil)
        }
        let before = issues.count
        var sectors: [Sector] = []
        var ids: [String] = []
        var idsOK = true
        var firstIndex: [String: Int] = [:]
        for (i, element) in elements.enumerated() {
            let p = path.appending(index: i)
            guard let r = record(element, p, ConfigSchema.sector) else {
                idsOK = false
                continue
            }
            let idBefore = issues.count
            let id = string(r, "id", nonEmpty: true)
            if let id {
                if !ScenarioDecoder.isIdentifier(id, digits: true) {
                    issues.add(r["id"]!.origin, p.appending("id"), "'\(ConfigValue.abbreviated(id))' is not a valid id: use lowercase letters, digits and '_' ([a-z0-9_]+)")
                } else if let first = firstIndex[id] {
                    issues.add(r["id"]!.origin, p.appending("id"), "duplicate sector id '\(id)' (also sectors[\(first)])")
                } else {
                    firstIndex[id] = i
                }
                ids.append(id)
            }
            if issues.count != idBefore { idsOK = false }
            let name = string(r, "name", nonEmpty: true)
            let criticality = number(r, "criticality", .nonNegative)
            let reliance = number(r, "population_reliance", .probability)
            let output = number(r, "output_usd_bn", .nonNegative)
            var digital: GrowthCurve?
            if let d = required(r, "digital") {
                digital = growth(d, p.appending("digital"), initial: .probability, ceiling: .probability)
            }
            var threat: Threat?
            if let t = required(r, "threat"), let tr = record(t, p.appending("threat"), ConfigSchema.threat) {
                let attacks = parameter(tr, "attacks_per_year", .nonNegative)
                let success = parameter(tr, "success_probability", .probability)
                let elasticity = parameter(tr, "iot_elasticity", .nonNegative)
                if let attacks, let success, let elasticity {
                    threat = Threat(attacksPerYear: attacks, successProbability: success, iotElasticity: elasticity)
                }
            }
            var severity: Severity?
            if let s = required(r, "severity") { severity = self.severity(s, p.appending("severity")) }
            if let id, let name, let criticality, let reliance, let output, let digital, let threat, let severity {
                sectors.append(Sector(id: id, name: name, criticality: criticality, populationReliance: reliance,
                                      outputUSDbn: output, digital: digital, threat: threat, severity: severity))
            }
        }
        let valid = issues.count == before
        return (valid ? sectors : nil, idsOK && ids.count == elements.count ? ids : nil)
    }

    /// A logistic curve `{initial, ceiling, rate}`: rate ≥ 0 and the ceiling never below the
    /// initial value (unless the initial value is 0: the curve is then 0).
    private mutating func growth(_ node: ConfigValue, _ path: ConfigPath, initial initialRange: ValueRange,
                                 ceiling ceilingRange: ValueRange) -> GrowthCurve? {
        guard let r = record(node, path, ConfigSchema.growth) else { return nil }
        let initial = parameter(r, "initial", initialRange)
        let ceiling = parameter(r, "ceiling", ceilingRange)
        let rate = parameter(r, "rate", .nonNegative)
        guard let initial, let ceiling, let rate else { return nil }
        if initial != .fixed(0), ceiling.lowerBound < initial.upperBound {
            let f = ScenarioEncoder.format
            let message: String
            if case .fixed(let k) = ceiling, case .fixed(let x0) = initial {
                message = "ceiling \(f(k)) is below initial \(f(x0)): the ceiling must be ≥ initial"
            } else {
                message = "the ceiling must be ≥ initial for every draw, but the ceiling can be as low as \(f(ceiling.lowerBound)) and initial as high as \(f(initial.upperBound))"
            }
            issues.add(r["ceiling"]!.origin, path.appending("ceiling"), message)
            return nil
        }
        return GrowthCurve(initial: initial, ceiling: ceiling, rate: rate)
    }

    // MARK: Dependencies

    private mutating func decodeDependencies(_ node: ConfigValue, _ path: ConfigPath, ids: [String]?) -> Dependencies? {
        guard let r = record(node, path, ConfigSchema.dependencies) else { return nil }
        let before = issues.count
        var matrix: DependencyMatrix?
        var source: String?
        if let sourceNode = r["source"], !sourceNode.isNull {
            source = string(sourceNode, path.appending("source"), nonEmpty: true)
        }
        switch (r["matrix"], r["csv"]) {
        case (.some, .some):
            issues.add(r["csv"]!.origin, path.appending("csv"), "give either matrix or csv, not both")
        case (.some(let m), nil):
            if let ids { matrix = inlineMatrix(m, path.appending("matrix"), count: ids.count) }
        case (nil, .some(let c)):
            if let file = string(c, path.appending("csv"), nonEmpty: true) {
                source = file
                if let ids { matrix = csvMatrix(file, c.origin, path.appending("csv"), ids: ids) }
            }
        case (nil, nil):
            if ids != nil {
                issues.add(node.origin, path.appending("matrix"),
                           "missing: give dependencies.matrix or dependencies.csv (required when the sectors differ from the default sectors)")
            }
        }
        var enabled: Bool?
        var floors: [Double]?
        if let o = required(r, "lifeline_overlay"), let overlay = record(o, path.appending("lifeline_overlay"), ConfigSchema.lifelineOverlay) {
            enabled = bool(overlay, "enabled")
            floors = lifelineFloors(overlay["floors"], path.appending("lifeline_overlay").appending("floors"), ids: ids)
        }
        let coupling = parameter(r, "cyber_coupling", .nonNegative)
        guard issues.count == before, let matrix, let enabled, let floors, let coupling else { return nil }
        return Dependencies(matrix: matrix, source: source, lifelineFloors: floors,
                            lifelineOverlayEnabled: enabled, cyberCoupling: coupling)
    }

    /// `matrix:` rows, `N×N` finite entries `≥ 0`.
    private mutating func inlineMatrix(_ node: ConfigValue, _ path: ConfigPath, count n: Int) -> DependencyMatrix? {
        let expected = "expected a \(n)×\(n) matrix (one row and one column per sector, in sector order)"
        guard case .sequence(let rows) = node.content else {
            issues.add(node.origin, path, "\(expected), found \(node.kindDescription)")
            return nil
        }
        let lengths = rows.map { $0.elements?.count }
        guard rows.count == n, lengths.allSatisfy({ $0 == n }) else {
            var shape = "\(rows.count) row\(rows.count == 1 ? "" : "s")"
            let counts = lengths.compactMap { $0 }
            if counts.count < rows.count {
                shape += " (\(rows.count - counts.count) not a sequence)"
            }
            if let lo = counts.min(), let hi = counts.max() {
                shape += lo == hi ? " of \(lo)" : " of \(lo)…\(hi)"
                if let bad = lengths.firstIndex(where: { $0 != n }), rows.count == n {
                    shape += "; row \(bad) has \(lengths[bad].map(String.init) ?? "no") entries"
                }
            }
            if rows.count == counts.count, let c = counts.first, counts.allSatisfy({ $0 == c }) {
                shape = "\(rows.count)×\(c)"
            }
            issues.add(node.origin, path, "\(expected), found \(shape)")
            return nil
        }
        var values = [Double](repeating: 0, count: n * n)
        var ok = true
        for (i, row) in rows.enumerated() {
            for (j, entry) in (row.elements ?? []).enumerated() {
                if let x = number(entry, path.appending(index: i).appending(index: j), .nonNegative) {
                    values[i * n + j] = x
                } else {
                    ok = false
                }
            }
        }
        return ok ? DependencyMatrix(count: n, values: values) : nil
    }

    /// The matrix of a dependency CSV, rows and columns matched to `ids`.
    private mutating func csvMatrix(_ file: String, _ origin: ConfigOrigin, _ path: ConfigPath, ids: [String]) -> DependencyMatrix? {
        guard let (bytes, fileOrigin) = read(file, from: origin, path) else { return nil }
        guard let csv = DependencyCSV.parse(bytes, origin: fileOrigin, path: path, issues: &issues) else { return nil }
        return csv.matrix(for: ids, path: path, issues: &issues)
    }

    /// Reads a file named by a node, relative to the file the node came from.
    mutating func read(_ reference: String, from origin: ConfigOrigin, _ path: ConfigPath) -> ([UInt8], ConfigOrigin)? {
        let store: ConfigOrigin.Store
        let fileSystem: any ConfigFileSystem
        let resolved: String
        switch origin.store {
        case .embedded:
            (store, fileSystem) = (.embedded, embedded)
            resolved = embedded.path(reference, relativeTo: origin.file)
        case .files:
            (store, fileSystem) = (.files, files)
            resolved = files.path(reference, relativeTo: origin.file)
        case .commandLine, .builtIn:
            (store, fileSystem) = (.files, files)
            resolved = files.path(reference, relativeTo: "")
        }
        do {
            return (try fileSystem.read(resolved), ConfigOrigin(store: store, file: resolved))
        } catch let error as ConfigError {
            let reasons = error.issues.map(\.message).joined(separator: "; ")
            let shown = ConfigOrigin(store: store, file: resolved).displayName
            issues.add(origin, path, "cannot read '\(shown)': \(reasons)")
        } catch {
            issues.add(origin, path, "cannot read '\(resolved)': \(error)")
        }
        return nil
    }

    /// `floors: {id: floor}` → one floor per sector (0 where none), each in `[0, 1)`.
    private mutating func lifelineFloors(_ node: ConfigValue?, _ path: ConfigPath, ids: [String]?) -> [Double]? {
        sectorTable(node, path, ids: ids, .floor, of: "floor")
    }

    /// A table `{sector_id: value, …}` → one value per sector, in sector order (0 for a sector
    /// not in it, and everywhere when the table is absent or null), each in `range`. `nil`, with
    /// the problems recorded, when it is not a mapping, a value is refused or an id is unknown —
    /// and when the sector ids are not known (`ids` is `nil`: the sectors themselves failed).
    private mutating func sectorTable(_ node: ConfigValue?, _ path: ConfigPath, ids: [String]?, _ range: ValueRange,
                                      of what: String) -> [Double]? {
        var values = ids.map { [Double](repeating: 0, count: $0.count) }
        guard let node, !node.isNull else { return values }
        guard case .mapping(let entries) = node.content else {
            issues.add(node.origin, path, "expected a mapping of sector id to \(what), found \(node.kindDescription)")
            return nil
        }
        let index = ids.map { Dictionary($0.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) }
        var ok = true
        for entry in entries {
            let p = path.appending(entry.key)
            let x = number(entry.value, p, range)
            if x == nil { ok = false }
            guard let ids, let index else { continue }
            guard let i = index[entry.key] else {
                issues.add(entry.keyOrigin, p, "unknown sector '\(ConfigValue.abbreviated(entry.key))'" + ConfigSuggestion.phrase(for: entry.key, among: ids))
                ok = false
                continue
            }
            if let x { values?[i] = x }
        }
        return ok ? values : nil
    }

    // MARK: Cascade, scenario, human security

    private mutating func decodeCascade(_ node: ConfigValue, _ path: ConfigPath) -> CascadeSettings? {
        guard let r = record(node, path, ConfigSchema.cascade) else { return nil }
        var mode: CascadeMode?
        if let text = string(r, "mode", nonEmpty: true) {
            mode = CascadeMode(rawValue: text)
            if mode == nil {
                let valid = CascadeMode.allCases.map(\.rawValue)
                issues.add(r["mode"]!.origin, path.appending("mode"),
                           "unknown cascade mode '\(ConfigValue.abbreviated(text))'" + ConfigSuggestion.phrase(for: text, among: valid) + " (valid: \(valid.joined(separator: ", ")))")
            }
        }
        let threshold = number(r, "failure_threshold", .threshold)
        guard let mode, let threshold else { return nil }
        return CascadeSettings(mode: mode, failureThreshold: threshold)
    }

    private mutating func decodeScenarioParts(_ node: ConfigValue, _ path: ConfigPath)
        -> (IoTScenario, NeuralScenario, ThreatClimate, DefenseScenario)? {
        var node = node
        if let moved = node.entry("botnet") {
            issues.add(moved.keyOrigin, path.appending("botnet"),
                       "scenario.botnet moved to the event catalogue: change the class with id iot_botnet under events (e.g. --set events.iot_botnet.frequency=…; docs/events.md)")
            node = node.removing("botnet")
        }
        guard let r = record(node, path, ConfigSchema.scenario) else { return nil }
        var iot: IoTScenario?
        if let n = required(r, "iot"), let x = record(n, path.appending("iot"), ConfigSchema.iot) {
            var devices: GrowthCurve?
            if let d = required(x, "devices_bn") {
                devices = growth(d, x.path.appending("devices_bn"), initial: .nonNegative, ceiling: .nonNegative)
            }
            let share = parameter(x, "personal_share", .probability)
            let rate = parameter(x, "compromise_rate", .probability)
            if let devices, let share, let rate {
                iot = IoTScenario(devices: devices, personalShare: share, compromiseRate: rate)
            }
        }
        var neural: NeuralScenario?
        if let n = required(r, "neural"), let x = record(n, path.appending("neural"), ConfigSchema.neural) {
            var users: GrowthCurve?
            if let u = required(x, "users") {
                users = growth(u, x.path.appending("users"), initial: .nonNegative, ceiling: .nonNegative)
            }
            let p = parameter(x, "compromise_probability", .probability)
            let e = parameter(x, "attacker_elasticity", .nonNegative)
            let h = parameter(x, "harm_severity", .probability)
            if let users, let p, let e, let h {
                neural = NeuralScenario(users: users, compromiseProbability: p, attackerElasticity: e, harmSeverity: h)
            }
        }
        var climate: ThreatClimate?
        if let n = required(r, "threat_climate"), let x = record(n, path.appending("threat_climate"), ConfigSchema.threatClimate) {
            let sigma = parameter(x, "sigma", .nonNegative)
            let correlation = parameter(x, "correlation", .probability)
            if let sigma, let correlation { climate = ThreatClimate(sigma: sigma, correlation: correlation) }
        }
        var defense: DefenseScenario?
        if let n = required(r, "defense"), let x = record(n, path.appending("defense"), ConfigSchema.defense) {
            var cost: Double?
            var costOK = true
            if let node = x["cost_usd_bn_per_year"], !node.isNull {
                cost = number(node, x.path.appending("cost_usd_bn_per_year"), .nonNegative)
                costOK = cost != nil
            }
            if let v = parameter(x, "vulnerability_decline", .probability), costOK {
                defense = DefenseScenario(vulnerabilityDecline: v, costUSDbnPerYear: cost)
            }
        }
        guard let iot, let neural, let climate, let defense else { return nil }
        return (iot, neural, climate, defense)
    }

    private mutating func decodeHumanSecurity(_ node: ConfigValue, _ path: ConfigPath, ids: [String]?) -> HumanSecurity? {
        guard let r = record(node, path, ConfigSchema.humanSecurity) else { return nil }
        var weights: (Double, Double, Double)?
        if let w = required(r, "weights"), let x = record(w, path.appending("weights"), ConfigSchema.humanWeights) {
            let s = number(x, "services", .nonNegative)
            let p = number(x, "personal", .nonNegative)
            let n = number(x, "neural", .nonNegative)
            if let s, let p, let n { weights = (s, p, n) }
        }
        var dimensions: [HumanDimension]? = []
        let dimPath = path.appending("dimensions")
        if let d = r["dimensions"], !d.isNull {
            if case .mapping(let entries) = d.content {
                for entry in entries {
                    if let dimension = humanDimension(entry, dimPath, ids: ids) {
                        dimensions?.append(dimension)
                    } else {
                        dimensions = nil
                    }
                }
            } else {
                issues.add(d.origin, dimPath, "expected a mapping of dimension name to sector weights, found \(d.kindDescription)")
                dimensions = nil
            }
        }
        guard let weights, let dimensions else { return nil }
        return HumanSecurity(servicesWeight: weights.0, personalWeight: weights.1, neuralWeight: weights.2,
                             dimensions: dimensions)
    }

    /// One dimension `name: {sector_id: weight ≥ 0, …}` (absent sectors weigh 0).
    private mutating func humanDimension(_ entry: ConfigValue.Entry, _ path: ConfigPath, ids: [String]?) -> HumanDimension? {
        let p = path.appending(entry.key)
        var ok = true
        if !ScenarioDecoder.isIdentifier(entry.key, digits: false) {
            issues.add(entry.keyOrigin, p, "'\(ConfigValue.abbreviated(entry.key))' is not a valid dimension name: use lowercase letters and '_' ([a-z_]+)")
            ok = false
        }
        let weights = sectorTable(entry.value, p, ids: ids, .nonNegative, of: "weight")
        guard ok, let weights else { return nil }
        return HumanDimension(name: entry.key, sectorWeights: weights)
    }

    // MARK: Spectral radius

    /// Refuses a scenario whose worst-case `A(t)` has spectral radius `≥ 1` in some year.
    private mutating func checkStability(sectors: [Sector], dependencies: Dependencies, horizon: Int,
                                         startYear: Int, origin: ConfigOrigin) {
        let path = ConfigPath.root.appending("dependencies")
        switch CascadeStability.check(sectors: sectors, dependencies: dependencies, horizonYears: horizon) {
        case .stable:
            break
        case .divergent(let t, let radius):
            issues.add(origin, path, "the cascade would diverge: in \(startYear + t) the worst-case dependency matrix A(t) (upper bounds of digital dependence and cyber_coupling, lifeline floors applied) has spectral radius \(String(format: "%.4f", radius)) ≥ 1")
        case .unknown(let t):
            issues.add(origin, path, "cannot compute the spectral radius of A(t) in \(startYear + t) (LAPACK did not converge)")
        }
    }
}
