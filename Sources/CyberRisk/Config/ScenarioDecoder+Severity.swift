import Foundation

/// Decoding severity families (``Severity``): `{alpha, beta}`, `{lognormal: …}`, `{gpd: …}`,
/// `{spliced: …}` (docs/config.md, "Severities").
extension ScenarioDecoder {
    /// The least share of its mass a spliced body must put below the threshold (its draws are
    /// rejected above it).
    static let minimumBodyMass = 0.001

    /// A severity of any family at `node`.
    mutating func severity(_ node: ConfigValue, _ path: ConfigPath) -> Severity? {
        guard case .mapping(let entries) = node.content else {
            issues.add(node.origin, path, "expected a severity ({alpha, beta}, {lognormal: …}, {gpd: …} or {spliced: …}), found \(node.kindDescription)")
            return nil
        }
        let families = entries.filter { ConfigSchema.severityFamilies.contains($0.key) }
        guard let family = families.first else {
            guard let b = betaShape(node, path, known: ConfigSchema.severityFields) else { return nil }
            return .beta(b)
        }
        guard entries.count == 1 else {
            let keys = entries.map(\.key).joined(separator: ", ")
            issues.add(node.origin, path, "a \(family.key) severity is a mapping with the one key '\(family.key)', found \(keys)")
            return nil
        }
        let p = path.appending(family.key)
        switch family.key {
        case "lognormal":
            guard let r = record(family.value, p, ConfigSchema.lognormalSeverity) else { return nil }
            let median = parameter(r, "median", .positive)
            let sigma = parameter(r, "sigma", .nonNegative)
            guard let median, let sigma else { return nil }
            return .lognormal(median: median, sigma: sigma)
        case "gpd":
            guard let r = record(family.value, p, ConfigSchema.gpdSeverity) else { return nil }
            let threshold = parameter(r, "threshold", .floor)
            guard let tail = gpdTail(r, threshold: threshold) else { return nil }
            return .gpd(tail)
        default:
            return spliced(family.value, p)
        }
    }

    /// `{alpha, beta}`, both `> 0`; `known` names the fields offered in messages.
    mutating func betaShape(_ node: ConfigValue, _ path: ConfigPath, known: [String] = ConfigSchema.betaShape) -> BetaShape? {
        guard let r = record(node, path, known) else { return nil }
        let alpha = parameter(r, "alpha", .positive)
        let beta = parameter(r, "beta", .positive)
        guard let alpha, let beta else { return nil }
        return BetaShape(alpha: alpha, beta: beta)
    }

    /// The `scale` and `shape` of a GPD tail in `r` over `threshold`: `scale > 0`, `0 ≤ shape < 1`.
    private mutating func gpdTail(_ r: Record, threshold: Parameter?) -> GPDTail? {
        let scale = parameter(r, "scale", .positive)
        var shape: Parameter?
        if let node = required(r, "shape") {
            let p = r.path.appending("shape")
            if case .scalar(let text, false) = node.content, let x = ConfigValue.parseNumber(text), x.isFinite, x < 0 {
                issues.add(node.origin, p, "must be ≥ 0, found \(ScenarioEncoder.format(x)): a negative shape ξ (a bounded tail) is not supported; use 0 ≤ ξ < 1 (0: an exponential tail)")
            } else if let s = parameter(node, p, .nonNegative) {
                if s.upperBound >= 1 {
                    issues.add(node.origin, p, "must be < 1 for every draw, found \(ScenarioEncoder.format(s.upperBound)): with shape ξ ≥ 1 the mean severity would not exist")
                } else {
                    shape = s
                }
            }
        }
        guard let threshold, let scale, let shape else { return nil }
        return GPDTail(threshold: threshold, scale: scale, shape: shape)
    }

    /// `{body: {alpha, beta} | {lognormal: …}, threshold, tail_probability, scale, shape}`.
    private mutating func spliced(_ node: ConfigValue, _ path: ConfigPath) -> Severity? {
        guard let r = record(node, path, ConfigSchema.splicedSeverity) else { return nil }
        var body: SplicedBody?
        if let b = required(r, "body") {
            switch severity(b, path.appending("body")) {
            case .beta(let shape): body = .beta(shape)
            case .lognormal(let m, let s): body = .lognormal(median: m, sigma: s)
            case .some: issues.add(b.origin, path.appending("body"), "a spliced body must be Beta ({alpha, beta}) or lognormal")
            case nil: break
            }
        }
        var threshold: Parameter?
        if let node = required(r, "threshold"), let u = parameter(node, path.appending("threshold"), .nonNegative) {
            if u.lowerBound <= 0 || u.upperBound >= 1 {
                issues.add(node.origin, path.appending("threshold"),
                           "must lie inside the body's support and below the cap, in (0, 1), for every draw; found [\(ScenarioEncoder.format(u.lowerBound)), \(ScenarioEncoder.format(u.upperBound))]")
            } else {
                threshold = u
            }
        }
        let probability = parameter(r, "tail_probability", .probability)
        guard let tail = gpdTail(r, threshold: threshold), let body, let probability else { return nil }
        let splice = Severity.spliced(body: body, tailProbability: probability, tail: tail)
        if probability.lowerBound < 1 {
            let mass = ScenarioDecoder.smallestBodyMass(body, threshold: tail.threshold)
            if !(mass >= ScenarioDecoder.minimumBodyMass) {
                issues.add(r["threshold"]!.origin, path.appending("threshold"),
                           "the body puts only \(String(format: "%.3g", mass)) of its mass below the threshold (at least \(ScenarioDecoder.minimumBodyMass) is needed): the threshold is outside the body's support in practice")
                return nil
            }
        }
        return splice
    }

    /// The smallest `F_body(u)` over the corners of the parameters' ranges: `F` is monotone in
    /// each parameter (Beta: falls with `α`, rises with `β`; lognormal: falls with the median, and
    /// moves with `σ` away from ½), so the minimum over a box is at a corner.
    static func smallestBodyMass(_ body: SplicedBody, threshold: Parameter) -> Double {
        let (a, b) = body.parameters
        var smallest = Double.infinity
        for x in [a.lowerBound, a.upperBound] {
            for y in [b.lowerBound, b.upperBound] {
                for u in [threshold.lowerBound, threshold.upperBound] {
                    let kind: SeverityKind = if case .beta = body { .splicedBeta } else { .splicedLognormal }
                    let mass = SeveritySampler(kind: kind, x, y, u, 0, 1, 0).bodyMassBelowThreshold
                    smallest = Swift.min(smallest, mass.isNaN ? 0 : mass)
                }
            }
        }
        return smallest
    }
}
