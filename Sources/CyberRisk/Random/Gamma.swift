import Foundation

/// The gamma distribution with density `x^{k−1} e^{−x/θ} / (Γ(k) θ^k)` (shape `k`, scale `θ`);
/// mean `kθ`, variance `kθ²`.
///
/// - `k ≥ 1`: Marsaglia & Tsang (2000), "A simple method for generating gamma variables".
///   With `d = k − ⅓`, `c = 1/√(9d)`: draw `Z ~ N(0,1)`, `v = (1 + cZ)³`; reject `v ≤ 0`;
///   draw `u`; accept `d·v` if `u < 1 − 0.0331 Z⁴` or `ln u < Z²/2 + d(1 − v + ln v)`.
///   Acceptance ≥ 95%; each attempt takes 3 words (2 for `Z`, 1 for `u`).
/// - `k < 1`: the boost `Gamma(k) = Gamma(k + 1)·U^{1/k}`, evaluated in log space,
///   `ln X = ln Gamma(k + 1) + ln(U)/k`, so that tiny shapes (`k = 1e−6`, where `X` is typically
///   `e^{−10⁶}`) keep an exact, finite logarithm instead of underflowing to 0.
///
/// ```swift
/// var rng = RandomStream(seed: 1, trial: 0, stream: 0, site: 0)
/// let x = Gamma.sample(shape: 2.5, scale: 3, using: &rng)     // mean 7.5
/// let l = Gamma.logSample(shape: 1e-6, using: &rng)          // ≈ −1e6·Exp(1), finite
/// ```
public enum Gamma: Sendable {
    /// One `Gamma(shape, scale)` draw. For `shape < 1` this is `scale·exp(logSample(shape:))` and
    /// can be exactly 0 when the variate is below the smallest `Double` (common for shape ≲ 0.01);
    /// use `logSample(shape:)` when that matters.
    /// Preconditions (validated upstream): `shape > 0`, `scale > 0`; otherwise returns 0
    /// (`shape = +∞` gives `+∞`).
    @inline(__always)
    public static func sample(shape: Double, scale: Double, using rng: inout RandomStream) -> Double {
        if shape >= 1 { return scale * marsagliaTsang(shape: shape, using: &rng) }
        guard shape > 0 else { return 0 }
        return scale * Foundation.exp(logSample(shape: shape, using: &rng))
    }

    /// `ln X` for one `X ~ Gamma(shape, 1)`, finite for every `shape ≥ 1e−300`.
    /// Preconditions: `shape > 0` (otherwise returns `−∞`); `shape = +∞` gives `+∞`.
    @inline(__always)
    public static func logSample(shape: Double, using rng: inout RandomStream) -> Double {
        if shape >= 1 { return Foundation.log(marsagliaTsang(shape: shape, using: &rng)) }
        guard shape > 0 else { return -.infinity }
        let boosted = marsagliaTsang(shape: shape + 1, using: &rng)
        return Foundation.log(boosted) + Foundation.log(rng.uniform()) / shape
    }

    /// `Gamma(shape, 1)` for `shape ≥ 1` (Marsaglia–Tsang); `+∞` for `shape = +∞`.
    @inline(__always)
    static func marsagliaTsang(shape: Double, using rng: inout RandomStream) -> Double {
        guard shape.isFinite else { return .infinity }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let z = rng.standardNormal()
            var v = 1 + c * z
            if v <= 0 { continue }
            v = v * v * v
            let u = rng.uniform()
            let z2 = z * z
            if u < 1 - 0.0331 * z2 * z2 { return d * v }
            if Foundation.log(u) < 0.5 * z2 + d * (1 - v + Foundation.log(v)) { return d * v }
        }
    }
}
