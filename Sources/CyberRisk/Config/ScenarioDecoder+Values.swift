import Foundation

/// Reading typed values (numbers, integers, strings, booleans, parameters) out of tree nodes,
/// recording a precise issue for each refusal.
extension ScenarioDecoder {
    /// A mapping's fields, after unknown ones were reported.
    struct Record {
        var node: ConfigValue
        var path: ConfigPath
        var fields: [String: ConfigValue]

        subscript(name: String) -> ConfigValue? { fields[name] }
    }

    /// The mapping at `node` with its fields; unknown fields are reported (with the nearest known
    /// name), and `nil` is returned when the node is not a mapping.
    mutating func record(_ node: ConfigValue, _ path: ConfigPath, _ known: [String]) -> Record? {
        guard case .mapping(let entries) = node.content else {
            issues.add(node.origin, path, "expected a mapping with fields \(known.joined(separator: ", ")), found \(node.kindDescription)")
            return nil
        }
        var fields: [String: ConfigValue] = [:]
        for entry in entries {
            if known.contains(entry.key) {
                fields[entry.key] = entry.value
            } else {
                let near = ConfigSuggestion.phrase(for: entry.key, among: known)
                let hint = near.isEmpty ? " (valid: \(known.joined(separator: ", ")))" : near
                issues.add(entry.keyOrigin, path.appending(entry.key), "unknown field '\(ConfigValue.abbreviated(entry.key))'" + hint)
            }
        }
        return Record(node: node, path: path, fields: fields)
    }

    /// The field's node, or `nil` after reporting it missing.
    mutating func required(_ record: Record, _ name: String) -> ConfigValue? {
        if let value = record[name] { return value }
        issues.add(record.node.origin, record.path.appending(name), "missing field")
        return nil
    }

    // MARK: Numbers

    /// A finite number (plain scalar); `nil` after an issue otherwise.
    mutating func number(_ node: ConfigValue, _ path: ConfigPath) -> Double? {
        switch node.content {
        case .scalar(let text, false):
            guard let x = ConfigValue.parseNumber(text) else {
                issues.add(node.origin, path, "expected a number, found '\(ConfigValue.abbreviated(text))'")
                return nil
            }
            guard x.isFinite else {
                issues.add(node.origin, path, "must be a finite number, found '\(ConfigValue.abbreviated(text))'")
                return nil
            }
            return x
        case .mapping(let entries) where entries.count == 1 && ConfigSchema.distributionKinds.contains(entries[0].key):
            issues.add(node.origin, path, "expected a number, found a distribution (this field cannot be uncertain)")
            return nil
        case .mapping where ScenarioDecoder.isReference(node):
            issues.add(node.origin, path, "expected a number, found a shared reference (this field cannot be uncertain)")
            return nil
        default:
            issues.add(node.origin, path, "expected a number, found \(node.kindDescription)")
            return nil
        }
    }

    /// A number in `range`.
    mutating func number(_ node: ConfigValue, _ path: ConfigPath, _ range: ValueRange) -> Double? {
        guard let x = number(node, path) else { return nil }
        guard range.contains(x) else {
            issues.add(node.origin, path, "must be \(range.phrase), found \(ScenarioEncoder.format(x))")
            return nil
        }
        return x
    }

    /// The field `name` of `record` as a number in `range`.
    mutating func number(_ record: Record, _ name: String, _ range: ValueRange) -> Double? {
        guard let node = required(record, name) else { return nil }
        return number(node, record.path.appending(name), range)
    }

    /// The field as an integer in `bounds` (written as an integer or any number with an integral
    /// value, e.g. `1e5`).
    mutating func integer(_ record: Record, _ name: String, _ bounds: ClosedRange<Int>) -> Int? {
        guard let node = required(record, name) else { return nil }
        let path = record.path.appending(name)
        guard let x = number(node, path) else { return nil }
        let range = "\(bounds.lowerBound)…\(bounds.upperBound)"
        guard x.rounded(.towardZero) == x else {
            issues.add(node.origin, path, "must be an integer in \(range), found \(ScenarioEncoder.format(x))")
            return nil
        }
        guard x >= Double(bounds.lowerBound), x <= Double(bounds.upperBound) else {
            issues.add(node.origin, path, "must be in \(range), found \(ScenarioEncoder.format(x))")
            return nil
        }
        return Int(x)
    }

    /// The field as an unsigned 64-bit integer (decimal digits exactly, or an integral number
    /// below 2^64).
    mutating func seed(_ record: Record, _ name: String) -> UInt64? {
        guard let node = required(record, name) else { return nil }
        let path = record.path.appending(name)
        if case .scalar(let text, false) = node.content, let exact = UInt64(text) { return exact }
        guard let x = number(node, path) else { return nil }
        guard x.rounded(.towardZero) == x, x >= 0, x < 18_446_744_073_709_551_616.0 else {
            issues.add(node.origin, path, "must be an integer in 0…18446744073709551615, found \(ScenarioEncoder.format(x))")
            return nil
        }
        return UInt64(x)
    }

    // MARK: Strings and flags

    /// The field as a string (any scalar's text); `nonEmpty` refuses `""`.
    mutating func string(_ record: Record, _ name: String, nonEmpty: Bool) -> String? {
        guard let node = required(record, name) else { return nil }
        return string(node, record.path.appending(name), nonEmpty: nonEmpty)
    }

    mutating func string(_ node: ConfigValue, _ path: ConfigPath, nonEmpty: Bool) -> String? {
        guard case .scalar(let text, _) = node.content else {
            issues.add(node.origin, path, "expected a string, found \(node.kindDescription)")
            return nil
        }
        if nonEmpty && text.isEmpty {
            issues.add(node.origin, path, "must not be empty")
            return nil
        }
        return text
    }

    /// The field as `true`/`false` (also `True`, `TRUE`, `False`, `FALSE`; not quoted).
    mutating func bool(_ record: Record, _ name: String) -> Bool? {
        guard let node = required(record, name) else { return nil }
        if case .scalar(let text, false) = node.content {
            if ["true", "True", "TRUE"].contains(text) { return true }
            if ["false", "False", "FALSE"].contains(text) { return false }
        }
        issues.add(node.origin, record.path.appending(name), "expected true or false, found \(node.kindDescription)")
        return nil
    }

    /// Whether `text` is `[a-z0-9_]+` (or `[a-z_]+` without digits).
    static func isIdentifier(_ text: String, digits: Bool) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy {
            ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F || (digits && $0 >= 0x30 && $0 <= 0x39)
        }
    }

    // MARK: Parameters

    /// The field as a ``Parameter`` whose every draw lies in `range`.
    mutating func parameter(_ record: Record, _ name: String, _ range: ValueRange) -> Parameter? {
        guard let node = required(record, name) else { return nil }
        return parameter(node, record.path.appending(name), range)
    }

    /// A number (fixed) or a distribution `{kind: [values…]}` / `{kind: {name: value, …}}`,
    /// internally consistent, with every draw in `range`.
    mutating func parameter(_ node: ConfigValue, _ path: ConfigPath, _ range: ValueRange) -> Parameter? {
        let result: Parameter
        switch node.content {
        case .scalar:
            guard let x = number(node, path) else { return nil }
            result = .fixed(x)
        case .mapping where ScenarioDecoder.isReference(node):
            guard let reference = sharedParameter(node, path) else { return nil }
            result = reference
        case .mapping(let entries):
            guard entries.count == 1 else {
                let keys = entries.map(\.key).joined(separator: ", ")
                issues.add(node.origin, path, "a distribution is a mapping with one key (\(ConfigSchema.distributionKinds.joined(separator: ", "))), found \(entries.count) keys: \(keys)")
                return nil
            }
            let entry = entries[0]
            guard let spec = ConfigSchema.distributions.first(where: { $0.kind == entry.key }) else {
                let near = ConfigSuggestion.phrase(for: entry.key, among: ConfigSchema.distributionKinds)
                issues.add(entry.keyOrigin, path.appending(entry.key),
                           "unknown distribution '\(ConfigValue.abbreviated(entry.key))'\(near) (valid: \(ConfigSchema.distributionKinds.joined(separator: ", ")))")
                return nil
            }
            let kindPath = path.appending(spec.kind)
            guard let values = distributionValues(entry.value, kindPath, spec.fields) else { return nil }
            guard let p = distribution(spec.kind, values, entry.value.origin, kindPath) else { return nil }
            result = p
        default:
            issues.add(node.origin, path, "expected a number or a distribution, found \(node.kindDescription)")
            return nil
        }
        if let problem = range.violation(of: result) {
            issues.add(node.origin, path, problem)
            return nil
        }
        return result
    }

    /// The values of a distribution, positional (`[a, b, c]`) or named (`{min: a, …}`), in the
    /// order of `fields`.
    private mutating func distributionValues(_ node: ConfigValue, _ path: ConfigPath, _ fields: [String]) -> [Double]? {
        let form = "[\(fields.joined(separator: ", "))]"
        switch node.content {
        case .sequence(let elements):
            guard elements.count == fields.count else {
                issues.add(node.origin, path, "expects \(fields.count) values \(form), found \(elements.count)")
                return nil
            }
            var values: [Double] = []
            var ok = true
            for (i, element) in elements.enumerated() {
                if let x = number(element, path.appending(index: i)) { values.append(x) } else { ok = false }
            }
            return ok ? values : nil
        case .mapping:
            guard let r = record(node, path, fields) else { return nil }
            var values: [Double] = []
            var ok = true
            for name in fields {
                guard let field = required(r, name), let x = number(field, path.appending(name)) else {
                    ok = false
                    continue
                }
                values.append(x)
            }
            return ok ? values : nil
        default:
            issues.add(node.origin, path, "expects \(form) or a mapping with those fields, found \(node.kindDescription)")
            return nil
        }
    }

    /// The distribution from its finite values, checked for consistency.
    private mutating func distribution(_ kind: String, _ v: [Double], _ origin: ConfigOrigin, _ path: ConfigPath) -> Parameter? {
        func fail(_ message: String) -> Parameter? {
            issues.add(origin, path, message)
            return nil
        }
        let f = ScenarioEncoder.format
        switch kind {
        case "uniform":
            guard v[0] <= v[1] else { return fail("needs min ≤ max, found [\(f(v[0])), \(f(v[1]))]") }
            return .uniform(lower: v[0], upper: v[1])
        case "triangular", "pert":
            guard v[0] <= v[1], v[1] <= v[2] else {
                return fail("needs min ≤ mode ≤ max, found [\(f(v[0])), \(f(v[1])), \(f(v[2]))]")
            }
            guard v[0] < v[2] else { return fail("needs min < max (write a plain number for a fixed value), found min = max = \(f(v[0]))") }
            return kind == "pert" ? .pert(lower: v[0], mode: v[1], upper: v[2])
                : .triangular(lower: v[0], mode: v[1], upper: v[2])
        case "lognormal":
            guard v[0] > 0 else { return fail("needs median > 0, found \(f(v[0]))") }
            guard v[1] >= 0 else { return fail("needs sigma ≥ 0, found \(f(v[1]))") }
            guard (v[0] * Foundation.exp(6 * v[1])).isFinite else { return fail("median·e^(6·sigma) overflows: sigma \(f(v[1])) is too large") }
            return .lognormal(median: v[0], sigma: v[1])
        default: // normal
            let (mean, sd, lo, hi) = (v[0], v[1], v[2], v[3])
            guard sd >= 0 else { return fail("needs sd ≥ 0, found \(f(sd))") }
            guard lo <= hi else { return fail("needs min ≤ max, found min \(f(lo)) > max \(f(hi))") }
            let mass = ScenarioDecoder.normalMass(mean: mean, sd: sd, lower: lo, upper: hi)
            guard mass >= ScenarioDecoder.minimumNormalMass else {
                return fail("[\(f(lo)), \(f(hi))] holds only \(String(format: "%.3g", mass)) of N(\(f(mean)), \(f(sd))²); at least \(ScenarioDecoder.minimumNormalMass) is needed for resampling to end")
            }
            return .normal(mean: mean, sd: sd, lower: lo, upper: hi)
        }
    }

    /// The least share of a normal's mass its truncation interval must hold.
    static let minimumNormalMass = 0.001

    /// `P(lower ≤ X ≤ upper)` for `X ~ N(mean, sd²)` (1 or 0 when `sd = 0`), accurate in the tails.
    static func normalMass(mean: Double, sd: Double, lower: Double, upper: Double) -> Double {
        if sd == 0 || !(sd.isFinite) { return (lower <= mean && mean <= upper) ? 1 : 0 }
        let a = (lower - mean) / sd, b = (upper - mean) / sd
        // Upper-tail form when both ends are above the mean, lower-tail when both below.
        if a >= 0 { return 0.5 * (Foundation.erfc(a / 2.0.squareRoot()) - Foundation.erfc(b / 2.0.squareRoot())) }
        if b <= 0 { return 0.5 * (Foundation.erfc(-b / 2.0.squareRoot()) - Foundation.erfc(-a / 2.0.squareRoot())) }
        return 1 - 0.5 * Foundation.erfc(-a / 2.0.squareRoot()) - 0.5 * Foundation.erfc(b / 2.0.squareRoot())
    }
}
