/// One trial's parameter vector `θ` — a row of a ``TrialBlock``'s parameter buffer, laid out by
/// ``ParameterTable`` — read by name, so the hot loop reads like the equations of
/// `docs/model.md`: `θ[.iotCeiling]`, `θ[sector: i, .attacksPerYear]`.
///
/// The slots are compile-time constants, so a read is one load at a fixed offset, as an
/// index written out by hand would be.
struct TrialParameters {
    /// `θ[0]`.
    let base: UnsafeMutablePointer<Double>
    /// `N`: the globals follow the sectors' slots.
    let sectorCount: Int

    /// A scenario-wide parameter.
    @inline(__always)
    subscript(_ g: ParameterTable.Global) -> Double {
        base[ParameterTable.slotsPerSector &* sectorCount &+ g.rawValue]
    }

    /// A parameter of sector `i`.
    @inline(__always)
    subscript(sector i: Int, _ slot: ParameterTable.SectorSlot) -> Double {
        base[ParameterTable.slotsPerSector &* i &+ slot.rawValue]
    }
}
