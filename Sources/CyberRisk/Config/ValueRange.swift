/// The interval a field's values (or every draw of its distribution) must lie in.
struct ValueRange: Sendable {
    var lower: Double
    var lowerInclusive: Bool
    var upper: Double
    var upperInclusive: Bool

    /// `[0, 1]`.
    static let probability = ValueRange(lower: 0, lowerInclusive: true, upper: 1, upperInclusive: true)
    /// `[0, ∞)`.
    static let nonNegative = ValueRange(lower: 0, lowerInclusive: true, upper: .infinity, upperInclusive: false)
    /// `(0, ∞)`.
    static let positive = ValueRange(lower: 0, lowerInclusive: false, upper: .infinity, upperInclusive: false)
    /// `(0, 1]`.
    static let threshold = ValueRange(lower: 0, lowerInclusive: false, upper: 1, upperInclusive: true)
    /// `[0, 1)`.
    static let floor = ValueRange(lower: 0, lowerInclusive: true, upper: 1, upperInclusive: false)
    /// `[1, ∞)`.
    static let atLeastOne = ValueRange(lower: 1, lowerInclusive: true, upper: .infinity, upperInclusive: false)
    /// `(0, 1)`.
    static let openUnit = ValueRange(lower: 0, lowerInclusive: false, upper: 1, upperInclusive: false)
    /// Any finite number (shared definitions: ranges are checked where they are used).
    static let unbounded = ValueRange(lower: -.infinity, lowerInclusive: false, upper: .infinity, upperInclusive: false)

    func containsLower(_ x: Double) -> Bool { lowerInclusive ? x >= lower : x > lower }
    func containsUpper(_ x: Double) -> Bool { upperInclusive ? x <= upper : x < upper }
    func contains(_ x: Double) -> Bool { containsLower(x) && containsUpper(x) }

    /// `in [0, 1]`, `≥ 0`, `> 0`, `in (0, 1]`.
    var phrase: String {
        if upper == .infinity { return (lowerInclusive ? "≥ " : "> ") + ScenarioEncoder.format(lower) }
        return "in " + (lowerInclusive ? "[" : "(") + ScenarioEncoder.format(lower) + ", "
            + ScenarioEncoder.format(upper) + (upperInclusive ? "]" : ")")
    }

    /// Why `parameter` does not fit, or `nil` if every draw lies in the range. A lognormal's
    /// draws are `> 0`, and its upper end is taken as `median·e^(6σ)` (``Parameter/upperBound``).
    func violation(of parameter: Parameter) -> String? {
        if case .shared(let reference) = parameter {
            return violation(of: reference.equivalent).map { "\($0) (shared '\(reference.name)'\(reference.totalScale == 1 ? "" : " × \(ScenarioEncoder.format(reference.totalScale))"))" }
        }
        let lo = parameter.lowerBound, hi = parameter.upperBound
        if case .fixed(let x) = parameter {
            return contains(x) ? nil : "must be \(phrase), found \(ScenarioEncoder.format(x))"
        }
        var lowerOK = containsLower(lo)
        if case .lognormal = parameter { lowerOK = lower <= 0 }
        if lowerOK && containsUpper(hi) { return nil }
        let open: String
        if case .lognormal = parameter { open = "(0" } else { open = "[" + ScenarioEncoder.format(lo) }
        return "every draw must be \(phrase), but the distribution ranges over \(open), \(ScenarioEncoder.format(hi))]"
    }
}
