/// The distribution of one severity: the inoperability one attack (or one event, in one sector)
/// causes, as a share of the national sector's annual operation **when the sector is fully
/// digital** (`d_i = 1`); the engine scales it by `d_i(t)` and caps the direct shock at 1,
/// `c_i = min(1, d_i(t)·ΣS)` (docs/model.md). Every draw is capped at 1.
///
/// Its parameters may be uncertain (drawn once per trial) like any other.
///
/// ```yaml
/// severity: {alpha: 0.08, beta: 400}                              # Beta
/// severity: {lognormal: {median: 0.002, sigma: 1.6}}
/// severity: {gpd: {threshold: 0.001, scale: 0.004, shape: 0.5}}   # 0 ≤ shape < 1
/// severity: {spliced: {body: {alpha: 0.5, beta: 200}, threshold: 0.01, tail_probability: 0.02,
///                      scale: 0.01, shape: 0.6}}
/// ```
public enum Severity: Sendable, Equatable, Hashable {
    /// `Beta(α, β)`.
    case beta(BetaShape)
    /// `min(1, m·e^{σZ})`.
    case lognormal(median: Parameter, sigma: Parameter)
    /// `min(1, u + GPD(σ, ξ))`, `0 ≤ ξ < 1` (the mean exists).
    case gpd(GPDTail)
    /// The body conditioned below `tail.threshold` with probability `1 − tailProbability`, the
    /// GPD `tail` above it with probability `tailProbability`.
    case spliced(body: SplicedBody, tailProbability: Parameter, tail: GPDTail)

    /// The sampler family.
    var kind: SeverityKind {
        switch self {
        case .beta: .beta
        case .lognormal: .lognormal
        case .gpd: .gpd
        case .spliced(.beta, _, _): .splicedBeta
        case .spliced(.lognormal, _, _): .splicedLognormal
        }
    }

    /// The parameters in ``SeveritySampler``'s slot order (six, unused ones `0`).
    var parameters: [Parameter] {
        let zero = Parameter.fixed(0)
        switch self {
        case .beta(let b): return [b.alpha, b.beta, zero, zero, zero, zero]
        case .lognormal(let m, let s): return [m, s, zero, zero, zero, zero]
        case .gpd(let t): return [t.threshold, t.scale, t.shape, zero, zero, zero]
        case .spliced(let body, let p, let t):
            let (a, b) = body.parameters
            return [a, b, t.threshold, p, t.scale, t.shape]
        }
    }

    /// The sampler at the parameters' means (fixed values as they are).
    var meanSampler: SeveritySampler {
        let v = parameters.map(\.mean)
        return SeveritySampler(kind: kind, v[0], v[1], v[2], v[3], v[4], v[5])
    }
}

/// A generalized Pareto tail above `threshold ≥ 0` with `scale > 0` and `0 ≤ shape < 1`.
public struct GPDTail: Sendable, Equatable, Hashable {
    public var threshold: Parameter
    public var scale: Parameter
    public var shape: Parameter

    init(threshold: Parameter, scale: Parameter, shape: Parameter) {
        self.threshold = threshold
        self.scale = scale
        self.shape = shape
    }
}

/// The body of a spliced severity: Beta or lognormal.
public enum SplicedBody: Sendable, Equatable, Hashable {
    case beta(BetaShape)
    case lognormal(median: Parameter, sigma: Parameter)

    /// Its two parameters in slot order (`α, β` or `m, σ`).
    var parameters: (Parameter, Parameter) {
        switch self {
        case .beta(let b): (b.alpha, b.beta)
        case .lognormal(let m, let s): (m, s)
        }
    }
}
