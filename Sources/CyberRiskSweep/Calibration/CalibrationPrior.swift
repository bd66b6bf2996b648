@_spi(Engine) import CyberRisk
/// The priors of the calibration model (`docs/calibration.md`, "Model"):
///
///     θ_i | α, m ~ Gamma(shape α, rate α/m)        per-sector rate factor, mean m, CV c = 1/√α
///     ln m ~ N(0, factorMeanSD²)                    the configuration's rates are right on average, within a factor e^{±2}
///     c ~ HalfNormal(factorCVScale)                 how much the sectors' factors differ
///     ρ ~ the configuration's `calibration.reporting_rate`
///     s ~ HalfNormal(dispersionScale)               year-to-year CV of the rate (negative binomial); absent: s = 0 (Poisson)
struct CalibrationPrior: Sendable, Equatable {
    /// The prior of the shared reporting rate `ρ` (support within `(0, 1]`).
    var reportingRate: Parameter
    /// Standard deviation of `ln m`.
    var factorMeanSD: Double
    /// Scale of the half-normal prior on the factors' coefficient of variation `c = 1/√α`.
    var factorCVScale: Double
    /// Scale of the half-normal prior on the overdispersion `s`; `nil` for the Poisson model.
    var dispersionScale: Double?

    /// The default scale of the overdispersion's half-normal prior.
    static let defaultDispersionScale = 0.5

    init(reportingRate: Parameter, factorMeanSD: Double = 1, factorCVScale: Double = 1,
                dispersionScale: Double? = CalibrationPrior.defaultDispersionScale) {
        self.reportingRate = reportingRate
        self.factorMeanSD = factorMeanSD
        self.factorCVScale = factorCVScale
        self.dispersionScale = dispersionScale
    }

    /// Whether counts are negative binomial (`s` sampled) rather than Poisson.
    var isOverdispersed: Bool { dispersionScale != nil }
}
