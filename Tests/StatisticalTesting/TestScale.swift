import Foundation

/// The sample-size multiplier of the statistical tests: `CYBERRISK_TEST_SCALE` (a whole number,
/// default 1). `Tests/README.md` says when to use it: a statistical test that failed is re-run
/// at 10× its sample to tell a real bias (its z grows by √10) from chance (its z falls back).
package enum TestScale {
    package static let factor: Int = {
        let raw = ProcessInfo.processInfo.environment["CYBERRISK_TEST_SCALE"] ?? "1"
        return max(1, Int(raw) ?? 1)
    }()
}
