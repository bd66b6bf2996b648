/// What `economic_loss_usd_bn` measures, as the manifest states it (`economic_loss`) and the
/// report repeats: `Σ Y_i q_i`, billions of US dollars a year, where the outputs `Y_i`
/// (`sectors[].output_usd_bn`) are value added in the dollars of the year they were measured —
/// BEA 2023 for the shipped scenarios — held fixed for every simulated year (not inflated, not
/// grown, not discounted), and cover only the modelled sectors' share of the economy.
///
/// ```swift
/// let basis = EconomicLossBasis(scenario: s)
/// basis.totalOutputUSDbn   // 17742.8 for the default scenario (64% of 2023 GDP)
/// ```
public struct EconomicLossBasis: Sendable, Equatable {
    /// Number of modelled sectors.
    public var sectorCount: Int
    /// `Σ Y_i`, bn USD a year: the largest possible yearly loss.
    public var totalOutputUSDbn: Double

    public init(scenario: Scenario) {
        sectorCount = scenario.sectors.count
        totalOutputUSDbn = scenario.sectors.reduce(0) { $0 + $1.outputUSDbn }
    }

    /// The unit, in words.
    public static let unit = "billions of US dollars a year"

    /// The basis, in one sentence.
    public var statement: String {
        "Σ output_usd_bn × inoperability over the \(sectorCount) modelled sectors, whose outputs sum to "
            + "\(ScenarioEncoder.format((totalOutputUSDbn * 10).rounded() / 10)) bn: value added in the dollars of the year "
            + "it was measured (BEA 2023 for the shipped scenarios), held fixed for every simulated year — "
            + "not inflated, not grown, not discounted — and only these sectors' share of the economy, not all of GDP"
    }

    /// The manifest's `economic_loss` object.
    var json: [String: Any] {
        ["unit": EconomicLossBasis.unit, "basis": statement, "sectors": sectorCount,
         "total_output_usd_bn": totalOutputUSDbn]
    }
}
