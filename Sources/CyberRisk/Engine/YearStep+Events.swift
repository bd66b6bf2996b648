import Foundation

/// Step 3 of the year: the systemic event catalogue (docs/model.md, "Systemic events").
extension TrialBlock {
    /// Draws trial `trial`'s events of every class in year `t`, adds their severities to the
    /// sector sums `s`, and lists them (with their sectors and severities) in ``events`` for the
    /// per-event cascades.
    ///
    /// Class `e` has `M ~ Poisson(μ_e(t))` events (word `e` of the stream `(eventCount, 0)` by
    /// inversion when `μ_e < 10`, else the stream `(eventCount, e + 1)`),
    /// `μ_e(t) = frequency·(D(t)/D(0))^{iot}·(d_h(t)/d_h(0))^{hub}·F(t)^{climate}`. Event `m` hits
    /// sector `i` when word `i` of its stream `(eventHit, site(e, m))` is below
    /// `min(1, p_i·d_i(t))`; the same stream then gives the event-level draw — the severity `X`
    /// (shared dependence) or the factor `F_m = e^{σZ − σ²/2}` — and, for a common factor, each
    /// hit sector's own draw comes from its own stream `(eventSeverity, site(e, m, i))`. So whether
    /// a sector is hit and how hard never depends on another sector's `d_j`, and a larger `d_i`
    /// only adds hits (draw-by-draw monotone).
    func eventShocks(row b: Int, trial: UInt64, year t: Int, logIoTRatio: Double, climate climateFactor: Double,
                     into s: UnsafeMutablePointer<Double>, digital d: UnsafeMutablePointer<Double>,
                     parameters th: TrialParameters) {
        let seed = plan.scenario.seed
        let counts = classCount.baseAddress! + b * c
        // Word e of one stream gives class e's count (inversion, one uniform) when its mean is
        // below 10; a larger mean draws from the class's own stream (site e + 1).
        var countRNG = RandomStream(seed: seed, trial: trial, stream: RandomStreamID.eventCount(year: t), site: 0)
        for e in 0..<c {
            let u = countRNG.uniform()
            let frequency = th[event: e, .frequency]
            let iotElasticity = th[event: e, .iotElasticity]
            let climateElasticity = th[event: e, .climateElasticity]
            var mu = iotElasticity == 0 ? frequency : frequency * Foundation.exp(iotElasticity * logIoTRatio)
            if climateElasticity != 0 { mu *= Foundation.pow(climateFactor, climateElasticity) }
            let hub = eventHubs[e]
            if hub >= 0 {
                let hubInitial = th[sector: hub, .digitalInitial]
                let hubElasticity = th[event: e, .hubElasticity]
                if hubInitial > 0 && hubElasticity != 0 {
                    let ratio = d[hub] / hubInitial
                    mu *= hubElasticity == 1 ? ratio : Foundation.pow(ratio, hubElasticity)
                }
            }
            counts[e] = 0
            guard mu > 0 else { continue }
            let eventCount: Double
            if mu < 10 {
                eventCount = Poisson.inversion(mean: mu, uniform: u)
            } else {
                var own = RandomStream(seed: seed, trial: trial, stream: RandomStreamID.eventCount(year: t), site: UInt64(e + 1))
                eventCount = Poisson.sample(mean: mu, using: &own)
            }
            counts[e] = eventCount
            guard eventCount > 0 else { continue }
            let values = th.severity(event: e)
            let sampler = eventSamplers.baseAddress! + e
            if !sampler.pointee.matches(kind: eventKinds[e], values: values) {
                sampler.pointee = SeveritySampler(kind: eventKinds[e], values: values)
            }
            let footprint = th.footprint(event: e)
            let sharesDraw = eventSharesDraw[e]
            let factorSigma = th[event: e, .factorSigma]
            var m = 0.0
            while m < eventCount {
                drawEvent(class: e, index: m, row: b, trial: trial, year: t, footprint: footprint,
                          sharesDraw: sharesDraw, factorSigma: factorSigma, into: s, digital: d)
                m += 1
            }
        }
    }

    /// Event `m` of class `e`: its hits, its severities, its entry in ``events``.
    @inline(__always)
    func drawEvent(class e: Int, index m: Double, row b: Int, trial: UInt64, year t: Int,
                   footprint: UnsafePointer<Double>, sharesDraw: Bool, factorSigma: Double,
                   into s: UnsafeMutablePointer<Double>, digital d: UnsafeMutablePointer<Double>) {
        let seed = plan.scenario.seed
        var rng = RandomStream(seed: seed, trial: trial, stream: RandomStreamID.eventHit(year: t),
                               site: RandomStreamID.eventSite(class: e, event: m))
        // Local copies of the buffers' addresses: the loops below then keep them in registers.
        let scratch = hitScratch.baseAddress!, sectors = support.baseAddress!
        var hits = 0
        for k in supportStart[e]..<supportStart[e + 1] {
            let i = Int(sectors[k])
            let u = rng.uniform()   // word k for the k-th sector of the support, hit or not
            if d[i] > 0 && u < Swift.min(1, footprint[i] * d[i]) {
                scratch[hits] = Int32(i)
                hits += 1
            }
        }
        guard hits > 0 else { return }
        let hitScratch = UnsafePointer(scratch)
        let sampler = UnsafePointer(eventSamplers.baseAddress! + e)   // used in place: no copy per draw
        let scales = eventScales.baseAddress! + e * n
        if sharesDraw {
            let x = sampler.pointee.sample(using: &rng)
            for h in 0..<hits {
                let i = Int(hitScratch[h])
                let severity = Swift.min(1, scales[i] * x)
                s[i] += severity
                events.addHit(sector: i, severity: severity)
            }
        } else {
            let factor = factorSigma > 0 ? Foundation.exp(factorSigma * rng.standardNormal() - factorSigma * factorSigma / 2) : 1
            for h in 0..<hits {
                let i = Int(hitScratch[h])
                var own = RandomStream(seed: seed, trial: trial, stream: RandomStreamID.eventSeverity(year: t),
                                       site: RandomStreamID.eventSite(class: e, event: m, sector: i))
                let severity = Swift.min(1, scales[i] * factor * sampler.pointee.sample(using: &own))
                s[i] += severity
                events.addHit(sector: i, severity: severity)
            }
        }
        events.closeEvent(row: b, class: e)
    }
}
