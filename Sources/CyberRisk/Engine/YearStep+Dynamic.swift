import Foundation

/// One simulated year in the dynamic mode (`cascade.mode: dynamic`; docs/model.md, "Dynamic
/// cascade in the forecast"): every successful attack and botnet hit becomes an ``Outage`` on a day
/// of the year, and ``DynamicYear`` follows them through `A(t)` day by day.
extension TrialBlock {
    /// For each trial of the block: the year's outages, then the dynamic cascade, leaving the
    /// year's mean `q` in `inoperability` (so the existing metrics keep their meaning) and the
    /// peaks, days disrupted and inoperability-days in `dynamic`. Runs after ``directShocks``,
    /// whose `d` (and static `c`, reported as the direct shock) it reads.
    ///
    /// The attack counts are the static mode's (the same first draw of the same stream), so the
    /// two modes share each trial's number of attacks; each attack's day `⌊365·U⌋` (uniform over
    /// the year) and severity come from its own stream (``RandomStreamID/outageAttacks(year:)``).
    /// Botnet events keep the static mode's count, hits and hit severities and draw a day each.
    /// As in the static mode, a sector stops taking events once `d_i·Σ S ≥ 1` (a whole year lost).
    func dynamicYear(year t: Int, firstTrial: Int, rows: Int) {
        guard let state = dynamic else { return }
        let params = plan.parameters
        let seed = plan.scenario.seed
        let time = Double(t)
        let nn = n * n
        let threshold = plan.scenario.cascade.failureThreshold
        let gIoT = params.index(.iotInitial), gDecline = params.index(.vulnerabilityDecline)
        let gEvents = params.index(.botnetEvents), gHit = params.index(.botnetHitProbability)
        let gAlpha = params.index(.botnetAlpha), gBeta = params.index(.botnetBeta)
        let yearDays = Double(DynamicYear.days)
        for b in 0..<rows {
            let trial = UInt64(firstTrial + b)
            let th = theta.baseAddress! + b * p
            let d = digital.baseAddress! + b * n
            state.outages.removeAll(keepingCapacity: true)
            let d0 = th[gIoT]
            let devices = GrowthCurve.value(at: time, initial: d0, ceiling: th[gIoT + 1], rate: th[gIoT + 2])
            let logIoTRatio = d0 > 0 ? Foundation.log(devices / d0) : 0
            let delta = Foundation.pow(1 - th[gDecline], time)
            for i in 0..<n {
                let base = 8 * i
                let di = d[i]
                let lambda = th[base + 3] * Foundation.exp(th[base + 5] * logIoTRatio) * th[base + 4] * delta
                guard di > 0, lambda > 0 else { continue }
                var countRNG = RandomStream(seed: seed, trial: trial, stream: RandomStreamID.attacks(year: t), site: UInt64(i))
                let attacks = Poisson.sample(mean: lambda, using: &countRNG)
                guard attacks > 0 else { continue }
                let severity = Beta.Sampler(alpha: th[base + 6], beta: th[base + 7])
                let duration = plan.scenario.sectors[i].threat.durationDays
                var rng = RandomStream(seed: seed, trial: trial, stream: RandomStreamID.outageAttacks(year: t), site: UInt64(i))
                var sum = 0.0, e = 0.0
                while e < attacks && di * sum < 1 {
                    let day = Swift.min(DynamicYear.days - 1, Int(yearDays * rng.uniform()))
                    let s = severity.sample(using: &rng)
                    sum += s
                    if let o = Outage.from(sector: i, day: day, share: di * s, durationDays: duration) { state.outages.append(o) }
                    e += 1
                }
            }
            let eventMean = th[gEvents] * devices
            if eventMean > 0 {
                var eventRNG = RandomStream(seed: seed, trial: trial, stream: RandomStreamID.botnetCount(year: t), site: 0)
                let events = Poisson.sample(mean: eventMean, using: &eventRNG)
                if events > 0 {
                    botnetOutages(events: events, state: state, digital: d, hitProbability: th[gHit],
                                  severity: Beta.Sampler(alpha: th[gAlpha], beta: th[gBeta]), trial: trial, year: t)
                }
            }
            for i in 0..<n {
                state.resilience[i] = plan.scenario.sectors[i].recovery.resilience(
                    value: th[params.index(recovery: i)], selfDependence: state.selfDependence[i])
            }
            let row = b * n
            state.resilience.withUnsafeBufferPointer { k in
                let run = { (a: UnsafePointer<Double>) in
                    DynamicYear.simulate(outages: state.outages[...], matrix: a, resilience: k.baseAddress!,
                                         threshold: threshold, n: self.n, workspace: &state.workspace,
                                         mean: self.inoperability.baseAddress! + row, peak: state.peaks.baseAddress! + row,
                                         disrupted: state.daysDisrupted.baseAddress! + row,
                                         total: state.inoperabilityDays.baseAddress! + row)
                }
                if plan.perTrialCoupling {
                    couplingMatrix(b, into: matrix.baseAddress!)
                    run(UnsafePointer(matrix.baseAddress!))
                } else {
                    plan.sharedMatrices.withUnsafeBufferPointer { run($0.baseAddress! + t * nn) }
                }
            }
        }
    }

    /// The outages of `events` botnet events: the static mode's hits and hit severities (the same
    /// streams, in the same order), each event on its own uniform day.
    func botnetOutages(events: Double, state: DynamicBlockState, digital d: UnsafeMutablePointer<Double>,
                       hitProbability: Double, severity: Beta.Sampler, trial: UInt64, year t: Int) {
        let seed = plan.scenario.seed
        let duration = plan.scenario.botnet.durationDays
        for i in 0..<n {
            botnetSeverities[i] = RandomStream(seed: seed, trial: trial, stream: RandomStreamID.botnetSeverity(year: t),
                                               site: UInt64(i))
        }
        let sums = scratch.baseAddress!   // Σ severities per sector (scratch is free in this mode)
        for i in 0..<n { sums[i] = 0 }
        var e = 0.0
        var open = true
        while e < events && open {
            var hitRNG = RandomStream(seed: seed, trial: trial, stream: RandomStreamID.botnetHit(year: t), site: UInt64(e))
            var dayRNG = RandomStream(seed: seed, trial: trial, stream: RandomStreamID.outageBotnetDay(year: t), site: UInt64(e))
            let day = Swift.min(DynamicYear.days - 1, Int(Double(DynamicYear.days) * dayRNG.uniform()))
            open = false
            for i in 0..<n {
                let u = hitRNG.uniform()
                guard d[i] > 0 && d[i] * sums[i] < 1 else { continue }
                open = true
                if u < Swift.min(1, hitProbability * d[i]) {
                    let s = severity.sample(using: &botnetSeverities[i])
                    sums[i] += s
                    if let o = Outage.from(sector: i, day: day, share: d[i] * s, durationDays: duration) { state.outages.append(o) }
                }
            }
            e += 1
        }
    }

    /// Trial `b`'s `A(t)_ij = a_ij(1 + κ d_i d_j)` into `a` (row-major).
    func couplingMatrix(_ b: Int, into a: UnsafeMutablePointer<Double>) {
        let d = digital.baseAddress! + b * n
        let kappa = theta[b * p + plan.parameters.index(.cyberCoupling)]
        plan.baseMatrix.withUnsafeBufferPointer { base in
            for i in 0..<n {
                let scale = kappa * d[i]
                for j in 0..<n { a[i * n + j] = base[i * n + j] * (1 + scale * d[j]) }
            }
        }
    }

    /// Each sector's days disrupted of this year into the accumulator (dynamic mode only).
    func accumulateDaysDisrupted(year t: Int, rows: Int, into acc: inout ForecastAccumulator) {
        guard let state = dynamic else { return }
        acc.enableDaysDisrupted()
        for i in 0..<n {
            var block = BlockMoments()
            let series = t * n + i
            for b in 0..<rows {
                let x = state.daysDisrupted[b * n + i]
                block.add(x)
                acc.daysDisruptedSketches[series].insert(x)
            }
            acc.daysDisrupted[series].add(block)
        }
    }

    /// The dynamic mode's metric changes, after ``metrics``: `sectors_disrupted` counts the sectors
    /// whose *peak* reached the threshold; `outage_days = Σ_i days disrupted`;
    /// `person_days_without_service = P·Σ_i r_i·Σ_k q_i(k)`.
    func dynamicMetrics(rows: Int) {
        guard let state = dynamic else { return }
        let threshold = plan.scenario.cascade.failureThreshold
        let population = plan.scenario.population
        let first = plan.metrics.firstDynamic
        for b in 0..<rows {
            let v = values.baseAddress! + b * m
            var disrupted = 0.0, days = 0.0, personDays = 0.0
            for i in 0..<n {
                if state.peaks[b * n + i] >= threshold { disrupted += 1 }
                days += state.daysDisrupted[b * n + i]
                personDays += plan.scenario.sectors[i].populationReliance * state.inoperabilityDays[b * n + i]
            }
            v[MetricSet.Core.sectorsDisrupted.rawValue] = disrupted
            v[first] = days
            v[first + 1] = population * personDays
        }
    }
}
