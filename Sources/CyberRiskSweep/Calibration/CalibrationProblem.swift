import CyberRisk
/// What the sampler fits: every sector row of the fitted years as `(sector, count, base,
/// reporting rate)`, where the row's expected count is
///
///     μ_k = θ_i · base_k · r_k,     base_k = incidents_per_attack · λ_i(t_k) · exposure_k,
///
/// `λ_i(t)` the configuration's projected rate (``AttackRateProjection``), `r_k` the row's own
/// reporting rate or the shared `ρ`, and `θ_i` the sector's unknown rate factor.
///
/// ```swift
/// let problem = try CalibrationProblem(scenario: s, data: data, prior: CalibrationPrior(reportingRate: s.calibration.reportingRate))
/// problem.rows.count   // the fitted rows
/// ```
public struct CalibrationProblem: Sendable {
    /// One fitted row.
    public struct Row: Sendable, Equatable {
        public var sector: Int
        public var count: Double
        /// `incidents_per_attack · λ_i(t) · exposure`.
        public var base: Double
        /// The row's known reporting rate, or `nil` for the shared `ρ`.
        public var knownRate: Double?
    }

    public let sectorIDs: [String]
    /// Whether each sector has attacks to scale (`λ_i(0) > 0`); the others have no factor.
    public let calibrated: [Bool]
    public let rows: [Row]
    /// The fitted rows of each sector.
    public let rowsOfSector: [[Int]]
    let prior: CalibrationPrior
    let projection: AttackRateProjection
    public let incidentsPerAttack: Double
    /// Years fitted (those before the holdout year, or all).
    public let fittedYears: [Int]

    /// Builds the problem from the sector rows of `data` with `year < holdoutYear` (all when `nil`).
    ///
    /// - Throws: ``CalibrationError/input(_:)`` for a row of a sector without attacks, a row whose
    ///   projected rate is not a positive finite number, or no row to fit.
    init(scenario: Scenario, data: IncidentData, prior: CalibrationPrior, holdoutYear: Int? = nil) throws {
        let projection = AttackRateProjection(scenario: scenario)
        self.projection = projection
        self.prior = prior
        sectorIDs = scenario.sectors.map(\.id)
        incidentsPerAttack = scenario.calibration.incidentsPerAttack
        calibrated = projection.startRates.map { $0 > 0 && $0.isFinite }
        var rows: [Row] = []
        var ofSector = Array(repeating: [Int](), count: sectorIDs.count)
        var years: Set<Int> = []
        for row in data.rows where row.kind == .sector && holdoutYear.map({ row.year < $0 }) ?? true {
            let i = row.sectors[0]
            guard calibrated[i] else {
                throw CalibrationError.input(ConfigIssue(file: data.file, line: row.line, path: "sector",
                    message: "sector '\(sectorIDs[i])' has no attacks in the configuration (attacks_per_year · success_probability = 0, or digital.initial = 0): a rate factor cannot scale it"))
            }
            let base = incidentsPerAttack * projection.rate(sector: i, year: row.year) * row.exposure
            guard base > 0 && base.isFinite else {
                throw CalibrationError.input(ConfigIssue(file: data.file, line: row.line, path: "year",
                    message: "the configuration's attack rate of '\(sectorIDs[i])' projected to \(row.year) is \(base), not a positive number (scenario.defense.vulnerability_decline = 1 cannot be run back before the start year)"))
            }
            ofSector[i].append(rows.count)
            years.insert(row.year)
            rows.append(Row(sector: i, count: row.count, base: base, knownRate: row.reportingRate))
        }
        guard !rows.isEmpty else {
            let which = holdoutYear.map { "before the holdout year \($0)" } ?? "in the file"
            throw CalibrationError.input(ConfigIssue(file: data.file, line: nil, path: "year", message: "no sector rows \(which) to fit"))
        }
        self.rows = rows
        rowsOfSector = ofSector
        fittedYears = Array(years).sorted()
    }

    /// Whether the shared reporting rate `ρ` is uncertain, so that the sampler draws it (from its
    /// prior alone when no fitted row uses it: rows predicted with `ρ` still need its uncertainty).
    public var samplesReportingRate: Bool { prior.reportingRate.isUncertain }

    /// Whether some fitted row uses the shared `ρ` (the data then inform only `ρ·θ_i`).
    public var usesSharedRate: Bool { rows.contains { $0.knownRate == nil } }

    /// The shared rate when it is not drawn: the prior's fixed value.
    public var fixedReportingRate: Double { prior.reportingRate.mean }

    /// `λ_i(0)` of every sector.
    public var startRates: [Double] { projection.startRates }
}
