/// The triangular distribution on `[lower, upper]` with peak at `mode`, sampled by inversion of
/// its CDF with one uniform `u`. With `a = lower`, `c = mode`, `b = upper`, `F(c) = (c − a)/(b − a)`:
///
///     x = a + √(u·(b − a)·(c − a))          if u < F(c)
///     x = b − √((1 − u)·(b − a)·(b − c))    otherwise
///
/// Mean `(a + b + c)/3`, variance `(a² + b² + c² − ab − ac − bc)/18`.
///
/// ```swift
/// var rng = RandomStream(seed: 1, trial: 0, stream: 0, site: 0)
/// let x = Triangular.sample(lower: 0, mode: 1, upper: 4, using: &rng)
/// ```
package enum Triangular: Sendable {
    /// One draw (one word); `lower == upper` gives `lower` without drawing.
    /// Precondition (validated upstream): `lower ≤ mode ≤ upper`.
    package static func sample(lower: Double, mode: Double, upper: Double,
                              using rng: inout RandomStream) -> Double {
        let width = upper - lower
        guard width > 0 else { return lower }
        let u = rng.uniform()
        let left = mode - lower
        if u * width < left {
            return lower + (u * width * left).squareRoot()
        } else {
            return upper - ((1 - u) * width * (upper - mode)).squareRoot()
        }
    }
}
