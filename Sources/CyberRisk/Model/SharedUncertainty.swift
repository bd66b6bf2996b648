/// A named uncertainty drawn **once per trial** and referenced from any parameter
/// (`shared:` in the config; docs/config.md), so that a national quantity — an under-reporting
/// factor, a ransomware wave — is one draw, not one independent draw per place it occurs.
///
/// ```yaml
/// shared:
///   ransomware_wave: {lognormal: {median: 1, sigma: 0.4}}
///   double_wave: {shared: ransomware_wave, scale: 2}      # a reference: 2 × the same draw
/// sectors:
///   - {id: healthcare_public_health, threat: {attacks_per_year: {shared: ransomware_wave, scale: 60}}}
/// ```
public struct SharedUncertainty: Sendable, Equatable, Hashable {
    /// `[a-z0-9_]+`, unique.
    public var name: String
    /// A number, a distribution, or a reference to another shared entry (never a cycle).
    public var definition: Parameter

    init(name: String, definition: Parameter) {
        self.name = name
        self.definition = definition
    }
}

/// A parameter that is `scale ×` a shared uncertainty: `{shared: name, scale: k}`.
///
/// References may chain (`b: {shared: a, scale: 2}`); ``root`` is the entry at the end of the
/// chain, a number or distribution, and ``totalScale`` the product of the scales along it, so
/// the value is `totalScale · X_root` with `X_root` the trial's one draw of the root.
public struct SharedReference: Sendable, Equatable, Hashable {
    /// The name as written.
    public var name: String
    /// The scale as written, `≥ 0` (1 when omitted).
    public var scale: Double
    /// Index of the root entry in ``Scenario/shared``.
    public var root: Int
    /// The product of the scales from this reference to the root.
    public var totalScale: Double
    /// The root's definition (a number or a distribution, never a reference).
    public var distribution: Parameter

    init(name: String, scale: Double, root: Int, totalScale: Double, distribution: Parameter) {
        self.name = name
        self.scale = scale
        self.root = root
        self.totalScale = totalScale
        self.distribution = distribution
    }

    /// The distribution of the referenced value: the root's, scaled (every family is closed
    /// under positive scaling), for means, bounds and validation.
    public var equivalent: Parameter { distribution.scaled(by: totalScale) }
}
