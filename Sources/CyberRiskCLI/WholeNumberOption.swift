import CyberRisk

/// Reads the whole-number options (`--trials`, `--seed`, `--samples`, `--threads`) the way a config
/// file reads its fields, so `--trials 1e5` and `--set trials=1e5` are alike: an integer, or any
/// number with an integral value. The options are declared as text and parsed unconditionally
/// (so `--trials -5` reaches this check instead of being read as an unknown option), and every
/// refusal says what a valid value is.
enum WholeNumberOption {
    /// `text` as an integer in `range`; `what` names the unit in the message ("trials", "points").
    static func integer(_ text: String, option: String, in range: ClosedRange<Int>, what: String,
                        example: String) throws -> Int {
        let refusal = CLIError.usage("\(option): expected \(range.lowerBound)…\(range.upperBound) "
                                     + "(a whole number of \(what), e.g. \(example)), found '\(text)'")
        if let exact = Int(text) {
            guard range.contains(exact) else { throw refusal }
            return exact
        }
        guard let x = number(text), x.rounded(.towardZero) == x,
              x >= Double(range.lowerBound), x <= Double(range.upperBound) else { throw refusal }
        return Int(x)
    }

    /// `text` as a seed: an integer in 0…2⁶⁴ − 1 (digits exactly, or an integral number below 2⁶⁴).
    static func seed(_ text: String, option: String = "--seed") throws -> UInt64 {
        if let exact = UInt64(text) { return exact }
        guard let x = number(text), x.rounded(.towardZero) == x, x >= 0, x < 18_446_744_073_709_551_616.0 else {
            throw CLIError.usage("\(option): expected 0…\(UInt64.max) (a whole number, e.g. 2026), found '\(text)'")
        }
        return UInt64(x)
    }

    /// `--trials`: 1…``Scenario/maximumTrials``.
    static func trials(_ text: String) throws -> Int {
        try integer(text, option: "--trials", in: 1...Scenario.maximumTrials, what: "trials", example: "100000 or 1e5")
    }

    /// A finite number written without surrounding spaces (`Double` syntax, as config fields).
    private static func number(_ text: String) -> Double? {
        guard let first = text.first, let last = text.last, first != " ", last != " ",
              let x = Double(text), x.isFinite else { return nil }
        return x
    }
}
