import Foundation

/// The gamma distribution with density `x^{k−1} e^{−x/θ} / (Γ(k) θ^k)` (shape `k`, scale `θ`);
/// mean `kθ`, variance `kθ²`.
///
/// - `k ≥ 1`: Marsaglia & Tsang (2000), "A simple method for generating gamma variables".
///   With `d = k − ⅓`, `c = 1/√(9d)`: draw `Z ~ N(0,1)`, `v = (1 + cZ)³`; reject `v ≤ 0`;
///   draw `u`; accept `d·v` if `u < 1 − 0.0331 Z⁴` or `ln u < Z²/2 + d(1 − v + ln v)`.
///   Acceptance ≥ 95%; each attempt takes about 2 words (`Z` from the ziggurat, then `u`).
/// - `k < 1`: the boost `Gamma(k) = Gamma(k + 1)·U^{1/k}`. ``Sampler/parts(using:)`` returns the
///   two factors as `(m, e)` with `X = m·e^{e}`, `e = ln(U)/k = −E/k` where `E = −ln U ~ Exp(1)`
///   is drawn by the exponential ziggurat (no logarithm), so that callers can keep tiny
///   variates (`k = 1e−6`, where `X` is typically `e^{−10⁶}`) in log space instead of
///   underflowing to 0.
///
/// ```swift
/// var rng = RandomStream(seed: 1, trial: 0, stream: 0, site: 0)
/// let x = Gamma.sample(shape: 2.5, scale: 3, using: &rng)     // mean 7.5
/// let l = Gamma.logSample(shape: 1e-6, using: &rng)          // ≈ −1e6·Exp(1), finite
/// ```
@_spi(Engine) public enum Gamma: Sendable {
    /// One `Gamma(shape, scale)` draw. For `shape < 1` this is `scale·m·exp(e)` and can be
    /// exactly 0 when the variate is below the smallest `Double` (common for shape ≲ 0.01);
    /// use `logSample(shape:)` when that matters.
    /// Preconditions (validated upstream): `shape > 0`, `scale > 0`; otherwise returns 0
    /// (`shape = +∞` gives `+∞`).
    @inline(__always)
    @_spi(Engine) public static func sample(shape: Double, scale: Double, using rng: inout RandomStream) -> Double {
        guard shape > 0 else { return 0 }
        let (m, e) = Sampler(shape: shape).parts(using: &rng)
        return scale * (e == 0 ? m : m * Foundation.exp(e))
    }

    /// `ln X` for one `X ~ Gamma(shape, 1)`, finite for every `shape ≥ 1e−300`.
    /// Preconditions: `shape > 0` (otherwise returns `−∞`); `shape = +∞` gives `+∞`.
    @inline(__always)
    package static func logSample(shape: Double, using rng: inout RandomStream) -> Double {
        guard shape > 0 else { return -.infinity }
        let (m, e) = Sampler(shape: shape).parts(using: &rng)
        return Foundation.log(m) + e
    }

    /// The constants of one shape, computed once for many draws (`√` and `1/k` out of the loop).
    ///
    /// ```swift
    /// let g = Gamma.Sampler(shape: 0.08)
    /// var rng = RandomStream(seed: 1, trial: 0, stream: 0, site: 0)
    /// let (m, e) = g.parts(using: &rng)    // X = m·exp(e) ~ Gamma(0.08)
    /// ```
    @_spi(Engine) public struct Sampler: Sendable {
        /// Marsaglia–Tsang `d = k' − ⅓` and `c = 1/√(9d)` for `k' = k` (`k ≥ 1`) or `k + 1`.
        let d: Double
        let c: Double
        /// `1/k` when boosted (`k < 1`), else 0.
        let inverseShape: Double
        let finite: Bool

        /// Precondition: `shape > 0` (callers check; NaN behaves as an infinite shape).
        @inline(__always)
        @_spi(Engine) public init(shape: Double) {
            finite = shape.isFinite
            let boosted = shape < 1
            d = (boosted ? shape + 1 : shape) - 1.0 / 3.0
            c = 1 / (9 * d).squareRoot()
            inverseShape = boosted ? 1 / shape : 0
        }

        /// One variate as `X = m·e^{e}`: `m ~ Gamma(max(k, k + 1))` by Marsaglia–Tsang, then
        /// (only when `k < 1`) `e = −E/k ≤ 0` with `E ~ Exp(1)` (`ExponentialZiggurat`, about one
        /// word); `e = 0` when `k ≥ 1`.
        /// `(+∞, 0)` for an infinite shape.
        @inline(__always)
        @_spi(Engine) public func parts(using rng: inout RandomStream) -> (m: Double, e: Double) {
            guard finite else { return (.infinity, 0) }
            let m = Gamma.marsagliaTsang(d: d, c: c, using: &rng).x
            if inverseShape == 0 { return (m, 0) }
            return (m, -ExponentialZiggurat.sample(using: &rng) * inverseShape)
        }

        /// `parts(using:)` and one more uniform `v ∈ (0, 1)` independent of the variate, at no
        /// extra word when the Marsaglia–Tsang squeeze accepted: given `u < s(Z)`, `u/s(Z)` is
        /// uniform on `(0, 1)` and independent of `Z` (the recycling of a rejection test's
        /// uniform); after the logarithmic test, `v` is a fresh word. `v` is returned as the
        /// fraction `vNumerator/vDenominator` (`vDenominator = 1` for a fresh word), so that a
        /// caller comparing it with a bound needs no division. Precondition: finite shape.
        @inline(__always)
        func partsAndUniform(using rng: inout RandomStream)
            -> (m: Double, e: Double, vNumerator: Double, vDenominator: Double) {
            let g = Gamma.marsagliaTsang(d: d, c: c, using: &rng)
            let e = inverseShape == 0 ? 0 : -ExponentialZiggurat.sample(using: &rng) * inverseShape
            if g.squeeze > 0 { return (g.x, e, g.u, g.squeeze) }
            return (g.x, e, rng.uniform(), 1)
        }
    }

    /// `Gamma(shape, 1)` for `shape ≥ 1` (Marsaglia–Tsang); `+∞` for `shape = +∞`.
    @inline(__always)
    static func marsagliaTsang(shape: Double, using rng: inout RandomStream) -> Double {
        guard shape.isFinite else { return .infinity }
        let d = shape - 1.0 / 3.0
        return marsagliaTsang(d: d, c: 1 / (9 * d).squareRoot(), using: &rng).x
    }

    /// The Marsaglia–Tsang loop with precomputed `d = k − ⅓`, `c = 1/√(9d)`. Returns the variate
    /// `x`, the accepted attempt's uniform `u`, and the squeeze bound `s = 1 − 0.0331 Z⁴` if the
    /// squeeze accepted (`u < s`), else 0.
    @inline(__always)
    static func marsagliaTsang(d: Double, c: Double,
                               using rng: inout RandomStream) -> (x: Double, u: Double, squeeze: Double) {
        while true {
            let z = rng.standardNormal()
            var v = 1 + c * z
            if v <= 0 { continue }
            v = v * v * v
            let u = rng.uniform()
            let z2 = z * z
            let s = 1 - 0.0331 * z2 * z2
            if u < s { return (d * v, u, s) }
            if Foundation.log(u) < 0.5 * z2 + d * (1 - v + Foundation.log(v)) { return (d * v, u, 0) }
        }
    }
}
