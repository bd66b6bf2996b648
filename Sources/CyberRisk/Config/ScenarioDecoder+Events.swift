import Foundation

/// Decoding the systemic event catalogue (`events:`; docs/config.md, docs/events.md).
extension ScenarioDecoder {
    /// Most event classes.
    static let maximumEventClasses = 1000
    /// Most expected events of one class in a trial-year (frequency × growth, at the upper bounds).
    static let maximumEventsPerYear = 10_000.0
    /// Most expected successful attacks on a sector in a year when its severities are drawn one
    /// by one (lognormal, GPD, spliced).
    static let maximumDrawnAttacksPerYear = 1_000_000.0

    /// The event classes; `nil` after an issue. `ids` are the sectors' ids (`nil` if they are
    /// themselves invalid: footprints cannot then be checked).
    mutating func decodeEvents(_ node: ConfigValue?, _ path: ConfigPath, ids: [String]?) -> [EventClass]? {
        guard let node, !node.isNull else { return [] }
        guard case .sequence(let elements) = node.content else {
            issues.add(node.origin, path, "expected a sequence of event classes, found \(node.kindDescription)")
            return nil
        }
        guard elements.count <= ScenarioDecoder.maximumEventClasses else {
            issues.add(node.origin, path, "at most \(ScenarioDecoder.maximumEventClasses) event classes, found \(elements.count)")
            return nil
        }
        let before = issues.count
        var classes: [EventClass] = []
        var firstIndex: [String: Int] = [:]
        for (k, element) in elements.enumerated() {
            let p = path.appending(index: k)
            guard let r = record(element, p, ConfigSchema.event) else { continue }
            let id = string(r, "id", nonEmpty: true)
            if let id {
                if !ScenarioDecoder.isIdentifier(id, digits: true) {
                    issues.add(r["id"]!.origin, p.appending("id"), "'\(ConfigValue.abbreviated(id))' is not a valid id: use lowercase letters, digits and '_' ([a-z0-9_]+)")
                } else if let first = firstIndex[id] {
                    issues.add(r["id"]!.origin, p.appending("id"), "duplicate event class id '\(id)' (also events[\(first)])")
                } else {
                    firstIndex[id] = k
                }
            }
            var description = ""
            if let d = r["description"], !d.isNull { description = string(d, p.appending("description"), nonEmpty: false) ?? "" }
            let frequency = parameter(r, "frequency", .nonNegative)
            var iotElasticity = Parameter.fixed(0), climateElasticity = Parameter.fixed(0)
            var hub: EventHub?
            var scalingOK = true
            if let sc = r["scaling"], !sc.isNull {
                if let x = record(sc, p.appending("scaling"), ConfigSchema.eventScaling) {
                    if let e = x["iot_elasticity"] {
                        if let v = parameter(e, x.path.appending("iot_elasticity"), .nonNegative) { iotElasticity = v } else { scalingOK = false }
                    }
                    if let e = x["climate_elasticity"] {
                        if let v = parameter(e, x.path.appending("climate_elasticity"), .nonNegative) { climateElasticity = v } else { scalingOK = false }
                    }
                    if let h = x["hub"], !h.isNull {
                        hub = eventHub(h, x.path.appending("hub"), ids: ids)
                        if hub == nil { scalingOK = false }
                    }
                } else {
                    scalingOK = false
                }
            }
            var footprint: [EventFootprint]?
            if let f = required(r, "footprint") { footprint = eventFootprint(f, p.appending("footprint"), ids: ids) }
            var severity: Severity?
            if let s = required(r, "severity") { severity = self.severity(s, p.appending("severity")) }
            var dependence: EventDependence? = .shared
            if let d = r["dependence"], !d.isNull { dependence = eventDependence(d, p.appending("dependence")) }
            if let id, let frequency, scalingOK, let footprint, let severity, let dependence {
                classes.append(EventClass(id: id, description: description, frequency: frequency, iotElasticity: iotElasticity,
                                          hub: hub, climateElasticity: climateElasticity, footprint: footprint,
                                          severity: severity, dependence: dependence))
            }
        }
        return issues.count == before ? classes : nil
    }

    /// `{sector: id, elasticity: P ≥ 0}`.
    private mutating func eventHub(_ node: ConfigValue, _ path: ConfigPath, ids: [String]?) -> EventHub? {
        guard let r = record(node, path, ConfigSchema.eventHub) else { return nil }
        let sector = string(r, "sector", nonEmpty: true)
        let elasticity = parameter(r, "elasticity", .nonNegative)
        guard let sector, let elasticity, let ids else { return nil }
        guard let i = ids.firstIndex(of: sector) else {
            issues.add(r["sector"]!.origin, path.appending("sector"),
                       "unknown sector '\(ConfigValue.abbreviated(sector))'" + ConfigSuggestion.phrase(for: sector, among: ids))
            return nil
        }
        return EventHub(sector: i, elasticity: elasticity)
    }

    /// `{sector_id: p | {probability: p, severity_scale: k}, …}` → one entry per sector (absent
    /// sectors are never hit).
    private mutating func eventFootprint(_ node: ConfigValue, _ path: ConfigPath, ids: [String]?) -> [EventFootprint]? {
        guard case .mapping(let entries) = node.content else {
            issues.add(node.origin, path, "expected a mapping of sector id to hit probability (or {probability, severity_scale}), found \(node.kindDescription)")
            return nil
        }
        var footprint = ids.map { [EventFootprint](repeating: .none, count: $0.count) }
        let index = ids.map { Dictionary($0.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) }
        var ok = true
        for entry in entries {
            let p = path.appending(entry.key)
            var value: EventFootprint?
            if case .mapping = entry.value.content, !ScenarioDecoder.isReference(entry.value),
               let r = record(entry.value, p, ConfigSchema.footprintEntry) {
                let probability = parameter(r, "probability", .probability)
                var scale = 1.0
                if let k = r["severity_scale"] { scale = number(k, p.appending("severity_scale"), .nonNegative) ?? .nan }
                if let probability, !scale.isNaN { value = EventFootprint(probability: probability, severityScale: scale) }
            } else if case .mapping = entry.value.content, !ScenarioDecoder.isReference(entry.value) {
                value = nil
            } else if let probability = parameter(entry.value, p, .probability) {
                value = EventFootprint(probability: probability)
            }
            if value == nil { ok = false }
            guard let ids, let index else { continue }
            guard let i = index[entry.key] else {
                issues.add(entry.keyOrigin, p, "unknown sector '\(ConfigValue.abbreviated(entry.key))'" + ConfigSuggestion.phrase(for: entry.key, among: ids))
                ok = false
                continue
            }
            // A sector never hit is stored as `.none` whatever its scale, as the dump omits it.
            if let value { footprint?[i] = value.probability == .fixed(0) ? .none : value }
        }
        return ok ? footprint : nil
    }

    /// `shared` or `{common_factor: σ ≥ 0}`.
    private mutating func eventDependence(_ node: ConfigValue, _ path: ConfigPath) -> EventDependence? {
        if case .scalar(let text, _) = node.content {
            if text == "shared" { return .shared }
            issues.add(node.origin, path, "unknown dependence '\(ConfigValue.abbreviated(text))' (valid: shared, or {common_factor: sigma})")
            return nil
        }
        guard let r = record(node, path, ConfigSchema.dependence) else { return nil }
        guard let sigma = parameter(r, "common_factor", .nonNegative) else { return nil }
        return .commonFactor(sigma: sigma)
    }

    /// Refuses counts that would make a year take unbounded work: an event class whose expected
    /// events (frequency × IoT growth × hub growth × climate, all at their upper bounds) exceed
    /// ``maximumEventsPerYear``, and a sector with a severity drawn one by one whose expected
    /// successful attacks exceed ``maximumDrawnAttacksPerYear`` (Beta sums are chunked and
    /// need no bound).
    mutating func checkCounts(sectors: [Sector], events: [EventClass], iot: IoTScenario, climate: ThreatClimate,
                              root: Record) {
        let f = ScenarioEncoder.format
        let iotGrowth = ScenarioDecoder.growthBound(iot.devices)
        let climateBound = Foundation.exp(6 * climate.sigma.upperBound)
        for (k, event) in events.enumerated() {
            var mu = event.frequency.upperBound * Foundation.pow(iotGrowth, event.iotElasticity.upperBound)
                * Foundation.pow(climateBound, event.climateElasticity.upperBound)
            if let hub = event.hub {
                mu *= Foundation.pow(ScenarioDecoder.growthBound(sectors[hub.sector].digital), hub.elasticity.upperBound)
            }
            if !(mu <= ScenarioDecoder.maximumEventsPerYear) {
                let node = root["events"]?.elements?[k]["frequency"] ?? root.node
                issues.add(node.origin, ConfigPath.root.appending("events").appending(index: k).appending("frequency"),
                           "up to \(f(mu)) events a year (frequency × growth at the upper bounds); at most \(f(ScenarioDecoder.maximumEventsPerYear)) are allowed")
            }
        }
        for (i, sector) in sectors.enumerated() where sector.severity.kind != .beta {
            let t = sector.threat
            let lambda = t.attacksPerYear.upperBound * t.successProbability.upperBound
                * Foundation.pow(iotGrowth, t.iotElasticity.upperBound) * climateBound
            if !(lambda <= ScenarioDecoder.maximumDrawnAttacksPerYear) {
                let node = root["sectors"]?.elements?[i]["threat"] ?? root.node
                issues.add(node.origin, ConfigPath.root.appending("sectors").appending(index: i).appending("threat"),
                           "up to \(f(lambda)) successful attacks a year, each drawn from a \(sector.severity.kind) severity; at most \(f(ScenarioDecoder.maximumDrawnAttacksPerYear)) are allowed (Beta severities have no such limit)")
            }
        }
    }

    /// The largest `G(t)/G(0)` a logistic curve can reach over any horizon: `K_max/x0_min`
    /// (1 when the curve can start at 0, where the engine takes the ratio as 1).
    static func growthBound(_ g: GrowthCurve) -> Double {
        let x0 = g.initial.lowerBound
        guard x0 > 0 else { return 1 }
        return Swift.max(1, g.ceiling.upperBound / x0)
    }
}
