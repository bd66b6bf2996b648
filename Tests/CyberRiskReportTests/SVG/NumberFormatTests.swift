import Testing
@testable import CyberRisk
@testable import CyberRiskReport

@Suite struct NumberFormatTests {
    @Test func plainUsesThreeSignificantDigitsAndSuffixes() {
        #expect(NumberFormat.plain.string(0) == "0")
        #expect(NumberFormat.plain.string(0.0025) == "0.0025")
        #expect(NumberFormat.plain.string(206.04) == "206")
        #expect(NumberFormat.plain.string(25_000) == "25k")
        #expect(NumberFormat.plain.string(1_500_000) == "1.5M")
        #expect(NumberFormat.plain.string(.nan) == "n/a")
    }

    @Test func percentShowsSharesTimesOneHundred() {
        #expect(NumberFormat.percent.string(0.005620) == "0.562%")
        #expect(NumberFormat.percent.string(1) == "100%")
        #expect(NumberFormat.percent.string(0.0001) == "0.01%")
        #expect(NumberFormat.year.string(2035) == "2035")
        #expect(NumberFormat.percentFixed.string(0.01) == "1.00%")
        #expect(NumberFormat.percentFixed.string(0.00978) == "0.978%")
        #expect(NumberFormat.percentFixed.string(0) == "0%")
    }

    @Test func dollarsAndGrouping() {
        #expect(RunReport.dollarsBn(206.04) == "US$ 206 bn")
        #expect(RunReport.dollarsBn(1650.2) == "US$ 1.65 trillion")
        #expect(RunReport.grouped(100_000) == "100,000")
        #expect(RunReport.grouped(2048) == "2,048")
        #expect(MetricLabel(metric: "economic_loss_usd_bn").range(115, 300) == "US$ 115–300 bn")
        #expect(MetricLabel(metric: "national_risk").range(0.005, 0.015) == "0.5% – 1.5%")
    }
}
