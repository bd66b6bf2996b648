import Foundation

/// The standard normal distribution by the ziggurat method (``ZigguratTable``, 256 layers,
/// `r = 3.6541528853610088`, `v = r·φ̃(r) + √(π/2)·erfc(r/√2)` with `φ̃(x) = e^{−x²/2}`): the
/// sampler behind `RandomStream.standardNormal()`.
///
/// One word gives the layer (8 bits), the sign (bit 8) and the position (52 bits); ≈ 98.8% of
/// draws return at once, with no transcendental function. Otherwise layer 0 samples the tail
/// `|Z| > r` (Marsaglia 1964: `a = −ln(u₁)/r`, `b = −ln u₂` until `2b > a²`, `|Z| = r + a`), and
/// the other layers accept `x` if a uniform height falls under `e^{−x²/2}`, else start again
/// with a new word. Exact in distribution (the equal-area condition holds to ~1e−13, tested).
///
/// ```swift
/// var rng = RandomStream(seed: 1, trial: 0, stream: 0, site: 0)
/// let z = NormalZiggurat.sample(using: &rng)   // N(0, 1)
/// ```
enum NormalZiggurat: Sendable {
    /// Start of the tail, `x₁`.
    static let tailStart = 3.6541528853610088

    static let table = ZigguratTable(
        r: tailStart,
        v: tailStart * Foundation.exp(-0.5 * tailStart * tailStart)
            + (Double.pi / 2).squareRoot() * Foundation.erfc(tailStart / 2.0.squareRoot()),
        density: { Foundation.exp(-0.5 * $0 * $0) },
        inverse: { (-2 * Foundation.log($0)).squareRoot() })

    /// One `N(0, 1)` draw; one word per attempt (a few more in the rare wedge and tail cases).
    @inline(__always)
    static func sample(using rng: inout RandomStream) -> Double {
        let t = table
        while true {
            let bits = rng.next()
            let negative = bits & 0x100 != 0
            let (x, i, inside) = t.candidate(bits)
            if inside { return negative ? -x : x }
            if i == 0 {
                while true {
                    let a = -Foundation.log(rng.uniform()) / tailStart
                    let b = -Foundation.log(rng.uniform())
                    if b + b > a * a { return negative ? -(tailStart + a) : tailStart + a }
                }
            }
            if t.underCurve(layer: i, u: rng.uniform(), fx: Foundation.exp(-0.5 * x * x)) {
                return negative ? -x : x
            }
        }
    }
}
