import Foundation

/// One simulated year for a block of trials: direct shocks, the cascade, the metrics, and their
/// reduction into the accumulator. The equations are those of `docs/model.md`, step by step.
extension TrialBlock {
    /// Steps 1–4: `d_i(t)`, the threat climate `F(t)`, successful attacks `K_i ~ Poisson(λ_i)`
    /// with their severities, the catalogue's events, and `c_i = min(1, d_i·ΣS)`. Leaves `d` in
    /// `digital`, `c` in `shocks`, the year's events in `events`, and each trial's `D(t)` and
    /// `δ(t)` in `devices` and `defence` for the metrics.
    func directShocks(year t: Int, firstTrial: Int, rows: Int) {
        let seed = plan.scenario.seed
        let time = Double(t)
        let memo = digitalMemo.baseAddress!
        for i in 0..<n { memo[4 * i] = .nan }   // a new year: nothing memoised (NaN equals nothing)
        events.reset()
        for b in 0..<rows {
            let trial = UInt64(firstTrial + b)
            let th = parameters(row: b)
            let d = digital.baseAddress! + b * n
            let s = shocks.baseAddress! + b * n
            let delta = Foundation.pow(1 - th[.vulnerabilityDecline], time)
            let d0 = th[.iotInitial]
            let devices = GrowthCurve.value(at: time, initial: d0, ceiling: th[.iotCeiling], rate: th[.iotRate])
            // (D(t)/D(0))^e as exp(e·ln(D(t)/D(0))): one logarithm per trial-year, not a pow per sector.
            let logIoTRatio = d0 > 0 ? Foundation.log(devices / d0) : 0
            self.devices[b] = devices
            defence[b] = delta
            var climateFactor = 1.0
            if plan.climateActive {
                let sigma = th[.climateSigma]
                var rng = RandomStream(seed: seed, trial: trial, stream: RandomStreamID.climate(year: t), site: 0)
                let state = ThreatClimate.logState(previous: climateState[b], year: t, sigma: sigma,
                                                   correlation: th[.climateCorrelation], normal: rng.standardNormal())
                climateState[b] = state
                climateFactor = ThreatClimate.factor(logState: state, sigma: sigma)
            }
            climate[b] = climateFactor
            for i in 0..<n {
                let x0 = th[sector: i, .digitalInitial], k = th[sector: i, .digitalCeiling], r = th[sector: i, .digitalRate]
                let last = memo + 4 * i
                if last[0] != x0 || last[1] != k || last[2] != r {
                    last[0] = x0
                    last[1] = k
                    last[2] = r
                    last[3] = GrowthCurve.value(at: time, initial: x0, ceiling: k, rate: r)
                }
                let di = last[3]
                d[i] = di
                s[i] = 0
                let lambda = th[sector: i, .attacksPerYear] * Foundation.exp(th[sector: i, .iotElasticity] * logIoTRatio)
                    * th[sector: i, .successProbability] * delta * climateFactor
                guard di > 0, lambda > 0 else { continue }
                var rng = RandomStream(seed: seed, trial: trial, stream: RandomStreamID.attacks(year: t), site: UInt64(i))
                let attacks = Poisson.sample(mean: lambda, using: &rng)
                if attacks > 0 {
                    let values = th.severity(sector: i)
                    let sampler = severitySamplers.baseAddress! + i   // used in place: no copy per draw
                    if !sampler.pointee.matches(kind: sectorKinds[i], values: values) {
                        sampler.pointee = SeveritySampler(kind: sectorKinds[i], values: values)
                    }
                    // Once d_i·Σ ≥ 1 the shock is clamped at 1: later severities cannot matter.
                    s[i] = sampler.pointee.sum(count: attacks, stoppingAt: 1 / di, using: &rng)
                }
            }
            if c > 0 {
                events.beginRow(b)
                eventShocks(row: b, trial: trial, year: t, logIoTRatio: logIoTRatio, climate: climateFactor,
                            into: s, digital: d, parameters: th)
            }
            for i in 0..<n {
                s[i] = Swift.min(1, d[i] * s[i])
            }
        }
        events.finish(rows: rows)
    }

    /// Step 7: the metrics of each trial-year into `values` (`rows × M`).
    func metrics(year t: Int, firstTrial: Int, rows: Int) {
        let seed = plan.scenario.seed
        let time = Double(t)
        let threshold = plan.scenario.cascade.failureThreshold
        let population = plan.scenario.population
        let (ws, wp, wn) = plan.humanWeights
        let dimensionCount = plan.scenario.humanSecurity.dimensions.count
        plan.nationalWeights.withUnsafeBufferPointer { w in
        plan.outputs.withUnsafeBufferPointer { out in
        plan.servicesWeights.withUnsafeBufferPointer { r in
        plan.dimensionWeights.withUnsafeBufferPointer { dw in
            for b in 0..<rows {
                let th = parameters(row: b)
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
                let gamma = th[.compromiseRate] * delta
                let perPerson = devices * 1e9 * th[.personalShare] / population
                let personal = -Foundation.expm1(-perPerson * gamma)
                let u0 = th[.neuralInitial]
                let users = GrowthCurve.value(at: time, initial: u0, ceiling: th[.neuralCeiling], rate: th[.neuralRate])
                // n(t) = U(t) rounded to whole users, each compromised with probability ν(t).
                let userCount = users.rounded()
                var implants = 0.0
                if userCount > 0 {
                    let nu = Swift.min(1, th[.neuralCompromiseProbability] * Foundation.pow(users / u0, th[.attackerElasticity]) * delta)
                    var rng = RandomStream(seed: seed, trial: UInt64(firstTrial + b),
                                           stream: RandomStreamID.neural(year: t), site: 0)
                    implants = Binomial.sample(count: userCount, probability: nu, using: &rng)
                }
                let neuralShare = userCount > 0 ? implants / userCount : 0
                let neuralHarm = Swift.min(1, neuralShare * th[.harmSeverity])
                v[MetricSet.Core.nationalRisk.rawValue] = national
                v[MetricSet.Core.humanRisk.rawValue] = ws * services + wp * personal + wn * neuralHarm
                v[MetricSet.Core.economicLoss.rawValue] = loss
                v[MetricSet.Core.sectorsDisrupted.rawValue] = disrupted
                v[MetricSet.Core.servicesDeprivation.rawValue] = services
                v[MetricSet.Core.personalCompromise.rawValue] = personal
                v[MetricSet.Core.iotDevicesCompromised.rawValue] = devices * 1e3 * th[.personalShare] * gamma
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

    /// The parameter vector `θ` of row `b` of the block, read by name.
    @inline(__always)
    func parameters(row b: Int) -> TrialParameters {
        TrialParameters(base: theta.baseAddress! + b * p, sectorCount: n)
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
