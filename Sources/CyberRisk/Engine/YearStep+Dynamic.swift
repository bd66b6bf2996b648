import Foundation

/// One simulated year in the dynamic mode (`cascade.mode: dynamic`; docs/model.md, "Dynamic
/// cascade in the forecast"): every successful attack and catalogue event hit becomes an ``Outage`` on a day
/// of the year, and ``DynamicYear`` follows them through `A(t)` day by day.
extension TrialBlock {
    /// For each trial of the block: the year's outages, then the dynamic cascade, leaving the
    /// year's mean `q` in `inoperability` (so the existing metrics keep their meaning) and the
    /// peaks, days disrupted and inoperability-days in `dynamic`. Runs after ``directShocks``,
    /// whose `d`, static `c` (reported as the direct shock) and event list it reads.
    ///
    /// The attack counts are the static mode's (the same first draw of the same stream), so the
    /// two modes share each trial's number of attacks; each attack's day `⌊365·U⌋` (uniform over
    /// the year) and severity come from its own stream (``RandomStreamID/outageAttacks(year:)``).
    /// As in the static mode, a sector stops taking attacks once `d_i·Σ S ≥ 1` (a whole year
    /// lost). Catalogue events keep the static mode's count, hits and severities (the year's
    /// ``EventList``) and draw one day per event (``RandomStreamID/outageEventDay(year:)``, site =
    /// the event's place in its trial-year's list): each hit starts an outage on that day, held
    /// at least the class's `duration_days`.
    func dynamicYear(year t: Int, firstTrial: Int, rows: Int) {
        guard let state = dynamic else { return }
        let seed = plan.scenario.seed
        let nn = n * n
        let threshold = plan.scenario.cascade.failureThreshold
        let yearDays = Double(DynamicYear.days)
        // The outage list is taken out of the block's state for the block (uniquely referenced, so
        // appended to in place without an access check per outage) and put back after it.
        var outages = state.outages
        state.outages = []
        defer { state.outages = outages }
        for b in 0..<rows {
            let trial = UInt64(firstTrial + b)
            let th = parameters(row: b)
            let d = digital.baseAddress! + b * n
            outages.removeAll(keepingCapacity: true)
            let time = Double(t)
            let d0 = th[.iotInitial]
            let devices = self.devices[b]
            let logIoTRatio = d0 > 0 ? Foundation.log(devices / d0) : 0
            let delta = Foundation.pow(1 - th[.vulnerabilityDecline], time)
            for i in 0..<n {
                let di = d[i]
                let lambda = th[sector: i, .attacksPerYear] * Foundation.exp(th[sector: i, .iotElasticity] * logIoTRatio)
                    * th[sector: i, .successProbability] * delta * climate[b]
                guard di > 0, lambda > 0 else { continue }
                var countRNG = RandomStream(seed: seed, trial: trial, stream: RandomStreamID.attacks(year: t), site: UInt64(i))
                let attacks = Poisson.sample(mean: lambda, using: &countRNG)
                guard attacks > 0 else { continue }
                let values = th.severity(sector: i)
                let sampler = severitySamplers.baseAddress! + i
                if !sampler.pointee.matches(kind: sectorKinds[i], values: values) {
                    sampler.pointee = SeveritySampler(kind: sectorKinds[i], values: values)
                }
                let duration = state.attackDurations[i]
                var rng = RandomStream(seed: seed, trial: trial, stream: RandomStreamID.outageAttacks(year: t), site: UInt64(i))
                var sum = 0.0, e = 0.0
                while e < attacks && di * sum < 1 {
                    let day = Swift.min(DynamicYear.days - 1, Int(yearDays * rng.uniform()))
                    let s = sampler.pointee.sample(using: &rng)
                    sum += s
                    if let o = Outage.from(sector: i, day: day, share: di * s, durationDays: duration) { outages.append(o) }
                    e += 1
                }
            }
            let first = events.rowStart[b], end = events.rowStart[b + 1]
            for k in first..<end {
                var dayRNG = RandomStream(seed: seed, trial: trial, stream: RandomStreamID.outageEventDay(year: t),
                                          site: UInt64(k - first))
                let day = Swift.min(DynamicYear.days - 1, Int(yearDays * dayRNG.uniform()))
                let duration = state.eventDurations[Int(events.eventClass[k])]
                for h in events.hits(of: k) {
                    let i = Int(events.hitSector[h])
                    let share = Swift.min(1, d[i] * events.hitSeverity[h])
                    if let o = Outage.from(sector: i, day: day, share: share, durationDays: duration) { outages.append(o) }
                }
            }
            for i in 0..<n {
                state.resilience[i] = plan.scenario.sectors[i].recovery.resilience(
                    value: th.base[plan.parameters.index(recovery: i)], selfDependence: state.selfDependence[i])
            }
            let row = b * n
            let yearOutages = outages[...]
            state.resilience.withUnsafeBufferPointer { k in
                let run = { (a: UnsafePointer<Double>) in
                    DynamicYear.simulate(outages: yearOutages, matrix: a, resilience: k.baseAddress!,
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

    /// Trial `b`'s `A(t)_ij = a_ij(1 + κ d_i d_j)` into `a` (row-major).
    func couplingMatrix(_ b: Int, into a: UnsafeMutablePointer<Double>) {
        let d = digital.baseAddress! + b * n
        let kappa = parameters(row: b)[.cyberCoupling]
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
