/// Fills every field a configuration leaves out from the defaults document (the embedded
/// `configs/baseline.yaml`).
///
/// Rules (also in `docs/config.md`):
/// - a missing top-level field, or a missing field of `cascade`, `scenario.*` (at any depth),
///   `human_security.weights`, `dependencies` or `dependencies.lifeline_overlay`, is taken from
///   the defaults; present mappings merge key by key, parameters are replaced whole;
/// - no `sectors`: the default sectors, and the default `dependencies`;
/// - a sector whose `id` is a default sector's takes its missing fields from that sector; a sector
///   with another id takes them from ``ConfigSchema/genericSector(id:)``;
/// - no `dependencies.matrix`/`csv`: the default matrix if the sector ids are the default ones in
///   the default order; else, if every sector id is a default sector, the default matrix's
///   submatrix by id (rows and columns reordered); else nothing (decoding then reports that
///   dependencies are required);
/// - no `lifeline_overlay.floors` / `human_security.dimensions`: the defaults' tables without the
///   entries naming sectors that are not in the configuration. A table written in the
///   configuration (or its `extends` chain) replaces the default table whole.
struct ConfigDefaults {
    /// The defaults document, complete, with any `csv` matrix already inline.
    var document: ConfigValue

    /// `user` completed from the defaults.
    func apply(to user: ConfigValue) -> ConfigValue {
        guard user.entries != nil, document.entries != nil else { return user }
        let defaultSectors = document["sectors"]?.elements ?? []
        let hasSectors = !(user["sectors"]?.isNull ?? true)
        var sectors = hasSectors ? user["sectors"] : document["sectors"]
        if hasSectors, let given = user["sectors"], case .sequence(let elements) = given.content {
            sectors = ConfigValue(.sequence(elements.map { completeSector($0, defaults: defaultSectors) }),
                                  origin: given.origin)
        }
        let ids = sectors?.elements?.map { $0["id"]?.text }
        let sectorIDs: [String]? = ids.flatMap { $0.allSatisfy { $0 != nil } ? $0.map { $0! } : nil }

        // Everything but the special keys merges generically.
        var special = user
        for key in ["sectors", "dependencies", "human_security", "events"] { special = special.removing(key) }
        var result = special.merged(over: document.removing("dependencies").removing("sectors").removing("human_security")
                                                  .removing("events"))
        result = result.with("sectors", sectors ?? ConfigValue(.null, origin: user.origin))
        result = result.with("events", events(user["events"], sectorIDs: sectorIDs, userNode: user))
        result = reorder(result)

        let userDependencies = user["dependencies"].flatMap { $0.isNull ? nil : $0 }
        if !hasSectors && userDependencies == nil, let deps = document["dependencies"] {
            result = result.with("dependencies", deps)
        } else {
            result = result.with("dependencies", dependencies(userDependencies, sectorIDs: sectorIDs, userNode: user))
        }
        result = result.with("human_security", humanSecurity(user["human_security"], sectorIDs: sectorIDs, userNode: user))
        return reorder(result)
    }

    /// `events` completed: no `events` gives the default catalogue; a list given replaces it, each
    /// entry whose id is a default class's taking its missing fields from that class. Default
    /// classes' footprints and hubs are first restricted to the configuration's sectors.
    private func events(_ given: ConfigValue?, sectorIDs: [String]?, userNode: ConfigValue) -> ConfigValue {
        let defaults = (document["events"]?.elements ?? []).map { restrictedEvent($0, to: sectorIDs) }
        guard let given, !given.isNull else {
            return ConfigValue(.sequence(defaults), origin: document["events"]?.origin ?? document.origin)
        }
        guard case .sequence(let elements) = given.content else { return given }
        return ConfigValue(.sequence(elements.map { entry in
            guard entry.entries != nil, let id = entry["id"]?.text,
                  let base = defaults.first(where: { $0["id"]?.text == id }) else { return entry }
            return entry.merged(over: base)
        }), origin: given.origin)
    }

    /// A default event class without the footprint entries and hub naming absent sectors.
    private func restrictedEvent(_ event: ConfigValue, to ids: [String]?) -> ConfigValue {
        guard let ids, event.entries != nil else { return event }
        var out = event
        if let footprint = event["footprint"] { out = out.with("footprint", restricted(footprint, to: ids)) }
        if let scaling = event["scaling"], let hub = scaling["hub"]?["sector"]?.text, !ids.contains(hub) {
            out = out.with("scaling", scaling.removing("hub"))
        }
        return out
    }

    /// A sector entry completed from the default sector with its id, or the generic defaults.
    private func completeSector(_ sector: ConfigValue, defaults: [ConfigValue]) -> ConfigValue {
        guard sector.entries != nil, let id = sector["id"]?.text else { return sector }
        let base = defaults.first { $0["id"]?.text == id } ?? ConfigSchema.genericSector(id: id)
        return sector.merged(over: base)
    }

    /// `dependencies` completed: fields merged, the matrix chosen by the sector rule, floors
    /// restricted to the sectors.
    private func dependencies(_ given: ConfigValue?, sectorIDs: [String]?, userNode: ConfigValue) -> ConfigValue {
        let defaults = document["dependencies"] ?? ConfigValue(.mapping([]), origin: document.origin)
        let givenMapping = given.flatMap { $0.entries != nil ? $0 : nil }
        if let given, givenMapping == nil { return given }   // not a mapping: decoding reports it
        let user = givenMapping ?? ConfigValue(.mapping([]), origin: userNode.origin)
        var base = defaults.removing("matrix").removing("csv").removing("source")
        if user["matrix"] == nil && user["csv"] == nil, let sectorIDs,
           let (matrix, source) = defaultMatrix(for: sectorIDs, defaults: defaults) {
            base = base.with("matrix", matrix)
            if let source { base = base.with("source", source) }
        }
        let userOverlay = user["lifeline_overlay"]
        if userOverlay?["floors"] == nil || userOverlay?["floors"]?.isNull == true,
           let overlay = base["lifeline_overlay"], let floors = overlay["floors"] {
            base = base.with("lifeline_overlay", overlay.with("floors", restricted(floors, to: sectorIDs)))
        } else if let overlay = base["lifeline_overlay"] {
            base = base.with("lifeline_overlay", overlay.removing("floors"))
        }
        return reorder(user.merged(over: base, field: "dependencies"), ConfigSchema.dependencies)
    }

    /// The default matrix for these sectors (and its `source`), or `nil` if some sector has none.
    private func defaultMatrix(for ids: [String], defaults: ConfigValue) -> (ConfigValue, ConfigValue?)? {
        guard let matrix = defaults["matrix"], let rows = matrix.elements else { return nil }
        let defaultIDs = (document["sectors"]?.elements ?? []).map { $0["id"]?.text ?? "" }
        if ids == defaultIDs { return (matrix, defaults["source"]) }
        var index: [String: Int] = [:]
        for (i, id) in defaultIDs.enumerated() where index[id] == nil { index[id] = i }
        let positions = ids.compactMap { index[$0] }
        guard positions.count == ids.count, rows.count == defaultIDs.count,
              rows.allSatisfy({ $0.elements?.count == defaultIDs.count }) else { return nil }
        let subRows = positions.map { i -> ConfigValue in
            let row = rows[i]
            let entries = row.elements!
            return ConfigValue(.sequence(positions.map { entries[$0] }), origin: row.origin)
        }
        return (ConfigValue(.sequence(subRows), origin: matrix.origin), defaults["source"])
    }

    /// `human_security` completed: weights merged; the default dimension tables restricted to the
    /// sectors unless the configuration gives its own.
    private func humanSecurity(_ given: ConfigValue?, sectorIDs: [String]?, userNode: ConfigValue) -> ConfigValue {
        let defaults = document["human_security"] ?? ConfigValue(.mapping([]), origin: document.origin)
        guard let given = given, !given.isNull else {
            return defaults.with("dimensions", restrictedDimensions(defaults["dimensions"], to: sectorIDs))
        }
        guard given.entries != nil else { return given }
        var base = defaults
        if given["dimensions"] == nil || given["dimensions"]?.isNull == true {
            base = base.with("dimensions", restrictedDimensions(defaults["dimensions"], to: sectorIDs))
        } else {
            base = base.removing("dimensions")
        }
        return reorder(given.merged(over: base, field: "human_security"), ConfigSchema.humanSecurity)
    }

    private func restrictedDimensions(_ dimensions: ConfigValue?, to ids: [String]?) -> ConfigValue {
        guard let dimensions, case .mapping(let entries) = dimensions.content else {
            return dimensions ?? ConfigValue(.mapping([]), origin: document.origin)
        }
        return ConfigValue(.mapping(entries.map {
            ConfigValue.Entry(key: $0.key, keyOrigin: $0.keyOrigin, value: restricted($0.value, to: ids))
        }), origin: dimensions.origin)
    }

    /// A `{sector_id: value}` table without the entries naming other sectors.
    private func restricted(_ table: ConfigValue, to ids: [String]?) -> ConfigValue {
        guard let ids, case .mapping(let entries) = table.content else { return table }
        let keep = Set(ids)
        return ConfigValue(.mapping(entries.filter { keep.contains($0.key) }), origin: table.origin)
    }

    /// The mapping with the known keys first, in schema order, then any others.
    private func reorder(_ value: ConfigValue, _ order: [String] = ConfigSchema.topLevel) -> ConfigValue {
        guard case .mapping(let entries) = value.content else { return value }
        var sorted: [ConfigValue.Entry] = []
        for key in order {
            if let entry = entries.first(where: { $0.key == key }) { sorted.append(entry) }
        }
        sorted += entries.filter { !order.contains($0.key) }
        return ConfigValue(.mapping(sorted), origin: value.origin)
    }
}
