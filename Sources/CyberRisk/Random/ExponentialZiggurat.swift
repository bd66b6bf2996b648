import Foundation

/// The standard exponential distribution `Exp(1)` (density `e^{−x}`) by the ziggurat method
/// (``ZigguratTable``, 256 layers, `r = 7.69711747013104972`, `v = (r + 1)·e^{−r}`; Marsaglia &
/// Tsang 2000). It replaces `−ln U` where that is only needed in distribution (the gamma boost):
/// ≈ 99% of draws cost one word and no logarithm. Layer 0's tail is `r + Exp(1)`, drawn as
/// `r − ln u` (memorylessness); the other layers accept `x` if a uniform height falls under
/// `e^{−x}`. Exact in distribution (the equal-area condition holds to ~1e−13, tested).
///
/// ```swift
/// var rng = RandomStream(seed: 1, trial: 0, stream: 0, site: 0)
/// let e = ExponentialZiggurat.sample(using: &rng)   // mean 1
/// ```
package enum ExponentialZiggurat: Sendable {
    /// Start of the tail, `x₁`.
    static let tailStart = 7.69711747013104972

    static let table = ZigguratTable(
        r: tailStart,
        v: (tailStart + 1) * Foundation.exp(-tailStart),
        density: { Foundation.exp(-$0) },
        inverse: { -Foundation.log($0) })

    /// One `Exp(1)` draw; one word per attempt (one more in the rare wedge and tail cases).
    @inline(__always)
    package static func sample(using rng: inout RandomStream) -> Double {
        let t = table
        while true {
            let (x, i, inside) = t.candidate(rng.next())
            if inside { return x }
            if i == 0 { return tailStart - Foundation.log(rng.uniform()) }
            if t.underCurve(layer: i, u: rng.uniform(), fx: Foundation.exp(-x)) { return x }
        }
    }
}
