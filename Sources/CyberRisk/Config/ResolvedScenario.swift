/// A loaded configuration in its three forms: the typed ``Scenario`` the engine runs, the
/// resolved YAML (every field explicit, for `config --dump`, manifests and state files), and its
/// hash (to refuse merging shards of different configurations).
public struct ResolvedScenario: Sendable {
    /// The validated scenario.
    public var scenario: Scenario
    /// The scenario as YAML, every field explicit (`cyberrisk config --dump`); loading it gives an
    /// equal scenario.
    public var yaml: String
    /// FNV-1a 64 of `yaml`, 16 lowercase hex digits: the configuration's identity.
    public var hash: String
    /// The resolved tree the scenario was decoded from (defaults and overrides applied), for
    /// parameter sweeps: set a path with ``ConfigValue/set(_:at:)`` and decode it with
    /// ``ConfigLoader/scenario(from:)``.
    package var tree: ConfigValue
    /// Where the configuration came from, as shown to the user: the file path, `embedded:<path>`,
    /// or the name given to in-memory text.
    public var source: String
    /// The sector ids of the defaults document (the embedded baseline's 16), empty without one.
    public var defaultSectorIDs: [String]

    init(scenario: Scenario, tree: ConfigValue, source: String, defaultSectorIDs: [String] = []) {
        self.scenario = scenario
        self.source = source
        self.yaml = ScenarioEncoder.yaml(scenario)
        self.hash = ScenarioEncoder.configHash(yaml: yaml)
        self.tree = tree
        self.defaultSectorIDs = defaultSectorIDs
    }

    /// Whether the configuration's `sectors:` list replaced the default sectors (its ids are not
    /// the defaults' ids): the model then has only the sectors listed.
    public var replacesDefaultSectors: Bool {
        !defaultSectorIDs.isEmpty && Set(scenario.sectors.map(\.id)) != Set(defaultSectorIDs)
    }
}
