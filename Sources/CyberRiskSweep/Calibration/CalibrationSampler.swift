@_spi(Engine) import CyberRisk
import Dispatch
import Foundation
import Synchronization

/// The posterior sampler of the calibration model (`docs/calibration.md`, "Inference"): a Gibbs
/// sampler whose sweep updates, in order,
///
/// 1. each factor `θ_i` of a sector with data — exactly from its conjugate
///    `Gamma(α + Σy, α/m + Σ base·r)` in the Poisson model, by slice sampling `ln θ_i` otherwise;
/// 2. `ln c` (the factors' CV, `α = c⁻²`) by slice sampling its full conditional (``SliceSampler``);
/// 3. a joint move of `ln c + ε` with the factors' spread around their log-mean, `ln θ_i − ψ̄`,
///    scaled by `e^ε`;
/// 4. `ln m` by slice sampling; 5. a joint shift `(ln θ_i + δ, ln m + δ)`;
/// 6. `ln ρ` and 7. `ln s` by slice sampling;
/// 8. a joint move along the line `(ln ρ + u, ln θ_i − u, ln m − u)`: the data inform only
///    `ρ·θ_i` where the shared rate is used, and this move crosses that ridge in one step;
/// 9. the factors of the sectors without data, exactly from `Gamma(α, α/m)` (steps 2–8 integrate
///    them out, so the CV is not held in place by factors drawn from it).
///
/// Moves 3, 5 and 8 are generalised Gibbs steps along a group's orbit (Liu & Sabatti 2000,
/// *Biometrika* 87): the 1-D density of the group parameter, the target at the moved point times the
/// move's Jacobian, is slice-sampled. They let the sampler cross the posterior's ridges (a small
/// CV holds the factors together; `ρ·θ_i` is all the data see) in one step.
///
/// Each chain has its own random stream `(seed, trial: chain, stream: 0x43414C, site: 0)` and runs
/// on whichever worker; results are stored by chain, so they do not depend on `threads`.
///
/// ```swift
/// let draws = CalibrationSampler(problem: p).run(chains: 4, warmup: 1000, draws: 1000, seed: 7, threads: 2)
/// ```
struct CalibrationSampler: Sendable {
    let problem: CalibrationProblem
    /// The `stream` word of the chains' random numbers ("CAL").
    static let stream: UInt64 = 0x43_41_4C

    init(problem: CalibrationProblem) {
        self.problem = problem
    }

    /// Runs `chains` chains of `warmup + draws` sweeps on up to `threads` workers and keeps the
    /// last `draws` of each.
    func run(chains: Int, warmup: Int, draws: Int, seed: UInt64, threads: Int) -> PosteriorDraws {
        let stride = problem.sectorIDs.count + 4
        let results = Mutex<[Int: [Double]]>([:])
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: Swift.max(1, Swift.min(threads, chains))) { _ in
            while true {
                let c = next.wrappingAdd(1, ordering: .relaxed).oldValue
                if c >= chains { break }
                let values = chain(c, warmup: warmup, draws: draws, seed: seed)
                results.withLock { $0[c] = values }
            }
        }
        var values: [Double] = []
        values.reserveCapacity(chains * draws * stride)
        results.withLock { parts in
            for c in 0..<chains { values += parts[c]! }
        }
        return PosteriorDraws(sectorCount: problem.sectorIDs.count, chains: chains, drawsPerChain: draws, values: values)
    }

    /// One chain's kept draws, `draws × (N + 4)` values.
    func chain(_ index: Int, warmup: Int, draws: Int, seed: UInt64) -> [Double] {
        var rng = RandomStream(seed: seed, trial: UInt64(index), stream: CalibrationSampler.stream, site: 0)
        var state = initialState(using: &rng)
        for _ in 0..<warmup { sweep(&state, using: &rng) }
        let n = problem.sectorIDs.count
        var out: [Double] = []
        out.reserveCapacity(draws * (n + 4))
        for _ in 0..<draws {
            sweep(&state, using: &rng)
            for i in 0..<n { out.append(state.work.theta[i]) }
            out.append(Foundation.exp(state.logCV))
            out.append(Foundation.exp(state.logMean))
            out.append(state.rho)
            out.append(state.dispersion)
        }
        return out
    }

    // MARK: State

    /// The chain's state: the factors `θ_i` live in ``SamplerWorkspace/theta``.
    struct State {
        let work: SamplerWorkspace
        var logCV: Double
        var logMean: Double
        var rho: Double
        var logDispersion: Double
        let isPoisson: Bool

        var shape: Double { Foundation.exp(-2 * logCV) }
        var dispersion: Double { isPoisson ? 0 : Foundation.exp(logDispersion) }
    }

    /// A dispersed start: `ρ`, `c` and `s` from their priors; each `θ_i` at its data's rough
    /// estimate (or 1) times `e^{0.5 Z}`; `m` at the factors' geometric mean times `e^{0.3 Z}`.
    func initialState(using rng: inout RandomStream) -> State {
        let p = problem
        let prior = p.prior
        let work = SamplerWorkspace(problem: p)
        let rho = p.samplesReportingRate ? ParameterTable.sample(prior.reportingRate, using: &rng) : p.fixedReportingRate
        let cv = Swift.max(0.05, Swift.abs(prior.factorCVScale * rng.standardNormal()))
        let dispersion = prior.dispersionScale.map { Swift.max(0.01, Swift.abs($0 * rng.standardNormal())) } ?? 0
        var logSum = 0.0
        for i in work.dataSectors {
            let y = p.rowsOfSector[i].reduce(0.0) { $0 + p.rows[$1].count }
            let b = p.rowsOfSector[i].reduce(0.0) { $0 + p.rows[$1].base * (p.rows[$1].knownRate ?? rho) }
            work.theta[i] = (y + 0.5) / b * Foundation.exp(0.5 * rng.standardNormal())
            logSum += Foundation.log(work.theta[i])
        }
        let centre = work.dataSectors.isEmpty ? 0 : logSum / Double(work.dataSectors.count)
        for i in p.sectorIDs.indices where p.calibrated[i] && p.rowsOfSector[i].isEmpty {
            work.theta[i] = Foundation.exp(centre + 0.5 * rng.standardNormal())
        }
        return State(work: work, logCV: Foundation.log(cv), logMean: centre + 0.3 * rng.standardNormal(), rho: rho,
                     logDispersion: dispersion > 0 ? Foundation.log(dispersion) : -.infinity,
                     isPoisson: prior.dispersionScale == nil)
    }

    // MARK: The sweep

    func sweep(_ s: inout State, using rng: inout RandomStream) {
        updateFactors(&s, using: &rng)
        updateCV(&s, using: &rng)
        updateSpread(&s, using: &rng)
        updateMean(&s, using: &rng)
        updateLevel(&s, using: &rng)
        if problem.samplesReportingRate { updateReportingRate(&s, using: &rng) }
        if !s.isPoisson { updateDispersion(&s, using: &rng) }
        if problem.samplesReportingRate && problem.usesSharedRate { updateAlongRidge(&s, using: &rng) }
        drawFactorsWithoutData(&s, using: &rng)
    }
}
