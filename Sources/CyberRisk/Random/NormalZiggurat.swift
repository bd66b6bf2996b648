import Foundation

/// The standard normal distribution by the ziggurat method (Marsaglia & Tsang 2000, "The
/// ziggurat method for generating random variables", J. Stat. Software 5(8)), with 256 layers
/// and one 64-bit word per attempt — the sampler behind `RandomStream.standardNormal()`.
///
/// The half-density `f(x) = e^{−x²/2}` is covered by 256 layers of equal area `v`: a base strip
/// `[0, x₀] × [0, f(r)]` (`x₀ = v/f(r)`; its part beyond `r` stands for the tail) and rectangles
/// `[0, xᵢ] × [f(xᵢ), f(xᵢ₊₁)]` with `x₁ = r`, `xᵢ₊₁ = f⁻¹(f(xᵢ) + v/xᵢ)`, `x₂₅₆ = 0`;
/// `r = 3.6541528853610088` and `v = r·f(r) + √(π/2)·erfc(r/√2)`. One word gives the layer `i`
/// (8 bits), the sign (1 bit) and `u = j·2⁻⁵²` (52 bits); `x = u·xᵢ` is returned at once when
/// `x < xᵢ₊₁` (≈ 98.8% of draws: no transcendental function at all). Otherwise layer 0 samples
/// the tail `x > r` (Marsaglia 1964: `a = −ln(u₁)/r`, `b = −ln u₂` until `2b > a²`, `x = r + a`),
/// and the other layers accept `x` if a uniform height in `[f(xᵢ), f(xᵢ₊₁)]` falls under `f(x)`,
/// else start again with a new word. It is an exact rejection method: the only error is the
/// equal-area condition of the top layer, which holds to ~1e−13 relative (tested).
///
/// ```swift
/// var rng = RandomStream(seed: 1, trial: 0, stream: 0, site: 0)
/// let z = NormalZiggurat.sample(using: &rng)   // N(0, 1)
/// ```
public enum NormalZiggurat: Sendable {
    /// Start of the tail, `x₁`.
    public static let tailStart = 3.6541528853610088

    /// The layer table: `x` (257 edges `x₀ … x₂₅₆`), `w = xᵢ·2⁻⁵²`, `k = ⌊2⁵²·xᵢ₊₁/xᵢ⌋`, `f = f(xᵢ)`.
    /// Built once and never freed; the sampler reads it through raw pointers, so the hot loop
    /// does no reference counting and no bounds checks (every index is `< 256` by masking).
    struct Table: @unchecked Sendable {
        let x: UnsafeMutablePointer<Double>
        let w: UnsafeMutablePointer<Double>
        let k: UnsafeMutablePointer<UInt64>
        let f: UnsafeMutablePointer<Double>

        init() {
            let r = NormalZiggurat.tailStart
            let fr = Foundation.exp(-0.5 * r * r)
            let v = r * fr + (Double.pi / 2).squareRoot() * Foundation.erfc(r / 2.0.squareRoot())
            let x = UnsafeMutablePointer<Double>.allocate(capacity: 257)
            x[0] = v / fr
            x[1] = r
            for i in 1..<255 {
                x[i + 1] = (-2 * Foundation.log(v / x[i] + Foundation.exp(-0.5 * x[i] * x[i]))).squareRoot()
            }
            x[256] = 0
            self.x = x
            w = .allocate(capacity: 256)
            k = .allocate(capacity: 256)
            f = .allocate(capacity: 257)
            for i in 0..<256 {
                w[i] = x[i] * 0x1p-52
                k[i] = UInt64((x[i + 1] / x[i] * 0x1p52).rounded(.down))
            }
            for i in 0...256 { f[i] = Foundation.exp(-0.5 * x[i] * x[i]) }
        }

        /// Area of layer `i` (the base strip includes the tail).
        func area(_ i: Int) -> Double {
            if i == 0 {
                let r = x[1]
                return r * f[1] + (Double.pi / 2).squareRoot() * Foundation.erfc(r / 2.0.squareRoot())
            }
            return x[i] * (f[i + 1] - f[i])
        }
    }

    static let table = Table()

    /// One `N(0, 1)` draw; consumes one word per attempt (a few more in the rare wedge and tail cases).
    @inline(__always)
    public static func sample(using rng: inout RandomStream) -> Double {
        let w = table.w, k = table.k, f = table.f
        while true {
            let bits = rng.next()
            let i = Int(bits & 0xFF)
            let negative = bits & 0x100 != 0
            let j = bits >> 12
            let x = Double(j) * w[i]
            if j < k[i] { return negative ? -x : x }
            if i == 0 {
                let r = tailStart
                while true {
                    let a = -Foundation.log(rng.uniform()) / r
                    let b = -Foundation.log(rng.uniform())
                    if b + b > a * a { return negative ? -(r + a) : r + a }
                }
            }
            let y = f[i] + rng.uniform() * (f[i + 1] - f[i])
            if y < Foundation.exp(-0.5 * x * x) { return negative ? -x : x }
        }
    }
}
