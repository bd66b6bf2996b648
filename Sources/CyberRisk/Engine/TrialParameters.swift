/// One trial's parameter vector `θ` — a row of a ``TrialBlock``'s parameter buffer, laid out by
/// ``ParameterTable`` — read by name, so the hot loop reads like the equations of
/// `docs/model.md`: `θ[.iotCeiling]`, `θ[sector: i, .attacksPerYear]`,
/// `θ[event: e, .frequency]`, `θ[event: e, footprint: i]`.
///
/// The slots are compile-time constants (an event class's stride is `EventSlot.footprint + N`),
/// so a read is one load at a fixed offset, as an index written out by hand would be.
struct TrialParameters {
    /// `θ[0]`.
    let base: UnsafeMutablePointer<Double>
    /// `N`: the globals follow the sectors' slots, the event classes the globals.
    let sectorCount: Int

    /// A scenario-wide parameter.
    @inline(__always)
    subscript(_ g: ParameterTable.Global) -> Double {
        base[ParameterTable.sectorStride &* sectorCount &+ g.rawValue]
    }

    /// A parameter of sector `i`.
    @inline(__always)
    subscript(sector i: Int, _ slot: ParameterTable.SectorSlot) -> Double {
        base[ParameterTable.sectorStride &* i &+ slot.rawValue]
    }

    /// A parameter of event class `e`.
    @inline(__always)
    subscript(event e: Int, _ slot: ParameterTable.EventSlot) -> Double {
        eventBase(e)[slot.rawValue]
    }

    /// Event class `e`'s footprint probability `p_i` for sector `i`.
    @inline(__always)
    subscript(event e: Int, footprint i: Int) -> Double {
        eventBase(e)[ParameterTable.EventSlot.footprint &+ i]
    }

    /// Sector `i`'s severity values (``SeveritySampler/slotCount`` of them, its order).
    @inline(__always)
    func severity(sector i: Int) -> UnsafePointer<Double> {
        UnsafePointer(base + (ParameterTable.sectorStride &* i &+ ParameterTable.SectorSlot.severity.rawValue))
    }

    /// Event class `e`'s severity values (``SeveritySampler/slotCount`` of them, its order).
    @inline(__always)
    func severity(event e: Int) -> UnsafePointer<Double> {
        UnsafePointer(eventBase(e) + ParameterTable.EventSlot.severity.rawValue)
    }

    /// Event class `e`'s footprint probabilities, one per sector.
    @inline(__always)
    func footprint(event e: Int) -> UnsafePointer<Double> {
        UnsafePointer(eventBase(e) + ParameterTable.EventSlot.footprint)
    }

    /// `θ` at event class `e`'s first slot.
    @inline(__always)
    private func eventBase(_ e: Int) -> UnsafeMutablePointer<Double> {
        base + (ParameterTable.sectorStride &* sectorCount &+ ParameterTable.Global.allCases.count
                &+ (ParameterTable.EventSlot.footprint &+ sectorCount) &* e)
    }
}
