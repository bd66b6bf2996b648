/// One sector's outage as the dynamic cascade receives it: a direct shock `level` held on days
/// `start ..< start + days` of the year (day 0 = 1 January). Generic over its source — a successful
/// attack, a botnet hit, a catalogue event: whatever has a sector, a day, a severity and a duration.
///
/// **From severity to outage** (docs/model.md, "Dynamic cascade in the forecast"). The static mode
/// charges an event the share `s = d_i·S` of the sector's year. The dynamic mode gives the same
/// event the same direct loss in sector-days, `L = 365·s`, held as a shock over
///
///     T = max(D, 1, ⌈L⌉) days at the level h = L / T ≤ 1,
///
/// `D` the event's `duration_days` (0 = instantaneous). An instantaneous event with `L ≤ 1` is a
/// one-day shock: the next day the sector's inoperability is `k_i·L` higher, and it then recovers
/// at its resilience. A campaign (`D ≥ 1`) holds `L/D` for `D` days. A loss beyond what the
/// duration can hold at full inoperability (`L > D`) becomes a *longer* outage at level 1, never a
/// clipped one. Since `Σ_k c(k) = L`, without clamping the outage's inoperability-days are
/// `(I − A)⁻¹` of `L` — the static mode's annual inoperability times 365.
struct Outage: Sendable, Equatable {
    /// Sector index (scenario order).
    var sector: Int
    /// First day of the shock, `0 … 364`.
    var start: Int
    /// Days `T ≥ 1` the shock is held.
    var days: Int
    /// The held shock `h ∈ (0, 1]`.
    var level: Double

    init(sector: Int, start: Int, days: Int, level: Double) {
        self.sector = sector
        self.start = start
        self.days = days
        self.level = level
    }

    /// The outage of an event on `day` taking the share `share = d_i·S` of the sector's year,
    /// held at least `durationDays` days (see the type's documentation). `nil` for `share ≤ 0`.
    @inline(__always)
    static func from(sector: Int, day: Int, share: Double, durationDays: Int) -> Outage? {
        guard share > 0 else { return nil }
        let loss = Double(DynamicYear.days) * share
        // ⌈L⌉ capped at a year (the outage is cut at 31 December anyway).
        let lossDays = loss < Double(DynamicYear.days) ? Int(loss.rounded(.up)) : DynamicYear.days
        let days = Swift.max(durationDays, 1, lossDays)
        return Outage(sector: sector, start: day, days: days, level: Swift.min(1, loss / Double(days)))
    }
}
