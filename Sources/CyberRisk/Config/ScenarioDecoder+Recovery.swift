/// Decoding `sectors[i].recovery` (``Recovery``) and the optional `duration_days` of events.
extension ScenarioDecoder {
    /// The optional field `duration_days`: whole days `0…36,500`, 0 when absent (instantaneous).
    mutating func durationDays(_ record: Record) -> Int? {
        guard let node = record["duration_days"], !node.isNull else { return 0 }
        return integer(record, "duration_days", 0...DynamicStressTest.maximumDays)
    }

    /// `{resilience: k}` with every draw in `(0, 1]`, or `{days: τ}` with every draw `> 0`;
    /// exactly one of the two.
    mutating func recovery(_ node: ConfigValue, _ path: ConfigPath) -> Recovery? {
        guard let r = record(node, path, ConfigSchema.recovery) else { return nil }
        switch (r["resilience"], r["days"]) {
        case (.some(let k), nil):
            return parameter(k, path.appending("resilience"), .threshold).map(Recovery.resilience)
        case (nil, .some(let tau)):
            return parameter(tau, path.appending("days"), .positive).map(Recovery.days)
        case (.some, .some):
            issues.add(r["days"]!.origin, path.appending("days"), "give either resilience or days, not both")
        case (nil, nil):
            issues.add(node.origin, path, "expected resilience (per day, in (0, 1]) or days (> 0)")
        }
        return nil
    }
}
