@_spi(Engine) import CyberRisk
import Foundation

/// The updates of ``CalibrationSampler``'s sweep, in the order the sweep makes them (the type's
/// documentation lists them; `docs/calibration.md` gives the conditionals). Log densities are
/// up to constants: the slice sampler needs only differences.
extension CalibrationSampler {
    /// Step 1: the `θ_i` of the sectors with data.
    func updateFactors(_ s: inout State, using rng: inout RandomStream) {
        let w = s.work
        let alpha = s.shape, rate = alpha / Foundation.exp(s.logMean)
        let rho = s.rho, dispersion = s.dispersion
        for i in w.dataSectors {
            if s.isPoisson {
                var shape = alpha, scale = rate
                for k in w.rowsOf[i] {
                    shape += w.count[k]
                    scale += w.base[k] * (w.known[k].isNaN ? rho : w.known[k])
                }
                w.theta[i] = Swift.max(Double.leastNormalMagnitude,
                                       Foundation.exp(Gamma.logSample(shape: shape, using: &rng) - Foundation.log(scale)))
                continue
            }
            let f = { (psi: Double) -> Double in
                let theta = Foundation.exp(psi)
                return alpha * psi - rate * theta + w.logLikelihood(sector: i, factor: theta, rho: rho, dispersion: dispersion)
            }
            let psi = Foundation.log(w.theta[i])
            w.theta[i] = Foundation.exp(SliceSampler.update(psi, logDensity: f, at: f(psi), using: &rng).x)
        }
    }

    /// `Σ_j ln Gamma(scale·θ_j | α, α/m)` over the sectors with data.
    func factorPrior(_ w: SamplerWorkspace, shape alpha: Double, mean m: Double, scale: Double = 1) -> Double {
        var l = 0.0
        for i in w.dataSectors { l += LogDensity.gamma(scale * w.theta[i], shape: alpha, rate: alpha / m) }
        return l
    }

    /// Step 2: `ln c`, `c ~ HalfNormal`, `α = c⁻²`.
    func updateCV(_ s: inout State, using rng: inout RandomStream) {
        let w = s.work, m = Foundation.exp(s.logMean), scale = problem.prior.factorCVScale
        let f = { (u: Double) -> Double in
            let c = Foundation.exp(u)
            return LogDensity.halfNormal(c, scale: scale) + u + self.factorPrior(w, shape: 1 / (c * c), mean: m)
        }
        s.logCV = SliceSampler.update(s.logCV, logDensity: f, at: f(s.logCV), using: &rng).x
    }

    /// Step 3: `(ln c + ε, ψ̄ + e^ε·(ψ_j − ψ̄))` for the `n` sectors with data (`ψ_j = ln θ_j`,
    /// `ψ̄` their mean, which the move keeps, as it keeps `Σψ_j`). The density of `ε` is the target
    /// at the moved point times the Jacobian `e^{(n−1)ε}`.
    func updateSpread(_ s: inout State, using rng: inout RandomStream) {
        let w = s.work, sectors = w.dataSectors
        guard sectors.count >= 2 else { return }
        let psi = sectors.map { Foundation.log(w.theta[$0]) }
        let centre = psi.reduce(0, +) / Double(psi.count)
        let logCV = s.logCV, m = Foundation.exp(s.logMean), rho = s.rho, dispersion = s.dispersion
        let scale = problem.prior.factorCVScale, jacobian = Double(sectors.count - 1)
        func place(_ e: Double) {
            let spread = Foundation.exp(e)
            for (j, i) in sectors.enumerated() { w.theta[i] = Foundation.exp(centre + spread * (psi[j] - centre)) }
        }
        let f = { (e: Double) -> Double in
            place(e)
            let c = Foundation.exp(logCV + e)
            return LogDensity.halfNormal(c, scale: scale) + logCV + e + jacobian * e
                + self.factorPrior(w, shape: 1 / (c * c), mean: m)
                + w.logLikelihood(w.all, scale: 1, rho: rho, dispersion: dispersion)
        }
        let e = SliceSampler.update(0, logDensity: f, at: f(0), using: &rng).x
        place(e)
        s.logCV = logCV + e
    }

    /// Step 4: `ln m ~ N(0, sd²)`.
    func updateMean(_ s: inout State, using rng: inout RandomStream) {
        let w = s.work, alpha = s.shape, sd = problem.prior.factorMeanSD
        let f = { (v: Double) -> Double in
            LogDensity.normal(v, mean: 0, sd: sd) + self.factorPrior(w, shape: alpha, mean: Foundation.exp(v))
        }
        s.logMean = SliceSampler.update(s.logMean, logDensity: f, at: f(s.logMean), using: &rng).x
    }

    /// Step 5: `(ln θ_j + δ, ln m + δ)` for the sectors with data: the hierarchical prior (with its
    /// Jacobian) is invariant, so only `ln m`'s prior and the rows change.
    func updateLevel(_ s: inout State, using rng: inout RandomStream) {
        let w = s.work, logMean = s.logMean, rho = s.rho, dispersion = s.dispersion
        let sd = problem.prior.factorMeanSD
        let f = { (delta: Double) -> Double in
            LogDensity.normal(logMean + delta, mean: 0, sd: sd)
                + w.logLikelihood(w.all, scale: Foundation.exp(delta), rho: rho, dispersion: dispersion)
        }
        let delta = SliceSampler.update(0, logDensity: f, at: f(0), using: &rng).x
        let scale = Foundation.exp(delta)
        for i in w.dataSectors { w.theta[i] *= scale }
        s.logMean = logMean + delta
    }

    /// Step 6: `ln ρ`, prior the configuration's reporting rate restricted to `(0, 1]`.
    func updateReportingRate(_ s: inout State, using rng: inout RandomStream) {
        let w = s.work, dispersion = s.dispersion, prior = problem.prior.reportingRate
        let f = { (v: Double) -> Double in
            let rho = Foundation.exp(v)
            guard rho <= 1 else { return -.infinity }
            let l = LogDensity.parameter(prior, at: rho) + v
            guard l > -.infinity else { return l }
            return l + w.logLikelihood(w.shared, scale: 1, rho: rho, dispersion: dispersion)
        }
        let v = Foundation.log(s.rho)
        s.rho = Foundation.exp(SliceSampler.update(v, logDensity: f, at: f(v), using: &rng).x)
    }

    /// Step 7: `ln s`, `s ~ HalfNormal`.
    func updateDispersion(_ s: inout State, using rng: inout RandomStream) {
        let w = s.work, rho = s.rho, scale = problem.prior.dispersionScale ?? 1
        let f = { (z: Double) -> Double in
            let d = Foundation.exp(z)
            return LogDensity.halfNormal(d, scale: scale) + z
                + w.logLikelihood(w.all, scale: 1, rho: rho, dispersion: d, withDispersionTerm: true)
        }
        s.logDispersion = SliceSampler.update(s.logDispersion, logDensity: f, at: f(s.logDispersion), using: &rng).x
    }

    /// Step 8: `(ln ρ, ln θ, ln m) + u·(1, −1, −1)`. Along this line `ρ·θ_i` and the hierarchical
    /// prior with its Jacobian are constant, so only `ρ`'s prior, `ln m`'s prior and the rows with
    /// a known reporting rate change.
    func updateAlongRidge(_ s: inout State, using rng: inout RandomStream) {
        let w = s.work, rho = s.rho, logMean = s.logMean, dispersion = s.dispersion
        let prior = problem.prior.reportingRate, sd = problem.prior.factorMeanSD
        let f = { (u: Double) -> Double in
            let r = rho * Foundation.exp(u)
            guard r <= 1 else { return -.infinity }
            let l = LogDensity.parameter(prior, at: r) + u + LogDensity.normal(logMean - u, mean: 0, sd: sd)
            guard l > -.infinity else { return l }
            return l + w.logLikelihood(w.knownRows, scale: Foundation.exp(-u), rho: r, dispersion: dispersion)
        }
        let u = SliceSampler.update(0, logDensity: f, at: f(0), using: &rng).x
        let scale = Foundation.exp(-u)
        for i in w.dataSectors { w.theta[i] *= scale }
        s.rho = rho * Foundation.exp(u)
        s.logMean = logMean - u
    }

    /// Step 9: the `θ_i` of the sectors without data, exactly from `Gamma(α, α/m)`. They are
    /// independent of everything else given `α` and `m`, so steps 2–8 leave them out (integrated
    /// out: a collapsed update) and they are drawn afresh here — otherwise `c` and these factors
    /// would hold each other in place.
    func drawFactorsWithoutData(_ s: inout State, using rng: inout RandomStream) {
        let w = s.work, alpha = s.shape, logRate = Foundation.log(alpha) - s.logMean
        for i in problem.sectorIDs.indices where problem.calibrated[i] && problem.rowsOfSector[i].isEmpty {
            w.theta[i] = Swift.max(Double.leastNormalMagnitude, Foundation.exp(Gamma.logSample(shape: alpha, using: &rng) - logRate))
        }
    }
}
