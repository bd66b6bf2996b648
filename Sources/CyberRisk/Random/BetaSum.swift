import Foundation

/// The sum `S = X₁ + … + X_K` of `K` independent `Beta(α, β)` variates, drawn in chunks of `m`
/// terms at once where that is exact and cheap (`α < 1 ≤ 10 ≤ β`, the attack severities), and
/// term by term (``Beta/Sampler``) otherwise. Only the sum of a sector-year's severities enters the
/// model, so the engine never needs the terms themselves.
///
/// **Chunks by joint rejection.** ``Beta/Sampler`` draws one term by rejection from the proposal
/// `Y = Gamma(α)/(β − 1)`, accepted with probability `a(y) = exp((β − 1)(ln(1 − y) + y))` (0 for
/// `y ≥ 1`). For `m` terms at once, an i.i.d. tuple of proposals `(Y₁, …, Y_m)` accepted with
/// probability `∏ a(Y_j)` is an i.i.d. tuple of `Beta(α, β)` variates (the accepted density is
/// `∏ g(y_j)a(y_j) ∝ ∏ f(y_j)`). The tuple is drawn as its sum and its shares:
/// `T = ΣY_j ~ Gamma(mα)/(β − 1)` and, independent of `T`, `(Y_j/T) ~ Dirichlet(α, …, α)`,
/// i.e. `Y_j = T·G_j/ΣG_k` with `G_j ~ Gamma(α)` i.i.d. Because
/// `ln(1 − y) + y = −Σ_{n≥2} yⁿ/n ≥ −y²/(2(1 − y))`, `Σ Y_j² ≤ T²` and `max Y_j ≤ T`,
///
///     ∏ a(Y_j) ≥ L(T) = exp(−(β − 1)·T²/(2(1 − T)))      (T < 1; L = 0 for T ≥ 1),
///
/// a bound that needs only `T`. So: draw `T` and a uniform `U`; if `U ≤ L(T)` the chunk is
/// accepted and its sum is `T` (one gamma draw, no shares). Otherwise (rarely) draw the shares,
/// accept iff every `Y_j < 1` and `U ≤ ∏ a(Y_j)` with the same `U`, and on rejection start the
/// chunk again with a fresh `T`. Both branches together accept exactly with probability
/// `∏ a(Y_j)`, so the sum has exactly the distribution of `m` i.i.d. `Beta(α, β)` terms.
///
/// **Chunk size.** A chunk costs one gamma draw (about 2–3 words, `U` recycled from its
/// Marsaglia–Tsang squeeze) plus, with probability `P(U > L(T)) ≈ mα(mα + 1)/(2(β − 1))`, the
/// `m` shares; counting a share as one draw, a term costs `≈ 1/m + m²α²/(2(β − 1))` draws,
/// smallest at `m = ((β − 1)/α²)^{1/3}` (40 for `Beta(0.08, 400)`, 76 for `Beta(0.03, 400)`),
/// capped at ``maximumChunk``. (A share costs 2–3 draws — two passes and a logarithm — which
/// would favour a chunk 0.7–0.8 times as large, but the cost is flat near its minimum: the chosen
/// `m` costs at most ~10% more.) At that size the chunk's joint acceptance
/// `≈ exp(−mα(α + 1)/(2(β − 1))) = exp(−α^{1/3}(α + 1)/(2(β − 1)^{2/3}))` is ≥ 0.79 throughout
/// the regime, so rejected chunks cost little. `K` terms take `⌈K/m⌉` chunks (the last one
/// smaller).
///
/// The shares are never stored: the `G_j` are drawn once to find their sum and then drawn again
/// from a copy of the stream, so a chunk needs no memory whatever `m` is.
///
/// ```swift
/// var rng = RandomStream(seed: 1, trial: 0, stream: 0, site: 0)
/// let severities = BetaSum(alpha: 0.08, beta: 400)          // chunks of 40
/// let s = severities.sample(count: 60, using: &rng)          // mean 60 · 0.08/400.08
/// let c = severities.sample(count: 1e6, stoppingAt: 2, using: &rng)   // ≥ 2: saturated early
/// ```
@_spi(Engine) public struct BetaSum: Sendable {
    /// The largest chunk, whatever the shapes (bounds the work of one share draw).
    static let maximumChunk = 4096.0

    /// Term-by-term sampler (also the source of `α`'s gamma constants).
    let single: Beta.Sampler
    /// Terms per chunk; 0 outside the chunked regime.
    let chunk: Double
    /// `Gamma(mα)` for a full chunk.
    let fullChunk: Gamma.Sampler
    /// `Gamma(α)` for the shares.
    let share: Gamma.Sampler
    /// The shapes this sampler was built for.
    let alpha: Double
    let beta: Double
    /// `β − 1`, `1/(β − 1)` and `ln(β − 1)`.
    let rate: Double
    let scale: Double
    let logRate: Double

    /// The sampler with the cost-minimising chunk size (see the type's documentation).
    /// Preconditions (validated upstream): `alpha > 0`, `beta > 0`; otherwise every sum is 0.
    @inline(__always)
    @_spi(Engine) public init(alpha: Double, beta: Double) {
        self.init(alpha: alpha, beta: beta, chunk: BetaSum.chunkSize(alpha: alpha, beta: beta))
    }

    /// A sampler with a given chunk size `m ≥ 1` (rounded down; any `m` is exact), used in the
    /// chunked regime only; elsewhere the terms are drawn one by one.
    @inline(__always)
    init(alpha: Double, beta: Double, chunk: Double) {
        single = Beta.Sampler(alpha: alpha, beta: beta)
        let chunked = single.rate > 0
        self.chunk = chunked ? Swift.max(1, chunk.rounded(.down)) : 0
        self.alpha = alpha
        self.beta = beta
        rate = single.rate
        scale = single.scale
        logRate = single.logRate
        share = single.first
        fullChunk = Gamma.Sampler(shape: chunked ? self.chunk * alpha : 1)
    }

    /// `m = round(((β − 1)/α²)^{1/3})` within `1 … maximumChunk`; 0 outside `α < 1 ≤ 10 ≤ β`.
    ///
    /// ```swift
    /// BetaSum.chunkSize(alpha: 0.08, beta: 400)   // 40
    /// BetaSum.chunkSize(alpha: 1, beta: 500)      // 0: term by term
    /// ```
    static func chunkSize(alpha: Double, beta: Double) -> Double {
        guard alpha > 0 && alpha < 1 && beta >= 10 && beta.isFinite else { return 0 }
        let best = Foundation.cbrt((beta - 1) / (alpha * alpha)).rounded()
        return Swift.max(1, Swift.min(best, maximumChunk))
    }

    /// `Σ_{j<count} X_j`, or, once a partial sum reaches `limit`, that partial sum (`≥ limit`):
    /// callers that clamp the sum (the direct shock `min(1, d·S)` with `limit = 1/d`) need no
    /// more terms. `count` is a whole number as `Double` (Poisson counts); `count ≤ 0` gives 0.
    @inline(__always)
    @_spi(Engine) public func sample(count: Double, stoppingAt limit: Double = .infinity,
                       using rng: inout RandomStream) -> Double {
        guard single.valid else { return 0 }
        var total = 0.0
        var left = count
        if chunk == 0 {
            while left > 0 && total < limit {
                total += single.sample(using: &rng)
                left -= 1
            }
            return total
        }
        while left > 0 && total < limit {
            if left >= chunk {
                total += chunkSum(size: chunk, gamma: fullChunk, using: &rng).sum
                left -= chunk
            } else {
                total += chunkSum(size: left, gamma: Gamma.Sampler(shape: left * alpha), using: &rng).sum
                left = 0
            }
        }
        return total
    }

    /// The sum of `size` terms by joint rejection; `gamma` is `Gamma(size·α)`. Also returns how
    /// many times the shares were drawn (the fallback below the squeeze), for tests.
    @inline(__always)
    func chunkSum(size: Double, gamma: Gamma.Sampler,
                  using rng: inout RandomStream) -> (sum: Double, fallbacks: Int) {
        var fallbacks = 0
        while true {
            let (m, e, u, s) = gamma.partsAndUniform(using: &rng)   // U = u/s
            let t = e > -700 ? m * Foundation.exp(e) * scale
                             : Foundation.exp(Foundation.log(m) + e - logRate)
            if t < 1 {
                // U < 1 − (β − 1)T²/(2(1 − T)) ≤ L(T), multiplied out (s > 0, 1 − T > 0).
                let twiceComplement = 2 - 2 * t
                if u * twiceComplement < s * (twiceComplement - rate * t * t) { return (t, fallbacks) }
                if Foundation.log(u / s) < -rate * t * t / twiceComplement { return (t, fallbacks) }
                if size == 1 {
                    // One term: the share is 1 and ∏ a(Y_j) = a(T).
                    if Foundation.log(u / s) < rate * (Foundation.log1p(-t) + t) { return (t, fallbacks) }
                    continue
                }
            } else if size == 1 {
                continue
            }
            fallbacks += 1
            if acceptsShares(of: t, size: size, logU: Foundation.log(u / s), using: &rng) {
                return (t, fallbacks)
            }
        }
    }

    /// Draws the shares `G_j/ΣG_k` of `size` terms and tests `ln U ≤ Σ ln a(T·G_j/ΣG_k)`. The
    /// `G_j` are kept as `ln G_j = ln m_j + e_j` (they underflow for small `α`); a first pass finds
    /// `ln ΣG` (running maximum), a second pass replays the same words from a copy of the stream.
    /// Rare, so kept out of line.
    @inline(never)
    func acceptsShares(of t: Double, size: Double, logU: Double, using rng: inout RandomStream) -> Bool {
        var replay = rng
        let count = Int(size)
        var largest = -Double.infinity
        var scaledSum = 0.0            // ΣG / e^{largest}
        for _ in 0..<count {
            let (m, e) = share.parts(using: &rng)
            let l = Foundation.log(m) + e
            if l > largest {
                scaledSum = scaledSum * Foundation.exp(largest - l) + 1
                largest = l
            } else {
                scaledSum += Foundation.exp(l - largest)
            }
        }
        let logScale = Foundation.log(t / scaledSum) - largest   // Y_j = e^{ln G_j + logScale}
        var logAcceptance = 0.0
        for _ in 0..<count {
            let (m, e) = share.parts(using: &replay)
            let y = Foundation.exp(Foundation.log(m) + e + logScale)
            if y >= 1 { return false }
            logAcceptance += rate * (Foundation.log1p(-y) + y)
            if logAcceptance < logU { return false }   // every term is ≤ 0
        }
        return true
    }
}
