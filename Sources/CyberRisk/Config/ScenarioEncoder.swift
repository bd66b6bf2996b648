/// The fully resolved configuration as YAML text (`cyberrisk config --dump`, the run manifest,
/// state files), and its hash.
///
/// Every field is explicit, in the order of `configs/baseline.yaml`; distributions are in their
/// YAML form; the dependency matrix is inline (`matrix:` rows, with `source:` naming the CSV it
/// came from, if any) so the text is self-contained; the lifeline floors (non-zero ones) and the
/// overlay flag are kept even when the overlay is disabled. Numbers are written in the shortest
/// form that reads back to the same `Double`, so loading the dump gives an equal ``Scenario``.
package enum ScenarioEncoder {
    /// The resolved YAML of `scenario`.
    static func yaml(_ s: Scenario) -> String {
        var out = "# cyberrisk resolved configuration: every field explicit (docs/config.md)\n"
        out += "name: \(string(s.name))\n"
        out += "description: \(string(s.description))\n"
        out += "start_year: \(s.startYear)\n"
        out += "horizon_years: \(s.horizonYears)\n"
        out += "trials: \(s.trials)\n"
        out += "seed: \(s.seed)\n"
        out += "population: \(format(s.population))\n"
        out += shared(s.shared)
        out += "sectors:\n"
        for sector in s.sectors { out += self.sector(sector) }
        let d = s.dependencies
        let ids = s.sectors.map(\.id)
        out += "dependencies:\n"
        if let source = d.source { out += "  source: \(string(source))\n" }
        out += "  matrix:\n"
        let n = d.matrix.count
        for i in 0..<n {
            out += "    - [" + (0..<n).map { format(d.matrix[i, $0]) }.joined(separator: ", ") + "]\n"
        }
        out += "  lifeline_overlay:\n"
        out += "    enabled: \(d.lifelineOverlayEnabled)\n"
        out += "    floors: \(table(ids, d.lifelineFloors))\n"
        out += "  cyber_coupling: \(parameter(d.cyberCoupling))\n"
        out += "cascade: {mode: \(s.cascade.mode.rawValue), failure_threshold: \(format(s.cascade.failureThreshold))}\n"
        out += "scenario:\n"
        out += "  iot: {devices_bn: \(growth(s.iot.devices)), personal_share: \(parameter(s.iot.personalShare)), "
            + "compromise_rate: \(parameter(s.iot.compromiseRate))}\n"
        out += "  neural: {users: \(growth(s.neural.users)), compromise_probability: \(parameter(s.neural.compromiseProbability)), "
            + "attacker_elasticity: \(parameter(s.neural.attackerElasticity)), harm_severity: \(parameter(s.neural.harmSeverity))}\n"
        out += "  threat_climate: {sigma: \(parameter(s.threatClimate.sigma)), correlation: \(parameter(s.threatClimate.correlation))}\n"
        out += "  defense: {vulnerability_decline: \(parameter(s.defense.vulnerabilityDecline))"
            + (s.defense.costUSDbnPerYear.map { ", cost_usd_bn_per_year: \(format($0))" } ?? "") + "}\n"
        out += events(s.events, ids: ids)
        let h = s.humanSecurity
        out += "human_security:\n"
        out += "  weights: {services: \(format(h.servicesWeight)), personal: \(format(h.personalWeight)), neural: \(format(h.neuralWeight))}\n"
        if h.dimensions.isEmpty {
            out += "  dimensions: {}\n"
        } else {
            out += "  dimensions:\n"
            for dimension in h.dimensions {
                out += "    \(string(dimension.name)): \(table(ids, dimension.sectorWeights))\n"
            }
        }
        out += "calibration: {reporting_rate: \(parameter(s.calibration.reportingRate)), "
            + "incidents_per_attack: \(format(s.calibration.incidentsPerAttack))}\n"
        // Written only when given, so configurations without them keep their hash.
        if !s.tolerances.isEmpty {
            out += "tolerances:\n"
            for t in s.tolerances {
                let bound = t.returnPeriod.map { "return_period: \(format($0))" } ?? "statistic: \(t.statistic.name)"
                out += "  - {name: \(string(t.name)), metric: \(string(t.metric)), \(bound), max: \(format(t.max))}\n"
            }
        }
        return out
    }

    /// One entry of the `sectors:` list, every field explicit, as the resolved dump writes it
    /// (`  - id: …` and its indented fields, each line ending in a newline).
    public static func sector(_ sector: Sector) -> String {
        var out = "  - id: \(string(sector.id))\n"
        out += "    name: \(string(sector.name))\n"
        out += "    criticality: \(format(sector.criticality))\n"
        out += "    population_reliance: \(format(sector.populationReliance))\n"
        out += "    output_usd_bn: \(format(sector.outputUSDbn))\n"
        out += "    digital: \(growth(sector.digital))\n"
        out += "    threat: {attacks_per_year: \(parameter(sector.threat.attacksPerYear)), "
            + "success_probability: \(parameter(sector.threat.successProbability)), "
            + "iot_elasticity: \(parameter(sector.threat.iotElasticity))}\n"
        out += "    severity: \(severity(sector.severity))\n"
        return out
    }

    /// A stable identity of a configuration: FNV-1a 64 of the resolved YAML's UTF-8 bytes, as 16
    /// lowercase hex digits. Equal scenarios have equal hashes (for the same tool version).
    static func configHash(_ scenario: Scenario) -> String {
        configHash(yaml: yaml(scenario))
    }

    /// ``FNV1a64`` of `yaml`'s UTF-8 bytes, 16 lowercase hex digits.
    package static func configHash(yaml: String) -> String {
        let hex = String(FNV1a64.hash(Array(yaml.utf8)), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    // MARK: Pieces

    /// A number in the shortest form that reads back exactly: integers below 10^15 without a
    /// fraction (`300`), others as Swift prints them (`0.05`, `1e-05`, `2.5e+20`).
    package static func format(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(.towardZero), abs(x) < 1e15 {
            return String(Int64(x))
        }
        return "\(x)"
    }

    /// A parameter in its YAML form.
    static func parameter(_ p: Parameter) -> String {
        switch p {
        case .fixed(let x): return format(x)
        case .uniform(let a, let b): return "{uniform: [\(format(a)), \(format(b))]}"
        case .triangular(let a, let m, let b): return "{triangular: [\(format(a)), \(format(m)), \(format(b))]}"
        case .pert(let a, let m, let b): return "{pert: [\(format(a)), \(format(m)), \(format(b))]}"
        case .lognormal(let median, let sigma): return "{lognormal: {median: \(format(median)), sigma: \(format(sigma))}}"
        case .normal(let mean, let sd, let lo, let hi):
            return "{normal: {mean: \(format(mean)), sd: \(format(sd)), min: \(format(lo)), max: \(format(hi))}}"
        case .shared(let r):
            return r.scale == 1 ? "{shared: \(string(r.name))}" : "{shared: \(string(r.name)), scale: \(format(r.scale))}"
        }
    }

    private static func growth(_ g: GrowthCurve) -> String {
        "{initial: \(parameter(g.initial)), ceiling: \(parameter(g.ceiling)), rate: \(parameter(g.rate))}"
    }

    static func beta(_ b: BetaShape) -> String {
        "{alpha: \(parameter(b.alpha)), beta: \(parameter(b.beta))}"
    }

    /// `{id: value, …}` for the non-zero values, in sector order.
    static func table(_ ids: [String], _ values: [Double]) -> String {
        let pairs = zip(ids, values).filter { $0.1 != 0 }.map { "\(string($0.0)): \(format($0.1))" }
        return "{" + pairs.joined(separator: ", ") + "}"
    }

    /// A string as a plain scalar when that is unambiguous (letters, digits, spaces and `_-.()/`,
    /// starting with a letter, not a YAML keyword), otherwise double-quoted with escapes.
    package static func string(_ text: String) -> String {
        let keywords: Set<String> = ["true", "false", "null", "yes", "no", "on", "off", "y", "n"]
        let scalars = text.unicodeScalars
        let plainSafe = !text.isEmpty && text.count <= 200
            && scalars.first!.properties.isAlphabetic && scalars.first!.isASCII
            && scalars.last != " "
            && scalars.allSatisfy { c in
                c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || " _-.()/".unicodeScalars.contains(c))
            }
            && !keywords.contains(text.lowercased())
        if plainSafe { return text }
        var out = "\""
        for c in scalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if c.value < 0x20 || c.value == 0x7F || (0x80...0x9F).contains(c.value)
                    || c.value == 0x2028 || c.value == 0x2029 || c.value == 0xFEFF {
                    out += "\\u" + String(repeating: "0", count: 4 - String(c.value, radix: 16).count) + String(c.value, radix: 16)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }
}

