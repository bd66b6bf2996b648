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
        let v = UnsafePointer(values.baseAddress!)
        for b in 0..<rows {
            let loss = v[b * m + lossMetric], national = v[b * m + nationalMetric]
            // Capped in place: the largest-event buffers are reset for every year.
            largestLoss[b] = Swift.min(largestLoss[b], loss)
            largestNational[b] = Swift.min(largestNational[b], national)
            largestLossMoments.add(largestLoss[b])
            largestNationalMoments.add(largestNational[b])
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
        // Each series into its sketch in one pass (the same values as inserting row by row: a
        // sketch's counts do not depend on the order).
        tail.annual.withUnsafeMutableBufferPointer { annual in
            annual[aggregateLoss].insert(contentsOf: v + lossMetric, count: rows, stride: m, batch: batch)
            annual[aggregateNational].insert(contentsOf: v + nationalMetric, count: rows, stride: m, batch: batch)
            annual[eventLoss].insert(contentsOf: largestLoss.baseAddress!, count: rows, stride: 1, batch: batch)
            annual[eventNational].insert(contentsOf: largestNational.baseAddress!, count: rows, stride: 1, batch: batch)
        }
        tail.aggregateByLargestClass.withUnsafeMutableBufferPointer { byClass in
            tail.largestEventByClass.withUnsafeMutableBufferPointer { largestByClass in
                for b in 0..<rows {
                    let k = Int(largestClass[b])
                    byClass[t * (c + 1) + k + 1].insert(v[b * m + lossMetric])
                    if k >= 0 { largestByClass[t * c + k].insert(largestLoss[b]) }
                }
            }
        }
        tail.largestEvent[2 * t].add(largestLossMoments)
        tail.largestEvent[2 * t + 1].add(largestNationalMoments)
        // Each sector's largest event, capped at its year's inoperability (in place, as above).
        for k in 0..<(rows * n) { sectorLargest[k] = Swift.min(sectorLargest[k], inoperability[k]) }
        tail.sectorLargestEvent.withUnsafeMutableBufferPointer { sketches in
            for i in 0..<n {
                sketches[t * n + i].insert(contentsOf: sectorLargest.baseAddress! + i, count: rows, stride: n)
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
