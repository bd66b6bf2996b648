import CyberRisk

/// How the report names a metric (the `metric` column of the CSVs) and writes its values: a
/// title, an axis title with the unit, and a number format (shares in `[0, 1]` as percent).
///
/// ```swift
/// MetricLabel(metric: "economic_loss_usd_bn").axisTitle   // "economic loss, US$ bn per year"
/// MetricLabel(metric: "national_risk").format             // .percent
/// ```
struct MetricLabel: Sendable, Equatable {
    var metric: String
    var title: String
    var axisTitle: String
    var format: NumberFormat

    /// A value with its unit for running text: `0.56%`, `US$ 206 bn`, `3.2`.
    func value(_ x: Double) -> String {
        metric == "economic_loss_usd_bn" ? RunReport.dollarsBn(x) : format.string(x)
    }

    /// A range of values with the unit once: `0.58% – 1.5%`, `US$ 115–300 bn`.
    func range(_ lo: Double, _ hi: Double) -> String {
        guard metric == "economic_loss_usd_bn", Swift.max(Swift.abs(lo), Swift.abs(hi)) < 1000 else {
            return value(lo) + " – " + value(hi)
        }
        return "US$ \(NumberFormat.significant(lo))–\(NumberFormat.significant(hi)) bn"
    }

    init(metric: String) {
        self.metric = metric
        switch metric {
        case "national_risk":
            (title, axisTitle, format) = ("National risk", "national risk, % of critical-sector operation lost (weighted)", .percent)
        case "human_risk":
            (title, axisTitle, format) = ("Human-security risk", "human risk, % of people's security lost (weighted)", .percent)
        case "economic_loss_usd_bn":
            (title, axisTitle, format) = ("Economic loss", "economic loss, US$ bn per year", .plain)
        case "sectors_disrupted":
            (title, axisTitle, format) = ("Sectors disrupted", "sectors disrupted per year (count)", .plain)
        case "services_deprivation":
            (title, axisTitle, format) = ("Services deprivation", "services deprivation, % (weighted)", .percent)
        case "personal_compromise":
            (title, axisTitle, format) = ("Personal-device compromise", "share of people with a device compromised, %", .percent)
        case "iot_devices_compromised_m":
            (title, axisTitle, format) = ("IoT devices compromised", "personal IoT devices compromised, millions per year", .plain)
        case "neural_implants_compromised":
            (title, axisTitle, format) = ("Neural implants compromised", "implants compromised per year (count)", .plain)
        case "neural_compromise":
            (title, axisTitle, format) = ("Neural-implant compromise", "share of implants compromised, %", .percent)
        default:
            if metric.hasPrefix("human_") {
                let dimension = metric.dropFirst("human_".count).replacingOccurrences(of: "_", with: " ")
                (title, axisTitle, format) = ("Human security: \(dimension)", "\(dimension) security lost, %", .percent)
            } else {
                (title, axisTitle, format) = (metric, metric, .plain)
            }
        }
    }
}
