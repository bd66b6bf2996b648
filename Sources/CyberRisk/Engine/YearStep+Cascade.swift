import Foundation

/// Steps 5–6 of the year: the cascade of each trial's total shocks and, with per-event
/// accounting, of each of its events alone.
extension TrialBlock {
    /// `A(t)_ij = a_ij(1 + κ d_i d_j)` and `q` from `c`, in the scenario's mode. One `dgemm` for
    /// the whole block when `A(t)` is shared; otherwise a solve per trial, two trials per
    /// elimination in the linear mode. With `accounting`, each event's `q_e` from its shocks
    /// alone with the same matrix (rows of events through one `dgemm` when `A(t)` is shared; the
    /// trial's factorisation replayed otherwise) into the per-event accounting buffers.
    func cascade(year t: Int, rows: Int, accounting: Bool) {
        if accounting { resetAccounting(rows: rows) }
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
            if accounting && events.count > 0 { sharedEventCascades(year: t) }
            return
        }
        plan.baseMatrix.withUnsafeBufferPointer { base in
            var b = 0
            if mode == .linear && n <= Cascade.smallSolveLimit {
                // Two trials per elimination; the rare pair that would need a row exchange is
                // solved one trial at a time (bitwise the same results either way).
                while b + 1 < rows {
                    if solvePair(b, base: base.baseAddress!) {
                        if accounting { pairEventCascades(row: b) }
                    } else {
                        solveSingle(b, base: base.baseAddress!, accounting: accounting)
                        solveSingle(b + 1, base: base.baseAddress!, accounting: accounting)
                    }
                    b += 2
                }
            }
            while b < rows {
                solveSingle(b, base: base.baseAddress!, accounting: accounting)
                b += 1
            }
        }
    }

    /// `q` of trial `b` (row of the block) from its own `A(t)` (saturating) or `I − A(t)` (linear),
    /// then, with `accounting`, the trial's events from the same matrix.
    @inline(__always)
    func solveSingle(_ b: Int, base: UnsafePointer<Double>, accounting: Bool) {
        let c = UnsafePointer(shocks.baseAddress!) + b * n
        let q = inoperability.baseAddress! + b * n
        let a = matrix.baseAddress!
        let mode = plan.scenario.cascade.mode
        let d = digital.baseAddress! + b * n
        let kappa = parameters(row: b)[.cyberCoupling]
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
            let solved = Cascade.linearSolve(shocks: c, system: a, into: q, n: n, pivots: pivots.baseAddress!)
            guard accounting else { return }
            if solved && n <= Cascade.smallSolveLimit {
                replayEvents(ofRow: b, factored: a)
                return
            }
            for k in events.rowStart[b]..<events.rowStart[b + 1] {
                let x = eventShock.baseAddress!
                denseShocks(ofEvent: k, into: x)
                Cascade.substitute(factored: a, pivots: pivots.baseAddress!, into: x, n: n, solved: solved)
                recordEvent(k, inoperability: x)
            }
        case .saturating:
            Cascade.saturatingSingle(shocks: c, matrix: a, into: q, scratch: scratch.baseAddress!, n: n)
            guard accounting else { return }
            for k in events.rowStart[b]..<events.rowStart[b + 1] {
                denseShocks(ofEvent: k, into: eventShock.baseAddress!)
                Cascade.saturatingSingle(shocks: eventShock.baseAddress!, matrix: a, into: eventQ.baseAddress!,
                                         scratch: scratch.baseAddress!, n: n)
                recordEvent(k, inoperability: eventQ.baseAddress!)
            }
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
        let kappa0 = parameters(row: b)[.cyberCoupling], kappa1 = parameters(row: b + 1)[.cyberCoupling]
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

    /// The events of rows `b` (lane 0) and `b + 1` (lane 1), replayed through the pair just
    /// eliminated: up to ``eventChunk`` events of each trial side by side as the lanes of one set
    /// of right-hand sides.
    @inline(__always)
    func pairEventCascades(row b: Int) {
        var first0 = events.rowStart[b], first1 = events.rowStart[b + 1]
        let end0 = events.rowStart[b + 1], end1 = events.rowStart[b + 2]
        let rhs = pairRows.baseAddress!, x = eventShock.baseAddress!
        let d0 = digital.baseAddress! + b * n, d1 = d0 + n
        while first0 < end0 || first1 < end1 {
            let k0 = Swift.min(eventChunk, end0 - first0), k1 = Swift.min(eventChunk, end1 - first1)
            let k = Swift.max(k0, k1)
            rhs.update(repeating: .zero, count: k * n)
            var firstHit = n   // the rows above the first sector hit stay zero
            for j in 0..<k0 {
                for h in events.hits(of: first0 + j) {
                    let i = Int(events.hitSector[h])
                    rhs[i * k + j][0] = Swift.min(1, d0[i] * events.hitSeverity[h])
                    firstHit = Swift.min(firstHit, i)
                }
            }
            for j in 0..<k1 {
                for h in events.hits(of: first1 + j) {
                    let i = Int(events.hitSector[h])
                    rhs[i * k + j][1] = Swift.min(1, d1[i] * events.hitSeverity[h])
                    firstHit = Swift.min(firstHit, i)
                }
            }
            Cascade.substitutePair(pairMatrix.baseAddress!, rhs, count: k, n: n, from: Swift.min(firstHit, n - 1))
            for j in 0..<k0 {
                for i in 0..<n { x[i] = rhs[i * k + j][0] }
                Cascade.clamp(x, count: n)
                recordEvent(first0 + j, inoperability: x)
            }
            for j in 0..<k1 {
                for i in 0..<n { x[i] = rhs[i * k + j][1] }
                Cascade.clamp(x, count: n)
                recordEvent(first1 + j, inoperability: x)
            }
            first0 += k0
            first1 += k1
        }
    }

    /// The events of row `b` in groups of up to ``eventChunk``: their shocks as the interleaved
    /// right-hand sides of the trial's factorisation in `a` (entry `i` of event `j` at `i·k + j`),
    /// solved in place, clamped and recorded.
    @inline(__always)
    func replayEvents(ofRow b: Int, factored a: UnsafePointer<Double>) {
        var first = events.rowStart[b]
        let end = events.rowStart[b + 1]
        let rhs = eventRows.baseAddress!
        let d = digital.baseAddress! + b * n
        while first < end {
            let k = Swift.min(eventChunk, end - first)
            rhs.update(repeating: 0, count: k * n)
            for j in 0..<k {
                for h in events.hits(of: first + j) {
                    let i = Int(events.hitSector[h])
                    rhs[i * k + j] = Swift.min(1, d[i] * events.hitSeverity[h])
                }
            }
            Cascade.substituteSmall(a, pivots: pivots.baseAddress!, rhs, count: k, n: n)
            Cascade.clamp(rhs, count: k * n)
            for j in 0..<k { recordEvent(first + j, inoperability: rhs + j, stride: k) }
            first += k
        }
    }

    /// Every event of the block through the year's shared `L(t)` (linear) or `A(t)`
    /// (saturating), ``eventChunk`` events per block product.
    func sharedEventCascades(year t: Int) {
        let nn = n * n
        var first = 0
        while first < events.count {
            let r = Swift.min(eventChunk, events.count - first)
            for j in 0..<r { denseShocks(ofEvent: first + j, into: eventRows.baseAddress! + j * n) }
            switch plan.scenario.cascade.mode {
            case .linear:
                plan.sharedLeontief.withUnsafeBufferPointer { l in
                    Cascade.linearBlock(shocks: eventRows.baseAddress!, leontief: l.baseAddress! + t * nn,
                                        into: eventRowsQ.baseAddress!, rows: r, n: n)
                }
            case .saturating:
                plan.sharedMatrices.withUnsafeBufferPointer { a in
                    _ = Cascade.saturatingBlock(shocks: eventRows.baseAddress!, matrix: a.baseAddress! + t * nn,
                                                into: eventRowsQ.baseAddress!, scratch: eventRowsScratch.baseAddress!,
                                                rows: r, n: n)
                }
            }
            for j in 0..<r { recordEvent(first + j, inoperability: eventRowsQ.baseAddress! + j * n) }
            first += r
        }
    }

    /// Event `k`'s direct shocks `c_ei = min(1, d_i(t)·S_ei)` as a dense vector (0 where not hit).
    @inline(__always)
    func denseShocks(ofEvent k: Int, into x: UnsafeMutablePointer<Double>) {
        x.update(repeating: 0, count: n)
        let d = digital.baseAddress! + Int(events.row[k]) * n
        for h in events.hits(of: k) {
            let i = Int(events.hitSector[h])
            x[i] = Swift.min(1, d[i] * events.hitSeverity[h])
        }
    }

    /// Adds event `k`'s cascade alone, `q_e`, to its trial's accounting: its loss `Σ Y_i q_ei`
    /// and national risk `Σ w_i q_ei` (the largest of the year's and the class's standalone sum)
    /// and each sector's largest single-event inoperability.
    @inline(__always)
    func recordEvent(_ k: Int, inoperability q: UnsafePointer<Double>, stride: Int = 1) {
        let b = Int(events.row[k]), e = Int(events.eventClass[k])
        var loss = 0.0, national = 0.0
        let largest = sectorLargest.baseAddress! + b * n
        for i in 0..<n {
            let qi = q[i * stride]
            loss += outputs[i] * qi
            national += weights[i] * qi
            if qi > largest[i] { largest[i] = qi }
        }
        if loss > largestLoss[b] {
            largestLoss[b] = loss
            largestClass[b] = Int32(e)
        }
        if national > largestNational[b] { largestNational[b] = national }
        classLoss[b * c + e] += loss
    }

    /// Clears the per-event accounting of the block's rows for a new year (the event counts are
    /// set while the events are drawn).
    func resetAccounting(rows: Int) {
        for b in 0..<rows {
            largestLoss[b] = 0
            largestNational[b] = 0
            largestClass[b] = -1
        }
        sectorLargest.baseAddress!.update(repeating: 0, count: rows * n)
        classLoss.baseAddress!.update(repeating: 0, count: rows * c)
    }
}
