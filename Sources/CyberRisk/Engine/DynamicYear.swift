/// One trial-year of the dynamic cascade in the forecast: the year's outages, day by day through
/// ``DynamicCascade/step(_:matrix:resilience:shock:scratch:n:)``, reduced to what the forecast
/// keeps per sector — the year's mean inoperability (the existing metrics keep their meaning),
/// the peak, the days at or above the threshold and the inoperability-days.
///
/// Days are `0 … 364`; the year starts with every sector operable (`q(0) = 0`: outages do not carry
/// over between years) and an outage's shock on day `k` first shows in `q(k + 1)`; whatever would
/// follow 31 December is cut (shocks held past day 364 and the recovery after it count nowhere).
/// The state is `0` until the first outage's day, so the loop starts there; it ends early when no
/// outage is left and `q` is exactly 0.
struct DynamicYear {
    /// Days in a simulated year.
    static let days = 365

    /// Working memory for one trial-year (`N` sectors, up to `capacity` outages); grows (rarely)
    /// when a trial-year has more outages.
    struct Workspace {
        var q: [Double]
        var next: [Double]
        var shock: [Double]
        var transition: [Double]
        /// Room for the places of the outages held on a day (at least the year's outage count).
        var active: [Int]
        var sorted: [Outage]
        var counts: [Int]

        init(sectors n: Int, capacity: Int = 1024) {
            q = [Double](repeating: 0, count: n)
            next = q
            shock = q
            transition = [Double](repeating: 0, count: n * n)
            active = [Int](repeating: 0, count: capacity)
            sorted = []
            sorted.reserveCapacity(capacity)
            counts = [Int](repeating: 0, count: DynamicYear.days + 1)
        }
    }

    /// Simulates one trial-year from `outages` (any order) and writes, per sector, `mean` =
    /// `Σ_k q_i(k)/365`, `peak` = `max_k q_i(k)`, `disrupted` = `#{k : q_i(k) ≥ threshold}` and
    /// `total` = `Σ_k q_i(k)` (inoperability-days), each `N` values.
    static func simulate(outages: ArraySlice<Outage>, matrix a: UnsafePointer<Double>,
                                resilience k: UnsafePointer<Double>, threshold: Double, n: Int,
                                workspace w: inout Workspace,
                                mean: UnsafeMutablePointer<Double>, peak: UnsafeMutablePointer<Double>,
                                disrupted: UnsafeMutablePointer<Double>, total: UnsafeMutablePointer<Double>) {
        for i in 0..<n {
            peak[i] = 0
            disrupted[i] = 0
            total[i] = 0
        }
        defer { for i in 0..<n { mean[i] = total[i] / Double(days) } }
        guard !outages.isEmpty else { return }
        sortByStart(outages, into: &w)
        if w.active.count < w.sorted.count {   // grows (rarely) with the most outages of a year so far
            w.active = [Int](repeating: 0, count: w.sorted.count)
        }
        w.transition.withUnsafeMutableBufferPointer {
            DynamicCascade.transitionColumns(matrix: a, resilience: k, into: $0.baseAddress!, n: n)
        }
        w.q.withUnsafeMutableBufferPointer { qb in
        w.next.withUnsafeMutableBufferPointer { nb in
        w.shock.withUnsafeMutableBufferPointer { cb in
        w.transition.withUnsafeBufferPointer { mb in
        w.sorted.withUnsafeBufferPointer { sb in
        w.active.withUnsafeMutableBufferPointer { ab in
            let q = qb.baseAddress!, next = nb.baseAddress!, c = cb.baseAddress!, mt = mb.baseAddress!
            let sorted = sb.baseAddress!, count = sb.count
            // `active[0 ..< live]`: the places in `sorted` of the outages whose shock is held today.
            let active = ab.baseAddress!
            var live = 0
            q.update(repeating: 0, count: n)
            var upcoming = 0
            var day = sorted[0].start
            while day < days {
                // Day `day`'s state: its statistics.
                let any = record(UnsafePointer(q), threshold: threshold, n: n, peak: peak, disrupted: disrupted, total: total)
                if day == days - 1 { break }
                // The shock of day `day`: outages starting today join, those past their days leave
                // (the last active one takes the leaver's place).
                while upcoming < count && sorted[upcoming].start == day {
                    active[live] = upcoming
                    live += 1
                    upcoming += 1
                }
                if live == 0 && upcoming == count && !any { break }   // nothing left
                c.update(repeating: 0, count: n)
                var j = 0
                while j < live {
                    let o = sorted[active[j]]
                    if day < o.start + o.days {
                        c[o.sector] += k[o.sector] * o.level   // the input K c
                        j += 1
                    } else {
                        live -= 1
                        active[j] = active[live]
                    }
                }
                DynamicCascade.step(q, transitionColumns: mt, input: live == 0 ? nil : UnsafePointer(c),
                                    scratch: next, n: n)
                day += 1
            }
        }
        }
        }
        }
        }
        }
    }

    /// One day's statistics of the state `q`: `peak_i ← max(peak_i, q_i)`, `disrupted_i += 1` where
    /// `q_i ≥ threshold`, `total_i += q_i`; `true` when some `q_i ≠ 0`. Eight sectors at a time in
    /// registers, the last `N mod 8` one by one (the same operations either way).
    @inline(__always)
    static func record(_ q: UnsafePointer<Double>, threshold: Double, n: Int, peak: UnsafeMutablePointer<Double>,
                       disrupted: UnsafeMutablePointer<Double>, total: UnsafeMutablePointer<Double>) -> Bool {
        typealias Block = DynamicCascade.Block
        var live = false
        var i = 0
        while i &+ Block.scalarCount <= n {
            let x = DynamicCascade.load(from: q + i)
            var high = DynamicCascade.load(from: peak + i)
            high.replace(with: x, where: x .> high)
            DynamicCascade.store(high, to: peak + i)
            var days = DynamicCascade.load(from: disrupted + i)
            days.replace(with: days + 1, where: x .>= threshold)
            DynamicCascade.store(days, to: disrupted + i)
            DynamicCascade.store(DynamicCascade.load(from: total + i) + x, to: total + i)
            live = live || Swift.any(x .!= 0)
            i &+= Block.scalarCount
        }
        for i in i..<n {
            let x = q[i]
            if x > peak[i] { peak[i] = x }
            if x >= threshold { disrupted[i] += 1 }
            total[i] += x
            live = live || x != 0
        }
        return live
    }

    /// `outages` into `w.sorted` by start day (a counting sort: stable, `O(365 + count)`).
    static func sortByStart(_ outages: ArraySlice<Outage>, into w: inout Workspace) {
        for d in 0...days { w.counts[d] = 0 }
        for o in outages { w.counts[o.start + 1] += 1 }
        for d in 1...days { w.counts[d] += w.counts[d - 1] }
        w.sorted.removeAll(keepingCapacity: true)
        w.sorted.append(contentsOf: repeatElement(Outage(sector: 0, start: 0, days: 1, level: 0), count: outages.count))
        for o in outages {
            w.sorted[w.counts[o.start]] = o
            w.counts[o.start] += 1
        }
    }
}
