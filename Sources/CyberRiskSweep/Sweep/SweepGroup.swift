import CyberRisk

/// A named group of a sensitivity spec's parameters that move together (SALib's `groups`): the
/// Saltelli design has one column per group, and every parameter of the group takes its value
/// from that one unit coordinate (`value(unit: u_g)` of its own range), so the group is one input
/// of the analysis and gets one `S1` and one `ST`.
///
/// ```yaml
/// parameters:
///   sectors.energy.threat.iot_elasticity: {range: [0, 1.2]}
///   sectors.water_wastewater.threat.iot_elasticity: {range: [0, 1.2]}
///   scenario.defense.vulnerability_decline: {range: [0, 0.08]}
/// groups:
///   iot_elasticity: [sectors.energy.threat.iot_elasticity, sectors.water_wastewater.threat.iot_elasticity]
/// ```
///
/// A parameter in no group is an input of its own, named by its path.
public struct SweepGroup: Sendable, Equatable {
    /// `[a-z0-9_]+`.
    public var name: String
    /// Member parameter paths, as written.
    public var members: [String]
    /// Where the group was written.
    var origin: ConfigOrigin

    init(name: String, members: [String], origin: ConfigOrigin = .commandLine) {
        self.name = name
        self.members = members
        self.origin = origin
    }

    /// One input of a Saltelli design: a group, or an ungrouped parameter.
    public struct Factor: Sendable, Equatable {
        /// The group's name, or the parameter's path.
        public var name: String
        /// Indices into the spec's parameters, in spec order.
        public var parameters: [Int]
    }

    /// The inputs of a design over `parameters` with `groups`: each group and each ungrouped
    /// parameter, in the order of their first parameter in `parameters` (SALib's order).
    ///
    /// - Precondition: the groups were checked (``check(_:parameters:design:at:_:)``).
    static func factors(parameters: [String], groups: [SweepGroup]) -> [Factor] {
        var groupOf: [String: Int] = [:]
        for (g, group) in groups.enumerated() { for m in group.members { groupOf[m] = g } }
        var factors: [Factor] = []
        var position: [Int: Int] = [:]
        for (i, path) in parameters.enumerated() {
            if let g = groupOf[path] {
                if let f = position[g] {
                    factors[f].parameters.append(i)
                } else {
                    position[g] = factors.count
                    factors.append(Factor(name: groups[g].name, parameters: [i]))
                }
            } else {
                factors.append(Factor(name: path, parameters: [i]))
            }
        }
        return factors
    }

    /// The factor of each parameter (index into `factors`).
    static func column(ofParameters count: Int, factors: [Factor]) -> [Int] {
        var column = [Int](repeating: 0, count: count)
        for (f, factor) in factors.enumerated() { for i in factor.parameters { column[i] = f } }
        return column
    }

    // MARK: Reading and checking

    /// Reads `groups:` — a mapping of group names to lists of parameter paths.
    static func parse(_ node: ConfigValue, _ issues: inout ConfigIssueList) -> [SweepGroup] {
        let at = ConfigPath.root.appending("groups")
        guard let entries = node.entries else {
            issues.add(node.origin, at, "expected a mapping of group names to lists of parameter paths, found \(node.kindDescription)")
            return []
        }
        var groups: [SweepGroup] = []
        for entry in entries {
            let here = at.appending(entry.key)
            guard isName(entry.key) else {
                issues.add(entry.keyOrigin, here, "a group name is lower-case letters, digits and _, found '\(ConfigValue.abbreviated(entry.key))'")
                continue
            }
            guard let items = entry.value.elements, items.allSatisfy({ $0.text != nil && !$0.text!.isEmpty }) else {
                issues.add(entry.value.origin, here, "expected a list of parameter paths, found \(entry.value.kindDescription)")
                continue
            }
            guard !items.isEmpty else {
                issues.add(entry.value.origin, here, "empty group: name at least one parameter of parameters:")
                continue
            }
            groups.append(SweepGroup(name: entry.key, members: items.map { $0.text! }, origin: entry.keyOrigin))
        }
        return groups
    }

    /// Checks `groups` against the spec's parameters: only in a Saltelli or tornado design (a
    /// tornado swings a group's members together), every member a
    /// parameter of the spec, no parameter in two groups (or twice in one), no group named like an
    /// ungrouped parameter.
    static func check(_ groups: [SweepGroup], parameters: [SweepParameter], design: SweepDesign, at origin: ConfigOrigin,
                      _ issues: inout ConfigIssueList) {
        guard !groups.isEmpty else { return }
        let at = ConfigPath.root.appending("groups")
        if design != .saltelli && design != .tornado {
            issues.add(groups[0].origin, at, "groups apply to sensitivity analyses and tornadoes only (cyberrisk sensitivity, "
                       + "cyberrisk tornado), not to a \(design) sweep")
            return
        }
        let paths = parameters.map(\.path.description)
        var owner: [String: String] = [:]
        for group in groups {
            let here = at.appending(group.name)
            if group.members.isEmpty { issues.add(group.origin, here, "empty group: name at least one parameter of parameters:") }
            for member in group.members {
                guard paths.contains(member) else {
                    issues.add(group.origin, here, "unknown parameter '\(ConfigValue.abbreviated(member))': a group's members must be "
                               + "parameters of parameters:" + ConfigSuggestion.phrase(for: member, among: paths))
                    continue
                }
                if let other = owner[member] {
                    issues.add(group.origin, here, other == group.name ? "parameter \(member) listed twice"
                                                                       : "parameter \(member) is already in group \(other); a parameter belongs to one group")
                } else {
                    owner[member] = group.name
                }
            }
        }
        var names = Set<String>()
        for group in groups where !names.insert(group.name).inserted {
            issues.add(group.origin, at.appending(group.name), "group given twice")
        }
        for group in groups where paths.contains(group.name) && owner[group.name] == nil {
            issues.add(group.origin, at.appending(group.name), "a group may not be named like the ungrouped parameter \(group.name)")
        }
    }

    static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }

    /// The canonical one-line form in the plan's hash: `group: NAME = p1, p2`.
    var canonical: String { "group: \(name) = " + members.joined(separator: ", ") }
}
