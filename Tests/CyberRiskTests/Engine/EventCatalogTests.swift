import Foundation
import Testing
@_spi(Engine) @testable import CyberRisk

/// The systemic event catalogue in the year step: counts, footprints, within-event dependence,
/// monotonicity in digital dependence, and per-event accounting.
@Suite struct EventCatalogTests {
    static let trials = 8192

    /// Sectors `a` (d = 0.8) and `b` (d = 0.5), unconnected, `Y = 100`, no attacks, and `events`.
    static func scenario(_ events: [EventClass], digitalA: Double = 0.8, years: Int = 1) -> Scenario {
        let sectors = [ScenarioFixtures.sector("a", digital: digitalA, attacks: 0, output: 100),
                       ScenarioFixtures.sector("b", digital: 0.5, attacks: 0, output: 100)]
        var s = ScenarioFixtures.scenario(sectors: sectors, trials: trials, years: years, seed: 31, events: events)
        s.iot.devices = GrowthCurve(initial: .fixed(20), ceiling: .fixed(20), rate: .fixed(0))
        return s
    }

    static func event(_ id: String = "e", frequency: Double = 1, pa: Double = 0.5, pb: Double = 1, scaleB: Double = 1,
                      severity: Severity = .lognormal(median: .fixed(0.001), sigma: .fixed(1)),
                      dependence: EventDependence = .shared) -> EventClass {
        EventClass(id: id, description: "", frequency: .fixed(frequency),
                   footprint: [EventFootprint(probability: .fixed(pa)), EventFootprint(probability: .fixed(pb), severityScale: scaleB)],
                   severity: severity, dependence: dependence)
    }

    /// Every listed event of year 0: `(trial, class, [(sector, severity)])`, and the class counts.
    static func events(_ s: Scenario) throws -> (events: [(Int, Int, [(Int, Double)])], counts: [Double]) {
        let plan = try SimulationPlan(scenario: s)
        let block = TrialBlock(plan: plan)
        var out: [(Int, Int, [(Int, Double)])] = []
        var counts = [Double](repeating: 0, count: s.events.count)
        for first in stride(from: 0, to: s.trials, by: TrialBlock.capacity) {
            let rows = min(TrialBlock.capacity, s.trials - first)
            for b in 0..<rows {
                plan.parameters.draw(seed: s.seed, trial: UInt64(first + b),
                                     into: UnsafeMutableBufferPointer(rebasing: block.theta[(b * block.p)..<((b + 1) * block.p)]))
            }
            block.directShocks(year: 0, firstTrial: first, rows: rows)
            for k in 0..<block.events.count {
                let hits = block.events.hits(of: k).map { (Int(block.events.hitSector[$0]), block.events.hitSeverity[$0]) }
                out.append((first + Int(block.events.row[k]), Int(block.events.eventClass[k]), hits))
            }
            for b in 0..<rows { for e in 0..<s.events.count { counts[e] += block.classCount[b * block.c + e] } }
        }
        return (out, counts)
    }

    @Test("counts are Poisson(frequency) and each event hits sector i with probability min(1, p_i·d_i)")
    func countsAndFootprint() throws {
        let (events, counts) = try Self.events(Self.scenario([Self.event(frequency: 1.5)]))
        let n = Double(Self.trials)
        #expect(abs(counts[0] / n - 1.5) <= 4 * (1.5 / n).squareRoot())
        // Every event hits b (p·d = 0.5) or not; a (0.4). Events hitting neither are not listed.
        let total = counts[0]
        let hitsA = Double(events.filter { $0.2.contains { $0.0 == 0 } }.count)
        let hitsB = Double(events.filter { $0.2.contains { $0.0 == 1 } }.count)
        #expect(abs(hitsA / total - 0.4) <= 4 * (0.4 * 0.6 / total).squareRoot())
        #expect(abs(hitsB / total - 0.5) <= 4 * (0.25 / total).squareRoot())
        #expect(abs(Double(events.count) / total - (1 - 0.6 * 0.5)) <= 4 * (0.7 * 0.3 / total).squareRoot())
    }

    @Test("shared dependence: one draw per event, scaled per sector (S_b = 3·S_a when both are hit)")
    func sharedDraw() throws {
        let (events, _) = try Self.events(Self.scenario([Self.event(scaleB: 3)]))
        let both = events.filter { $0.2.count == 2 }
        #expect(both.count > 100)
        for e in both {
            let a = e.2.first { $0.0 == 0 }!.1, b = e.2.first { $0.0 == 1 }!.1
            #expect(b == min(1, 3 * a) || abs(b - 3 * a) <= 1e-15 * b)
        }
    }

    @Test("common factor σ_f = 1 over lognormal draws σ = 1: corr(ln S_a, ln S_b) = σ_f²/(σ_f² + σ²) = ½")
    func commonFactor() throws {
        let s = Self.scenario([Self.event(frequency: 3, pa: 1, pb: 1, dependence: .commonFactor(sigma: .fixed(1)))], digitalA: 1)
        let (events, _) = try Self.events(s)
        let pairs = events.compactMap { e -> (Double, Double)? in
            guard let a = e.2.first(where: { $0.0 == 0 })?.1, let b = e.2.first(where: { $0.0 == 1 })?.1 else { return nil }
            return (log(a), log(b))
        }
        let n = Double(pairs.count)
        let ma = pairs.reduce(0) { $0 + $1.0 } / n, mb = pairs.reduce(0) { $0 + $1.1 } / n
        var c = 0.0, va = 0.0, vb = 0.0
        for (a, b) in pairs { c += (a - ma) * (b - mb); va += (a - ma) * (a - ma); vb += (b - mb) * (b - mb) }
        let corr = c / (va * vb).squareRoot()
        #expect(abs(corr - 0.5) <= 4 * 0.75 / n.squareRoot(), "\(corr) from \(pairs.count) events")
        // Independent (σ_f = 0): no correlation.
        let (independent, _) = try Self.events(Self.scenario([Self.event(frequency: 3, pa: 1, pb: 1, dependence: .commonFactor(sigma: .fixed(0)))], digitalA: 1))
        let logs = independent.compactMap { e -> (Double, Double)? in
            guard let a = e.2.first(where: { $0.0 == 0 })?.1, let b = e.2.first(where: { $0.0 == 1 })?.1 else { return nil }
            return (log(a), log(b))
        }
        let m = Double(logs.count)
        let xa = logs.reduce(0) { $0 + $1.0 } / m, xb = logs.reduce(0) { $0 + $1.1 } / m
        var ci = 0.0, ua = 0.0, ub = 0.0
        for (a, b) in logs { ci += (a - xa) * (b - xb); ua += (a - xa) * (a - xa); ub += (b - xb) * (b - xb) }
        #expect(abs(ci / (ua * ub).squareRoot()) <= 4 / m.squareRoot())
    }

    @Test("a larger d_a only adds hits on a: every other hit and every severity is unchanged, draw by draw")
    func monotoneInDigitalDependence() throws {
        for dependence in [EventDependence.shared, .commonFactor(sigma: .fixed(0.5))] {
            let low = try Self.events(Self.scenario([Self.event(dependence: dependence)], digitalA: 0.4)).events
            let high = try Self.events(Self.scenario([Self.event(dependence: dependence)], digitalA: 0.9)).events
            var byKey: [String: [(Int, Double)]] = [:]
            var seen: [Int: Int] = [:]
            for (trial, _, hits) in high {
                let m = seen[trial, default: 0]
                seen[trial] = m + 1
                byKey["\(trial)/\(m)"] = hits
            }
            // Events are listed only when they hit something, so match each low event to the
            // high event of the same trial with the same b-hit.
            for (trial, _, hits) in low {
                guard let b = hits.first(where: { $0.0 == 1 }) else { continue }
                let candidates = (0..<(seen[trial] ?? 0)).compactMap { byKey["\(trial)/\($0)"] }
                #expect(candidates.contains { $0.contains { $0.0 == 1 && $0.1 == b.1 } })
                if let a = hits.first(where: { $0.0 == 0 }) {
                    #expect(candidates.contains { $0.contains { $0.0 == 0 && $0.1 == a.1 } })
                }
            }
            #expect(high.reduce(0) { $0 + $1.2.filter { $0.0 == 0 }.count } > low.reduce(0) { $0 + $1.2.filter { $0.0 == 0 }.count })
        }
    }

    @Test("per-event accounting: the largest event never exceeds the year; a single event's cascade alone is the whole year's (linear and saturating, shared and per-trial coupling)",
          arguments: [(CascadeMode.linear, false), (.linear, true), (.saturating, false), (.saturating, true)])
    func largestEvent(mode: CascadeMode, perTrial: Bool) throws {
        var s = Self.scenario([Self.event(frequency: 0.5, severity: .lognormal(median: .fixed(0.01), sigma: .fixed(1)))], years: 2)
        s.dependencies.matrix = DependencyMatrix(count: 2, values: [0, 0.2, 0.3, 0])
        s.cascade.mode = mode
        if perTrial { s.dependencies.cyberCoupling = .uniform(lower: 0.1, upper: 0.5) }
        let acc = try ScenarioFixtures.run(s, threads: 2)
        let tail = try #require(acc.tail)
        for t in 0..<2 {
            let aggregate = tail.annual(.aggregateLoss, year: t).merged, largest = tail.annual(.largestEventLoss, year: t).merged
            for q in [0.5, 0.8, 0.9, 0.99, 0.999] { #expect(largest.quantile(q) <= aggregate.quantile(q)) }
            // The class's standalone loss adds up to the year's when the cascade is linear and nothing saturates.
            if mode == .linear {
                let m = MetricSet(scenario: s).count
                let mean = acc.metricMoments[t * m + MetricSet.Core.economicLoss.rawValue].mean
                #expect(abs(tail.classLoss[t].mean - mean) <= 1e-9 * mean)
            }
        }
        #expect(tail.classEvents[0] > 0 && tail.classYears[0] <= tail.classEvents[0])
        // Trial by trial: the largest event's loss never exceeds the year's (beyond rounding),
        // and with no attacks a year of one event is that event.
        let plan = try SimulationPlan(scenario: s)
        let block = TrialBlock(plan: plan)
        let rows = TrialBlock.capacity
        for b in 0..<rows {
            plan.parameters.draw(seed: s.seed, trial: UInt64(b),
                                 into: UnsafeMutableBufferPointer(rebasing: block.theta[(b * block.p)..<((b + 1) * block.p)]))
        }
        block.directShocks(year: 0, firstTrial: 0, rows: rows)
        block.cascade(year: 0, rows: rows, accounting: true)
        block.metrics(year: 0, firstTrial: 0, rows: rows)
        // The saturating iteration stops once no entry changes by more than its tolerance, so two
        // solves of the same shocks (the year's, the event's) agree to a few tolerances per sector.
        let agreement = mode == .linear ? 1e-12 : 0.0
        let absolute = mode == .linear ? 0.0 : 200 * 10 * Cascade.tolerance
        var single = 0
        for b in 0..<rows {
            let loss = block.values[b * block.m + MetricSet.Core.economicLoss.rawValue]
            #expect(block.largestLoss[b] <= loss * (1 + 1e-12) + absolute)
            if block.classCount[b] == 1 {
                single += 1
                #expect(abs(block.largestLoss[b] - loss) <= agreement * loss + absolute, "trial \(b): \(block.largestLoss[b]) vs \(loss)")
                #expect(block.largestClass[b] == (loss > 0 ? 0 : -1))
            } else if block.classCount[b] == 0 {
                #expect(block.largestLoss[b] == 0 && block.largestClass[b] == -1)
            }
        }
        #expect(single > 200)
    }

    @Test("threads and shard splits give equal tail accumulators")
    func mergesExactly() throws {
        let s = Self.scenario([Self.event(frequency: 2), Self.event("f", frequency: 0.3, pa: 1, pb: 0,
                                                                    severity: .gpd(GPDTail(threshold: .fixed(0), scale: .fixed(0.01), shape: .fixed(0.5))))],
                              years: 3)
        let whole = try ScenarioFixtures.run(s, threads: 1)
        #expect(try ScenarioFixtures.run(s, threads: 2) == whole)
        var merged = try ScenarioFixtures.run(s, threads: 1, shard: Shard(index: 0, count: 3)!)
        for i in 1..<3 { merged.merge(try ScenarioFixtures.run(s, threads: 2, shard: Shard(index: i, count: 3)!)) }
        #expect(merged == whole)
        #expect(TailTables(scenario: s, accumulator: merged)?.returnPeriodsCSV == TailTables(scenario: s, accumulator: whole)?.returnPeriodsCSV)
    }
}
