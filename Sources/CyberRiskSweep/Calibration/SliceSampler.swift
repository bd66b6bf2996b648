@_spi(Engine) import CyberRisk
import Foundation

/// Univariate slice sampling with stepping out and shrinkage (Neal 2003, "Slice sampling",
/// *Annals of Statistics* 31(3), figures 3 and 5): an update that leaves the density `e^{f}`
/// invariant, for any `f` that is finite at the current point.
///
/// Given `x₀`: draw the level `y = f(x₀) − E`, `E ~ Exp(1)`; place an interval of width `w`
/// randomly around `x₀` and step it out by `w` at most `m − 1` times in all while its ends lie
/// above the level; then draw uniformly from the interval, shrinking it towards `x₀` after each
/// rejected point, until a point with `f(x) > y` is found.
///
/// ```swift
/// var rng = RandomStream(seed: 1, trial: 0, stream: 0, site: 0)
/// var x = 0.0, fx = -0.5 * x * x
/// (x, fx) = SliceSampler.update(x, logDensity: { -0.5 * $0 * $0 }, at: fx, using: &rng)   // N(0, 1)
/// ```
enum SliceSampler {
    /// Most shrinkage steps before giving up and keeping `x₀` (never reached for a density that is
    /// positive near `x₀`: the interval halves about every step, so 200 steps reach `x₀`'s own
    /// floating-point neighbours).
    static let maximumShrinks = 200

    /// One update of `x0`, whose log density `fx0` is finite; returns the new point and its log
    /// density. `width` is the initial interval width `w`, `maxSteps` the stepping-out limit `m`.
    static func update(_ x0: Double, logDensity f: (Double) -> Double, at fx0: Double,
                              width: Double = 1, maxSteps: Int = 32,
                              using rng: inout RandomStream) -> (x: Double, logDensity: Double) {
        let level = fx0 - ExponentialZiggurat.sample(using: &rng)
        var lower = x0 - width * rng.uniform()
        var upper = lower + width
        var left = Int(Double(maxSteps) * rng.uniform())
        var right = maxSteps - 1 - left
        while left > 0 && f(lower) > level {
            lower -= width
            left -= 1
        }
        while right > 0 && f(upper) > level {
            upper += width
            right -= 1
        }
        for _ in 0..<maximumShrinks {
            let x = lower + rng.uniform() * (upper - lower)
            let fx = f(x)
            if fx > level { return (x, fx) }
            if x < x0 { lower = x } else { upper = x }
        }
        return (x0, fx0)
    }
}
