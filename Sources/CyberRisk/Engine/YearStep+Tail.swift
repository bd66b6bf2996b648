/// Step 8 of the year with per-event accounting: the tail series into the ``TailAccumulator``.
extension TrialBlock {
    /// Adds this year's aggregate and largest-event values of the block (rows `0 ..< rows`, all in
    /// batch `batch`) to `tail`; after the last year, each trial's whole-horizon total and worst
    /// year. The largest event's figures are capped at the year's aggregate, which they cannot
    /// exceed (the cascade is monotone in the shocks and an event's shocks are part of the total):
    /// the cap only removes rounding.
    func accumulateTail(year t: Int, rows: Int, batch: Int, into tail: inout TailAccumulator) {
        let lossMetric = MetricSet.Core.economicLoss.rawValue, nationalMetric = MetricSet.Core.nationalRisk.rawValue
        let series = t * TailAccumulator.Annual.allCases.count
        let aggregateLoss = series + TailAccumulator.Annual.aggregateLoss.rawValue
        let aggregateNational = series + TailAccumulator.Annual.aggregateNational.rawValue
        let eventLoss = series + TailAccumulator.Annual.largestEventLoss.rawValue
        let eventNational = series + TailAccumulator.Annual.largestEventNational.rawValue
        var largestLossMoments = BlockMoments(), largestNationalMoments = BlockMoments()
        for b in 0..<rows {
            let loss = values[b * m + lossMetric], national = values[b * m + nationalMetric]
            let largest = Swift.min(largestLoss[b], loss)
            let largestNationalRisk = Swift.min(largestNational[b], national)
            tail.annual[aggregateLoss].insert(loss, batch: batch)
            tail.annual[aggregateNational].insert(national, batch: batch)
            tail.annual[eventLoss].insert(largest, batch: batch)
            tail.annual[eventNational].insert(largestNationalRisk, batch: batch)
            largestLossMoments.add(largest)
            largestNationalMoments.add(largestNationalRisk)
            let k = Int(largestClass[b])
            tail.aggregateByLargestClass[t * (c + 1) + k + 1].insert(loss)
            if k >= 0 { tail.largestEventByClass[t * c + k].insert(largest) }
            if t == 0 {
                horizonTotalLoss[b] = 0
                horizonTotalNational[b] = 0
                horizonWorstLoss[b] = -.infinity
                horizonWorstNational[b] = -.infinity
            }
            horizonTotalLoss[b] += loss
            horizonTotalNational[b] += national
            horizonWorstLoss[b] = Swift.max(horizonWorstLoss[b], loss)
            horizonWorstNational[b] = Swift.max(horizonWorstNational[b], national)
        }
        tail.largestEvent[2 * t].add(largestLossMoments)
        tail.largestEvent[2 * t + 1].add(largestNationalMoments)
        for i in 0..<n {
            let cell = t * n + i
            for b in 0..<rows {
                tail.sectorLargestEvent[cell].insert(Swift.min(sectorLargest[b * n + i], inoperability[b * n + i]))
            }
        }
        for e in 0..<c {
            var loss = BlockMoments()
            var events: UInt64 = 0, years: UInt64 = 0
            for b in 0..<rows {
                let count = classCount[b * c + e]
                events += UInt64(count)
                if count > 0 { years += 1 }
                loss.add(classLoss[b * c + e])
            }
            tail.classEvents[t * c + e] += events
            tail.classYears[t * c + e] += years
            tail.classLoss[t * c + e].add(loss)
        }
        guard t == plan.years - 1 else { return }
        func finish(_ which: TailAccumulator.Horizon, _ values: UnsafeMutableBufferPointer<Double>) {
            var moments = BlockMoments()
            for b in 0..<rows {
                tail.horizon[which.rawValue].insert(values[b], batch: batch)
                moments.add(values[b])
            }
            tail.horizonMoments[which.rawValue].add(moments)
        }
        finish(.totalLoss, horizonTotalLoss)
        finish(.worstYearLoss, horizonWorstLoss)
        finish(.totalNational, horizonTotalNational)
        finish(.worstYearNational, horizonWorstNational)
    }
}
