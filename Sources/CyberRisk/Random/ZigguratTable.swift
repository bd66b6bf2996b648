import Foundation

/// The layer table of a 256-layer ziggurat (Marsaglia & Tsang 2000, "The ziggurat method for
/// generating random variables", J. Stat. Software 5(8)) for a decreasing density `f` on
/// `[0, ∞)` with `f(0) = 1`, shared by ``NormalZiggurat`` and ``ExponentialZiggurat``.
///
/// The area under `f` is covered by 256 layers of equal area `v`: a base strip `[0, x₀] × [0, f(r)]`
/// (`x₀ = v/f(r)`; its part beyond `r` stands for the tail, so `v = r·f(r) + ∫_r^∞ f`) and
/// rectangles `[0, xᵢ] × [f(xᵢ), f(xᵢ₊₁)]` with `x₁ = r`, `xᵢ₊₁ = f⁻¹(f(xᵢ) + v/xᵢ)`, `x₂₅₆ = 0`.
/// One 64-bit word gives the layer `i` (its low 8 bits) and `j` (its top 52 bits); the candidate
/// `x = j·2⁻⁵²·xᵢ` lies under `f` at once when `j < kᵢ = ⌊2⁵²·xᵢ₊₁/xᵢ⌋`. The samplers handle the
/// rest: the tail for layer 0, and for the others a uniform height in `[f(xᵢ), f(xᵢ₊₁)]` compared
/// with `f(x)`. The method is exact when the layers' areas are equal, which holds to ~1e−13
/// relative with the published `r` (tested).
///
/// Built once and never freed; samplers read it through raw pointers, so the hot loop does no
/// reference counting and no bounds checks (every index is `< 256` by masking).
struct ZigguratTable: @unchecked Sendable {
    /// Start of the tail, `x₁ = r`.
    let tailStart: Double
    /// The common layer area `v`.
    let layerArea: Double
    /// Layer edges `x₀ … x₂₅₆`.
    let x: UnsafeMutablePointer<Double>
    /// `xᵢ·2⁻⁵²` (`i < 256`).
    let w: UnsafeMutablePointer<Double>
    /// `⌊2⁵²·xᵢ₊₁/xᵢ⌋` (`i < 256`).
    let k: UnsafeMutablePointer<UInt64>
    /// `f(xᵢ)` (`i ≤ 256`).
    let f: UnsafeMutablePointer<Double>

    /// The table for density `f` with inverse `inverse`, tail start `r` and layer area `v`.
    init(r: Double, v: Double, density: (Double) -> Double, inverse: (Double) -> Double) {
        tailStart = r
        layerArea = v
        x = .allocate(capacity: 257)
        x[0] = v / density(r)
        x[1] = r
        for i in 1..<255 { x[i + 1] = inverse(v / x[i] + density(x[i])) }
        x[256] = 0
        w = .allocate(capacity: 256)
        k = .allocate(capacity: 256)
        f = .allocate(capacity: 257)
        for i in 0..<256 {
            w[i] = x[i] * 0x1p-52
            k[i] = UInt64((x[i + 1] / x[i] * 0x1p52).rounded(.down))
        }
        for i in 0...256 { f[i] = density(x[i]) }
    }

    /// Area of rectangle layer `i ≥ 1`, `xᵢ·(f(xᵢ₊₁) − f(xᵢ))` (equal to `layerArea` when exact).
    func area(_ i: Int) -> Double {
        x[i] * (f[i + 1] - f[i])
    }

    /// The candidate of one word: `x`, its layer, and whether it lies under `f` without a test.
    @inline(__always)
    func candidate(_ bits: UInt64) -> (x: Double, layer: Int, inside: Bool) {
        let i = Int(bits & 0xFF)
        let j = bits >> 12
        return (Double(j) * w[i], i, j < k[i])
    }

    /// The wedge test of layer `i ≥ 1`: a height `f(xᵢ) + u·(f(xᵢ₊₁) − f(xᵢ))` below `fx = f(x)`.
    @inline(__always)
    func underCurve(layer i: Int, u: Double, fx: Double) -> Bool {
        f[i] + u * (f[i + 1] - f[i]) < fx
    }
}
