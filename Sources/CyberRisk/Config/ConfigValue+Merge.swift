/// Deep merging, as `extends` and the defaults use it.
extension ConfigValue {
    /// This value laid over `base`: two mappings merge key by key (recursively; keys of `base`
    /// keep their order, new keys follow); anything else replaces `base` whole — sequences
    /// included. A null overlay counts as absent and leaves `base`.
    ///
    /// - Parameter field: the name of the field holding the two values. A ``Parameter`` field
    ///   (number or distribution) is always replaced whole, so `{uniform: …}` over `{pert: …}`
    ///   gives the uniform. Under `dependencies`, an overlay giving `matrix` or `csv` drops both
    ///   of them and `source` from `base`.
    func merged(over base: ConfigValue, field: String? = nil) -> ConfigValue {
        if isNull { return base }
        guard case .mapping(let over) = content, case .mapping(var result) = base.content,
              !(field.map(ConfigSchema.parameterFields.contains) ?? false) else { return self }
        // A severity of another family replaces the one below whole (Beta's alpha and beta would
        // not mix with a lognormal's median); within a family the fields merge.
        if field == "severity", ConfigSchema.severityFamily(of: self) != ConfigSchema.severityFamily(of: base) {
            return self
        }
        if field == "dependencies", over.contains(where: { ConfigSchema.matrixAlternatives.contains($0.key) }) {
            result.removeAll { ConfigSchema.matrixAlternatives.contains($0.key) || $0.key == "source" }
        }
        for entry in over {
            if let i = result.firstIndex(where: { $0.key == entry.key }) {
                // A shared uncertainty's definition is a parameter (or reference): replaced whole.
                result[i].value = field == "shared" ? entry.value : entry.value.merged(over: result[i].value, field: entry.key)
                result[i].keyOrigin = entry.keyOrigin
            } else {
                result.append(entry)
            }
        }
        return ConfigValue(.mapping(result), origin: origin)
    }

    /// The mapping without `key` (other nodes unchanged).
    func removing(_ key: String) -> ConfigValue {
        guard case .mapping(let entries) = content else { return self }
        return ConfigValue(.mapping(entries.filter { $0.key != key }), origin: origin)
    }

    /// The mapping with `key` set to `value` (replacing in place, or appended).
    func with(_ key: String, _ value: ConfigValue) -> ConfigValue {
        guard case .mapping(var entries) = content else { return self }
        if let i = entries.firstIndex(where: { $0.key == key }) {
            entries[i].value = value
        } else {
            entries.append(Entry(key: key, keyOrigin: value.origin, value: value))
        }
        return ConfigValue(.mapping(entries), origin: origin)
    }
}
