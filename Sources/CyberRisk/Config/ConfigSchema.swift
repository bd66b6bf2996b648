/// The shape of a configuration: field names of every record, distribution kinds, which
/// mappings are open tables, and the built-in defaults of a sector that is not a default sector.
///
/// The field lists are in the order of `configs/baseline.yaml`, which is also the order of the
/// resolved dump.
package enum ConfigSchema {
    static let topLevel = ["name", "description", "start_year", "horizon_years", "trials", "seed",
                           "population", "shared", "sectors", "dependencies", "cascade", "scenario", "events",
                           "human_security", "tolerances", "calibration"]
    static let sector = ["id", "name", "criticality", "population_reliance", "output_usd_bn",
                         "digital", "threat", "severity"]
    static let growth = ["initial", "ceiling", "rate"]
    static let threat = ["attacks_per_year", "success_probability", "iot_elasticity"]
    static let betaShape = ["alpha", "beta"]
    static let dependencies = ["source", "matrix", "csv", "lifeline_overlay", "cyber_coupling"]
    static let lifelineOverlay = ["enabled", "floors"]
    static let cascade = ["mode", "failure_threshold"]
    static let scenario = ["iot", "neural", "threat_climate", "defense"]
    static let iot = ["devices_bn", "personal_share", "compromise_rate"]
    static let neural = ["users", "compromise_probability", "attacker_elasticity", "harm_severity"]
    static let threatClimate = ["sigma", "correlation"]
    static let event = ["id", "description", "frequency", "scaling", "footprint", "severity", "dependence"]
    static let eventScaling = ["iot_elasticity", "hub", "climate_elasticity"]
    static let eventHub = ["sector", "elasticity"]
    static let footprintEntry = ["probability", "severity_scale"]
    static let dependence = ["common_factor"]
    static let sharedReference = ["shared", "scale"]
    /// The severity families: `{alpha, beta}` (Beta) or a mapping with one of these keys.
    static let severityFamilies = ["lognormal", "gpd", "spliced"]
    static let severityFields = ["alpha", "beta"] + severityFamilies
    static let lognormalSeverity = ["median", "sigma"]
    static let gpdSeverity = ["threshold", "scale", "shape"]
    static let splicedSeverity = ["body", "threshold", "tail_probability", "scale", "shape"]
    static let defense = ["vulnerability_decline", "cost_usd_bn_per_year"]
    static let tolerance = ["name", "metric", "statistic", "return_period", "max"]
    static let humanSecurity = ["weights", "dimensions"]
    static let humanWeights = ["services", "personal", "neural"]
    static let calibration = ["reporting_rate", "incidents_per_attack"]

    /// The distribution kinds and the names of their values, in positional order.
    static let distributions: [(kind: String, fields: [String])] = [
        ("uniform", ["min", "max"]),
        ("triangular", ["min", "mode", "max"]),
        ("pert", ["min", "mode", "max"]),
        ("lognormal", ["median", "sigma"]),
        ("normal", ["mean", "sd", "min", "max"]),
    ]
    package static var distributionKinds: [String] { distributions.map(\.kind) }

    /// Fields whose value is a ``Parameter`` (a number or a distribution): merging replaces such a
    /// value whole instead of merging a distribution's mapping key by key.
    static let parameterFields: Set<String> = [
        "initial", "ceiling", "rate", "attacks_per_year", "success_probability", "iot_elasticity",
        "alpha", "beta", "cyber_coupling", "personal_share", "compromise_rate", "compromise_probability",
        "attacker_elasticity", "harm_severity", "vulnerability_decline", "reporting_rate",
        "frequency", "elasticity", "climate_elasticity", "sigma", "correlation", "probability", "median",
        "threshold", "scale", "shape", "tail_probability", "common_factor",
    ]

    /// The family key of a severity mapping (`"beta"` for `{alpha, beta}`), for merging: a
    /// severity of another family replaces the one below whole.
    static func severityFamily(of value: ConfigValue) -> String? {
        guard let entries = value.entries else { return nil }
        return entries.lazy.map(\.key).first { severityFamilies.contains($0) } ?? "beta"
    }

    /// `dependencies` keys of which a layer gives at most one: giving one drops the others
    /// (and the informational `source`) from the layers below.
    static let matrixAlternatives: Set<String> = ["matrix", "csv"]

    /// Whether an override may add the new key `key` to the mapping at `parent` (open tables,
    /// and the optional `dependencies` keys).
    static func allowsNewKey(_ key: String, under parent: ConfigPath) -> Bool {
        let keys = parent.components.map { component -> String? in
            if case .key(let k) = component { return k }
            return nil
        }
        switch keys.count {
        case 0: return key == "tolerances"
        case 1: return (keys[0] == "dependencies" && dependencies.contains(key)) || keys[0] == "shared"
        case 2:
            return (keys[0] == "human_security" && keys[1] == "dimensions")
                || (keys[0] == "events" && keys[1] == "footprint")
                || (keys[0] == "scenario" && keys[1] == "defense" && key == "cost_usd_bn_per_year")
        case 3:
            return (keys[0] == "dependencies" && keys[1] == "lifeline_overlay" && keys[2] == "floors")
                || (keys[0] == "human_security" && keys[1] == "dimensions" && keys[2] != nil)
        default: return false
        }
    }

    /// The built-in defaults of a sector whose id is not one of the default sectors (estimates,
    /// documented in `docs/config.md`).
    static func genericSector(id: String) -> ConfigValue {
        func n(_ x: String) -> ConfigValue { .plain(x) }
        return .mapping([
            ("id", ConfigValue(.scalar(id, quoted: true), origin: .builtIn)),
            ("name", ConfigValue(.scalar(id, quoted: true), origin: .builtIn)),
            ("criticality", n("1")),
            ("population_reliance", n("0.5")),
            ("output_usd_bn", n("0")),
            ("digital", .mapping([("initial", n("0.5")), ("ceiling", n("0.9")), ("rate", n("0.1"))])),
            ("threat", .mapping([("attacks_per_year", n("10")), ("success_probability", n("0.05")),
                                 ("iot_elasticity", n("0.5"))])),
            ("severity", .mapping([("alpha", n("0.5")), ("beta", n("50"))])),
        ])
    }
}
