@_spi(Engine) import CyberRisk
/// A fitted calibration: the configuration's attack rates scaled to reported incident counts
/// (`docs/calibration.md`). ``fit(scenario:data:options:)`` builds the ``CalibrationProblem``,
/// runs the chains (``CalibrationSampler``), checks their convergence
/// (``ConvergenceDiagnostics``), and computes the posterior predictive check of every data row
/// and, with a holdout year, the ``Hindcast``.
///
/// ```swift
/// let data = try IncidentCSV.parse(bytes, file: "incidents.csv", sectorIDs: scenario.sectors.map(\.id))
/// let fit = try Calibration.fit(scenario: scenario, data: data, options: .init(seed: 7))
/// fit.startRate(sector: 11)?.mean   // successful attacks per year at the start year
/// ```
public struct Calibration: Sendable {
    /// How to fit.
    public struct Options: Sendable, Equatable {
        public var seed: UInt64
        public var chains: Int
        /// Kept draws per chain.
        public var draws: Int
        /// Warm-up sweeps per chain (discarded).
        public var warmup: Int
        public var threads: Int
        /// Fit the years before it and score it; `nil`: fit every year.
        public var holdoutYear: Int?
        /// Negative binomial counts (`s` sampled) rather than Poisson.
        public var overdispersed: Bool

        public init(seed: UInt64, chains: Int = 4, draws: Int = 1000, warmup: Int? = nil, threads: Int = 1,
                    holdoutYear: Int? = nil, overdispersed: Bool = true) {
            self.seed = seed
            self.chains = chains
            self.draws = draws
            self.warmup = warmup ?? draws
            self.threads = threads
            self.holdoutYear = holdoutYear
            self.overdispersed = overdispersed
        }
    }

    /// A quantity whose convergence is checked and whose posterior is reported.
    public struct Monitored: Sendable, Equatable {
        /// A sector id, or `all` for a shared parameter.
        public var sector: String
        public var parameter: String
        var quantity: PosteriorDraws.Quantity
    }

    public let scenario: Scenario
    public let data: IncidentData
    public let options: Options
    public let problem: CalibrationProblem
    let draws: PosteriorDraws
    public let monitored: [Monitored]
    /// One per monitored quantity, in the same order.
    public let diagnostics: [ConvergenceDiagnostics.Result]
    /// One per data row, in file order.
    public let checks: [PredictiveCheck]
    public let hindcast: Hindcast?
    /// ``startRate(sector:)`` of every sector, and ``summary(_:)`` of every monitored quantity.
    let startRates: [PosteriorSummary?]
    let summaries: [PosteriorSummary]

    /// Fits `data` to `scenario`.
    ///
    /// - Throws: ``CalibrationError/input(_:)`` when data and configuration do not fit together;
    ///   ``CalibrationError/notConverged(_:)`` when some monitored quantity fails the diagnostics.
    public static func fit(scenario: Scenario, data: IncidentData, options: Options) throws -> Calibration {
        if let y = options.holdoutYear, !data.rows.contains(where: { $0.year == y }) {
            throw CalibrationError.input(ConfigIssue(file: data.file, line: nil, path: "year",
                message: "no rows in the holdout year \(y) (the data cover \(data.years.map(String.init).joined(separator: ", ")))"))
        }
        let prior = CalibrationPrior(reportingRate: scenario.calibration.reportingRate,
                                     dispersionScale: options.overdispersed ? CalibrationPrior.defaultDispersionScale : nil)
        let problem = try CalibrationProblem(scenario: scenario, data: data, prior: prior, holdoutYear: options.holdoutYear)
        let draws = CalibrationSampler(problem: problem).run(chains: options.chains, warmup: options.warmup,
                                                             draws: options.draws, seed: options.seed, threads: options.threads)
        let fit = Calibration(scenario: scenario, data: data, options: options, problem: problem, draws: draws)
        let failures = fit.diagnostics.filter { !$0.passes }
        guard failures.isEmpty else { throw CalibrationError.notConverged(failures) }
        return fit
    }

    /// The fit's outputs from its draws (no convergence check: ``fit(scenario:data:options:)``
    /// does that).
    init(scenario: Scenario, data: IncidentData, options: Options, problem: CalibrationProblem, draws: PosteriorDraws) {
        self.scenario = scenario
        self.data = data
        self.options = options
        self.problem = problem
        self.draws = draws
        var monitored = scenario.sectors.indices.filter { problem.calibrated[$0] }.map {
            Monitored(sector: problem.sectorIDs[$0], parameter: "successful_attacks_per_year", quantity: .factor($0))
        }
        if problem.samplesReportingRate {
            monitored.append(Monitored(sector: "all", parameter: "reporting_rate", quantity: .reportingRate))
        }
        monitored.append(Monitored(sector: "all", parameter: "factor_mean", quantity: .factorMean))
        monitored.append(Monitored(sector: "all", parameter: "factor_cv", quantity: .factorCV))
        if options.overdispersed {
            monitored.append(Monitored(sector: "all", parameter: "overdispersion", quantity: .dispersion))
        }
        self.monitored = monitored
        let startRates = scenario.sectors.indices.map { i -> PosteriorSummary? in
            guard problem.calibrated[i] else { return nil }
            let rate = problem.startRates[i]
            return PosteriorSummary(draws.pooled(.factor(i)).map { $0 * rate })
        }
        self.startRates = startRates
        summaries = monitored.map { m in
            if case .factor(let i) = m.quantity { return startRates[i]! }
            return PosteriorSummary(draws.pooled(m.quantity))
        }
        diagnostics = monitored.map {
            ConvergenceDiagnostics.evaluate(name: $0.sector == "all" ? $0.parameter : "\($0.sector) \($0.parameter)",
                                            chains: draws.byChain($0.quantity))
        }
        let predictive = PosteriorPredictive(problem: problem, draws: draws, seed: options.seed)
        let holdout = options.holdoutYear
        let checks = data.rows.enumerated().map { k, row in
            predictive.check(row, index: k, fitted: row.kind == .sector && holdout.map { row.year < $0 } ?? true)
        }
        self.checks = checks
        hindcast = holdout.map { y in Hindcast(year: y, checks: checks.filter { $0.row.year == y }, data: data) }
    }

    /// The posterior of sector `i`'s successful attacks per year at the start year,
    /// `θ_i · λ_i(0)`, in the configuration's attack units; `nil` for a sector without attacks.
    public func startRate(sector i: Int) -> PosteriorSummary? { startRates[i] }

    /// The posterior of a monitored quantity, on its reported scale (a sector's start-year rate).
    public func summary(_ m: Monitored) -> PosteriorSummary {
        summaries[monitored.firstIndex(of: m)!]
    }
}
