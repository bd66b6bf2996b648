import Foundation

/// One simulated year for a block of trials: direct shocks, the cascade, the metrics, and their
/// reduction into the accumulator. The equations are those of `docs/model.md`, step by step.
extension TrialBlock {
    /// Steps 1–4: `d_i(t)`, successful attacks `K_i ~ Poisson(λ_i)` with Beta severities, botnet
    /// events, and `c_i = min(1, d_i·Σ severities)`. Leaves `d` in `digital`, `c` in `shocks`, and
    /// each trial's `D(t)` and `δ(t)` in `devices` and `defence` for the metrics.
    func directShocks(year t: Int, firstTrial: Int, rows: Int) {
        let params = plan.parameters
        let seed = plan.scenario.seed
        let time = Double(t)
        let gIoT = params.index(.iotInitial)
        let gDecline = params.index(.vulnerabilityDecline)
        let gEvents = params.index(.botnetEvents)
        let memo = digitalMemo.baseAddress!
        for i in 0..<n { memo[4 * i] = .nan }   // a new year: nothing memoised (NaN equals nothing)
        for b in 0..<rows {
            let trial = UInt64(firstTrial + b)
            let th = theta.baseAddress! + b * p
            let d = digital.baseAddress! + b * n
            let s = shocks.baseAddress! + b * n
            let delta = Foundation.pow(1 - th[gDecline], time)
            let d0 = th[gIoT]
            let devices = GrowthCurve.value(at: time, initial: d0, ceiling: th[gIoT + 1], rate: th[gIoT + 2])
            // (D(t)/D(0))^e as exp(e·ln(D(t)/D(0))): one logarithm per trial-year, not a pow per sector.
            let logIoTRatio = d0 > 0 ? Foundation.log(devices / d0) : 0
            self.devices[b] = devices
            defence[b] = delta
            for i in 0..<n {
                let base = 8 * i
                let last = memo + 4 * i
                if last[0] != th[base] || last[1] != th[base + 1] || last[2] != th[base + 2] {
                    last[0] = th[base]
                    last[1] = th[base + 1]
                    last[2] = th[base + 2]
                    last[3] = GrowthCurve.value(at: time, initial: th[base], ceiling: th[base + 1], rate: th[base + 2])
                }
                let di = last[3]
                d[i] = di
                s[i] = 0
                let lambda = th[base + 3] * Foundation.exp(th[base + 5] * logIoTRatio) * th[base + 4] * delta
                guard di > 0, lambda > 0 else { continue }
                var rng = RandomStream(seed: seed, trial: trial, stream: RandomStreamID.attacks(year: t), site: UInt64(i))
                let attacks = Poisson.sample(mean: lambda, using: &rng)
                if attacks > 0 {
                    let alpha = th[base + 6], beta = th[base + 7]
                    if severitySums[i].alpha != alpha || severitySums[i].beta != beta {
                        severitySums[i] = BetaSum(alpha: alpha, beta: beta)
                    }
                    // Once d_i·Σ ≥ 1 the shock is clamped at 1: later severities cannot matter.
                    s[i] = severitySums[i].sample(count: attacks, stoppingAt: 1 / di, using: &rng)
                }
            }
            let eventMean = th[gEvents] * devices
            if eventMean > 0 {
                var eventRNG = RandomStream(seed: seed, trial: trial, stream: RandomStreamID.botnetCount(year: t), site: 0)
                let events = Poisson.sample(mean: eventMean, using: &eventRNG)
                if events > 0 {
                    botnetShocks(events: events, into: s, digital: d, parameters: th, trial: trial, year: t)
                }
            }
            for i in 0..<n {
                s[i] = Swift.min(1, d[i] * s[i])
            }
        }
    }

    /// Step 2 for one trial-year with `events > 0` botnet events: adds the severities of the hits
    /// to `s`. Event `m` hits sector `i` when word `i` of the stream `(botnetHit, m)` is below
    /// `min(1, h·d_i)`; the severities of sector `i`'s hits come in order from its own stream
    /// `(botnetSeverity, i)`. So whether a sector is hit, and how hard, never depends on another
    /// sector's `d_j`, and a larger `d_i` only adds hits (draw-by-draw monotone). Stops early once
    /// every sector is offline or saturated (`d_i·Σ ≥ 1`): further events cannot change any
    /// shock, so even absurd event counts end quickly.
    func botnetShocks(events: Double, into s: UnsafeMutablePointer<Double>, digital d: UnsafeMutablePointer<Double>,
                      parameters th: UnsafeMutablePointer<Double>, trial: UInt64, year t: Int) {
        let params = plan.parameters
        let seed = plan.scenario.seed
        let hitProbability = th[params.index(.botnetHitProbability)]
        let gAlpha = params.index(.botnetAlpha), gBeta = params.index(.botnetBeta)
        let severity = Beta.Sampler(alpha: th[gAlpha], beta: th[gBeta])
        for i in 0..<n {
            botnetSeverities[i] = RandomStream(seed: seed, trial: trial, stream: RandomStreamID.botnetSeverity(year: t),
                                               site: UInt64(i))
        }
        var e = 0.0
        var open = true
        while e < events && open {
            var hitRNG = RandomStream(seed: seed, trial: trial, stream: RandomStreamID.botnetHit(year: t), site: UInt64(e))
            open = false
            for i in 0..<n {
                let u = hitRNG.uniform()   // word i, drawn whether or not sector i is still open
                guard d[i] > 0 && d[i] * s[i] < 1 else { continue }
                open = true
                if u < Swift.min(1, hitProbability * d[i]) {
                    s[i] += severity.sample(using: &botnetSeverities[i])
                }
            }
            e += 1
        }
    }

    /// Steps 5–6: `A(t)_ij = a_ij(1 + κ d_i d_j)` and `q` from `c`, in the scenario's mode. One
    /// `dgemm` for the whole block when `A(t)` is shared; otherwise a solve per trial, two trials
    /// per elimination in the linear mode.
    func cascade(year t: Int, rows: Int) {
        let c = UnsafePointer(shocks.baseAddress!)
        let q = inoperability.baseAddress!
        let mode = plan.scenario.cascade.mode
        if !plan.perTrialCoupling {
            let nn = n * n
            switch mode {
            case .linear:
                plan.sharedLeontief.withUnsafeBufferPointer { l in
                    Cascade.linearBlock(shocks: c, leontief: l.baseAddress! + t * nn, into: q, rows: rows, n: n)
                }
            case .saturating:
                plan.sharedMatrices.withUnsafeBufferPointer { a in
                    _ = Cascade.saturatingBlock(shocks: c, matrix: a.baseAddress! + t * nn, into: q,
                                                scratch: scratch.baseAddress!, rows: rows, n: n)
                }
            }
            return
        }
        plan.baseMatrix.withUnsafeBufferPointer { base in
            var b = 0
            if mode == .linear && n <= Cascade.smallSolveLimit {
                // Two trials per elimination; the rare pair that would need a row exchange is
                // solved one trial at a time (bitwise the same results either way).
                while b + 1 < rows {
                    if !solvePair(b, base: base.baseAddress!) {
                        solveSingle(b, base: base.baseAddress!)
                        solveSingle(b + 1, base: base.baseAddress!)
                    }
                    b += 2
                }
            }
            while b < rows {
                solveSingle(b, base: base.baseAddress!)
                b += 1
            }
        }
    }

    /// `q` of trial `b` (row of the block) from its own `A(t)` (saturating) or `I − A(t)` (linear).
    @inline(__always)
    func solveSingle(_ b: Int, base: UnsafePointer<Double>) {
        let c = UnsafePointer(shocks.baseAddress!) + b * n
        let q = inoperability.baseAddress! + b * n
        let a = matrix.baseAddress!
        let mode = plan.scenario.cascade.mode
        let d = digital.baseAddress! + b * n
        let kappa = theta[b * p + plan.parameters.index(.cyberCoupling)]
        // The linear mode needs I − A(t): built in the same pass (negation is exact).
        let sign: Double = mode == .linear ? -1 : 1
        for i in 0..<n {
            let scale = kappa * d[i]
            for j in 0..<n {
                a[i * n + j] = sign * (base[i * n + j] * (1 + scale * d[j]))
            }
        }
        switch mode {
        case .linear:
            for i in 0..<n { a[i * n + i] += 1 }
            Cascade.linearSolve(shocks: c, system: a, into: q, n: n, pivots: pivots.baseAddress!)
        case .saturating:
            Cascade.saturatingSingle(shocks: c, matrix: a, into: q, work: scratch.baseAddress!, n: n)
        }
    }

    /// The linear `q` of trials `b` and `b + 1` by one paired elimination (`Cascade.solveSmallPair`),
    /// with `I − A(t)` built exactly as `solveSingle` builds it; `false` if the pair needs a row
    /// exchange (nothing written to `q`).
    @inline(__always)
    func solvePair(_ b: Int, base: UnsafePointer<Double>) -> Bool {
        let c = UnsafePointer(shocks.baseAddress!) + b * n
        let q = inoperability.baseAddress! + b * n
        let m = pairMatrix.baseAddress!, x = pairShocks.baseAddress!
        let d0 = digital.baseAddress! + b * n, d1 = d0 + n
        let kappaIndex = plan.parameters.index(.cyberCoupling)
        let kappa0 = theta[b * p + kappaIndex], kappa1 = theta[(b + 1) * p + kappaIndex]
        for i in 0..<n {
            let scale0 = kappa0 * d0[i], scale1 = kappa1 * d1[i]
            for j in 0..<n {
                let a = base[i * n + j]
                m[i * n + j] = SIMD2(-(a * (1 + scale0 * d0[j])), -(a * (1 + scale1 * d1[j])))
            }
            m[i * n + i] += SIMD2(repeating: 1)
            x[i] = SIMD2(c[i], c[n + i])
        }
        guard Cascade.solveSmallPair(m, x, n: n) else { return false }
        for i in 0..<n {
            q[i] = x[i][0]
            q[n + i] = x[i][1]
        }
        Cascade.clamp(q, count: 2 * n)
        return true
    }

    /// Step 7: the metrics of each trial-year into `values` (`rows × M`).
    func metrics(year t: Int, firstTrial: Int, rows: Int) {
        let params = plan.parameters
        let seed = plan.scenario.seed
        let time = Double(t)
        let threshold = plan.scenario.cascade.failureThreshold
        let population = plan.scenario.population
        let (ws, wp, wn) = plan.humanWeights
        let dimensionCount = plan.scenario.humanSecurity.dimensions.count
        let gShare = params.index(.personalShare)
        let gRate = params.index(.compromiseRate), gNeural = params.index(.neuralInitial)
        let gProb = params.index(.neuralCompromiseProbability), gElast = params.index(.attackerElasticity)
        let gHarm = params.index(.harmSeverity)
        plan.nationalWeights.withUnsafeBufferPointer { w in
        plan.outputs.withUnsafeBufferPointer { out in
        plan.servicesWeights.withUnsafeBufferPointer { r in
        plan.dimensionWeights.withUnsafeBufferPointer { dw in
            for b in 0..<rows {
                let th = theta.baseAddress! + b * p
                let q = inoperability.baseAddress! + b * n
                let v = values.baseAddress! + b * m
                var national = 0.0, loss = 0.0, services = 0.0, disrupted = 0.0
                for i in 0..<n {
                    let qi = q[i]
                    national += w[i] * qi
                    loss += out[i] * qi
                    services += r[i] * qi
                    if qi >= threshold { disrupted += 1 }
                }
                let delta = defence[b]
                let devices = self.devices[b]
                let gamma = th[gRate] * delta
                let perPerson = devices * 1e9 * th[gShare] / population
                let personal = -Foundation.expm1(-perPerson * gamma)
                let u0 = th[gNeural]
                let users = GrowthCurve.value(at: time, initial: u0, ceiling: th[gNeural + 1], rate: th[gNeural + 2])
                // n(t) = U(t) rounded to whole users, each compromised with probability ν(t).
                let userCount = users.rounded()
                var implants = 0.0
                if userCount > 0 {
                    let nu = Swift.min(1, th[gProb] * Foundation.pow(users / u0, th[gElast]) * delta)
                    var rng = RandomStream(seed: seed, trial: UInt64(firstTrial + b),
                                           stream: RandomStreamID.neural(year: t), site: 0)
                    implants = Binomial.sample(count: userCount, probability: nu, using: &rng)
                }
                let neuralShare = userCount > 0 ? implants / userCount : 0
                let neuralHarm = Swift.min(1, neuralShare * th[gHarm])
                v[MetricSet.Core.nationalRisk.rawValue] = national
                v[MetricSet.Core.humanRisk.rawValue] = ws * services + wp * personal + wn * neuralHarm
                v[MetricSet.Core.economicLoss.rawValue] = loss
                v[MetricSet.Core.sectorsDisrupted.rawValue] = disrupted
                v[MetricSet.Core.servicesDeprivation.rawValue] = services
                v[MetricSet.Core.personalCompromise.rawValue] = personal
                v[MetricSet.Core.iotDevicesCompromised.rawValue] = devices * 1e3 * th[gShare] * gamma
                v[MetricSet.Core.neuralImplantsCompromised.rawValue] = implants
                v[MetricSet.Core.neuralCompromise.rawValue] = neuralShare
                for k in 0..<dimensionCount {
                    let row = dw.baseAddress! + k * n
                    var s = 0.0
                    for i in 0..<n { s += row[i] * q[i] }
                    if k == plan.personalDimension {
                        s = ws * s + wp * personal + wn * neuralHarm
                    }
                    v[plan.metrics.firstDimension + k] = s
                }
            }
        }
        }
        }
        }
    }

    /// Reduces this year's values of the block: plain sums in trial order (deterministic for a
    /// given block), then one exact add per series; every value into its sketch.
    func accumulate(year t: Int, rows: Int, into acc: inout ForecastAccumulator) {
        let threshold = plan.scenario.cascade.failureThreshold
        for k in 0..<m {
            var block = BlockMoments()
            let series = t * m + k
            for b in 0..<rows {
                let x = values[b * m + k]
                block.add(x)
                acc.metricSketches[series].insert(x)
            }
            acc.metricMoments[series].add(block)
        }
        for i in 0..<n {
            var q = BlockMoments(), c = BlockMoments()
            var hits: UInt64 = 0
            let series = t * n + i
            for b in 0..<rows {
                let x = inoperability[b * n + i]
                q.add(x)
                if x >= threshold { hits += 1 }
                acc.inoperabilitySketches[series].insert(x)
                c.add(shocks[b * n + i])
            }
            acc.inoperability[series].add(q)
            acc.directShock[series].add(c)
            acc.disrupted[series] += hits
        }
    }
}
