/// The resolved YAML of severities, the event catalogue and the shared uncertainties.
extension ScenarioEncoder {
    /// A severity in its YAML form.
    static func severity(_ s: Severity) -> String {
        switch s {
        case .beta(let b): return beta(b)
        case .lognormal(let m, let sigma): return "{lognormal: {median: \(parameter(m)), sigma: \(parameter(sigma))}}"
        case .gpd(let t): return "{gpd: {" + tail(t) + "}}"
        case .spliced(let body, let p, let t):
            let b: String = switch body {
            case .beta(let shape): beta(shape)
            case .lognormal(let m, let sigma): "{lognormal: {median: \(parameter(m)), sigma: \(parameter(sigma))}}"
            }
            return "{spliced: {body: \(b), threshold: \(parameter(t.threshold)), tail_probability: \(parameter(p)), "
                + "scale: \(parameter(t.scale)), shape: \(parameter(t.shape))}}"
        }
    }

    private static func tail(_ t: GPDTail) -> String {
        "threshold: \(parameter(t.threshold)), scale: \(parameter(t.scale)), shape: \(parameter(t.shape))"
    }

    /// `events:` (always written: `events: []` for an empty catalogue).
    static func events(_ events: [EventClass], ids: [String]) -> String {
        guard !events.isEmpty else { return "events: []\n" }
        var out = "events:\n"
        for e in events {
            out += "  - id: \(string(e.id))\n"
            out += "    description: \(string(e.description))\n"
            out += "    frequency: \(parameter(e.frequency))\n"
            var scaling = "iot_elasticity: \(parameter(e.iotElasticity))"
            if let hub = e.hub {
                scaling += ", hub: {sector: \(string(ids[hub.sector])), elasticity: \(parameter(hub.elasticity))}"
            }
            scaling += ", climate_elasticity: \(parameter(e.climateElasticity))"
            out += "    scaling: {\(scaling)}\n"
            let hits = zip(ids, e.footprint).filter { $0.1.probability != .fixed(0) }.map { id, f in
                f.severityScale == 1 ? "\(string(id)): \(parameter(f.probability))"
                    : "\(string(id)): {probability: \(parameter(f.probability)), severity_scale: \(format(f.severityScale))}"
            }
            out += "    footprint: {" + hits.joined(separator: ", ") + "}\n"
            out += "    severity: \(severity(e.severity))\n"
            switch e.dependence {
            case .shared: out += "    dependence: shared\n"
            case .commonFactor(let sigma): out += "    dependence: {common_factor: \(parameter(sigma))}\n"
            }
        }
        return out
    }

    /// `shared:` in the order written (nothing when there are none).
    static func shared(_ entries: [SharedUncertainty]) -> String {
        guard !entries.isEmpty else { return "" }
        return "shared:\n" + entries.map { "  \(string($0.name)): \(parameter($0.definition))\n" }.joined()
    }
}
