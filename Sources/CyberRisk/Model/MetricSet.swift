/// The names and order of the per-trial-year metrics a scenario produces (the `metric` column).
///
/// The first nine are fixed (see `docs/model.md`); one `human_<dimension>` metric follows for each
/// human-security dimension of the scenario, in its order.
public struct MetricSet: Sendable, Equatable {
    /// The fixed metrics, in output order.
    public enum Core: Int, CaseIterable, Sendable {
        case nationalRisk, humanRisk, economicLoss, sectorsDisrupted, servicesDeprivation,
             personalCompromise, iotDevicesCompromised, neuralImplantsCompromised, neuralCompromise

        /// The CSV name.
        public var name: String {
            switch self {
            case .nationalRisk: "national_risk"
            case .humanRisk: "human_risk"
            case .economicLoss: "economic_loss_usd_bn"
            case .sectorsDisrupted: "sectors_disrupted"
            case .servicesDeprivation: "services_deprivation"
            case .personalCompromise: "personal_compromise"
            case .iotDevicesCompromised: "iot_devices_compromised_m"
            case .neuralImplantsCompromised: "neural_implants_compromised"
            case .neuralCompromise: "neural_compromise"
            }
        }
    }

    /// All metric names in output order.
    public let names: [String]
    /// Index of the first `human_<dimension>` metric.
    var firstDimension: Int { Core.allCases.count }

    init(dimensions: [String]) {
        names = Core.allCases.map(\.name) + dimensions.map { "human_" + $0 }
    }

    public init(scenario: Scenario) {
        self.init(dimensions: scenario.humanSecurity.dimensions.map(\.name))
    }

    public var count: Int { names.count }

    /// Whether the metric only takes whole-number values (its quantiles are rounded and its
    /// exceedance thresholds are whole numbers).
    public func isCount(_ index: Int) -> Bool {
        index == Core.sectorsDisrupted.rawValue || index == Core.neuralImplantsCompromised.rawValue
    }
}
