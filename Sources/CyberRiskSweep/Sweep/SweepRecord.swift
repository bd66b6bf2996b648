import CyberRisk

/// The result of one finished sweep point: what `sweep.csv` shows of it, exactly.
///
/// One ``Row`` per (year, metric), year-major in the scenario's metric order. Values are stored
/// as their bit patterns, so a record read back from the journal gives the same CSV bytes as the
/// run that wrote it.
public struct SweepRecord: Sendable, Equatable {
    /// The statistics of one (year, metric) of `sweep.csv`.
    public struct Row: Sendable, Equatable {
        public var trials: Int64
        public var mean, sd, se, p05, p50, p95, p99, es95: Double

        init(trials: Int64, mean: Double, sd: Double, se: Double, p05: Double, p50: Double,
                    p95: Double, p99: Double, es95: Double) {
            (self.trials, self.mean, self.sd, self.se) = (trials, mean, sd, se)
            (self.p05, self.p50, self.p95, self.p99, self.es95) = (p05, p50, p95, p99, es95)
        }

        /// The row of a series summary.
        init(_ s: SeriesSummary) {
            func q(_ name: String) -> Double { s.quantile(named: name) ?? .nan }
            self.init(trials: s.count, mean: s.mean, sd: s.standardDeviation, se: s.standardError,
                      p05: q("p05"), p50: q("p50"), p95: q("p95"), p99: q("p99"), es95: s.expectedShortfall95)
        }

        /// Column names after `trials`, in order.
        static let statistics = ["mean", "sd", "se", "p05", "p50", "p95", "p99", "es95"]

        /// The statistics in ``statistics`` order.
        var values: [Double] { [mean, sd, se, p05, p50, p95, p99, es95] }
    }

    public var point: SweepPoint
    public var scenario: String
    /// Calendar years.
    public var years: [Int]
    public var metrics: [String]
    /// `rows[t * metrics.count + k]`.
    public var rows: [Row]
    /// Wall-clock seconds the point took (not part of any CSV).
    public var seconds: Double

    init(point: SweepPoint, scenario: String, years: [Int], metrics: [String], rows: [Row], seconds: Double) {
        self.point = point
        self.scenario = scenario
        self.years = years
        self.metrics = metrics
        self.rows = rows
        self.seconds = seconds
    }

    /// The record of a finished forecast; a forecast that kept its tail adds the
    /// ``SweepTailOutput/all`` outputs after the metrics of each year.
    init(point: SweepPoint, tables: ForecastTables, seconds: Double) {
        let s = tables.scenario
        let tail = tables.keepsTail ? SweepTailOutput.all : []
        var rows: [Row] = []
        rows.reserveCapacity(s.horizonYears * (tables.metrics.count + tail.count))
        for t in 0..<s.horizonYears {
            for k in 0..<tables.metrics.count { rows.append(Row(tables.summary(year: t, metric: k))) }
            let trials = rows.last?.trials ?? 0
            for output in tail { rows.append(output.row(tables, year: t, trials: trials)!) }
        }
        self.init(point: point, scenario: s.name, years: s.calendarYears, metrics: tables.metrics.names + tail.map(\.name),
                  rows: rows, seconds: seconds)
    }

    // MARK: Bytes

    func write(to w: inout ByteWriter) {
        w.append(UInt64(point.index))
        w.append(point.seed)
        w.append(UInt64(point.values.count))
        for x in point.values { w.append(x) }
        w.append(string: scenario)
        w.append(UInt64(years.count))
        for y in years { w.append(Int64(y)) }
        w.append(UInt64(metrics.count))
        for m in metrics { w.append(string: m) }
        for r in rows {
            w.append(r.trials)
            for x in r.values { w.append(x) }
        }
        w.append(seconds)
    }

    /// Reads a record written by ``write(to:)``; throws on malformed or implausible content.
    init(from r: inout ByteReader) throws {
        func count(_ limit: Int, _ what: String) throws -> Int {
            let n = try r.readUInt64()
            guard n <= UInt64(limit) else { throw SweepJournalError("implausible \(what) \(n)") }
            return Int(n)
        }
        let index = try count(SweepSpec.maximumPoints, "point index")
        let seed = try r.readUInt64()
        let k = try count(SobolSequence.maximumDimensions * 64, "parameter count")
        var values: [Double] = []
        for _ in 0..<k { values.append(try r.readDouble()) }
        point = SweepPoint(index: index, values: values, seed: seed)
        scenario = try r.readString()
        let nYears = try count(1000, "year count")
        years = []
        for _ in 0..<nYears {
            let y = try r.readInt64()
            guard y > -1_000_000 && y < 1_000_000 else { throw SweepJournalError("implausible year \(y)") }
            years.append(Int(y))
        }
        let nMetrics = try count(10_000, "metric count")
        metrics = []
        for _ in 0..<nMetrics { metrics.append(try r.readString()) }
        guard nYears * nMetrics <= r.remainingCount / 72 else { throw SweepJournalError("record shorter than its rows") }
        rows = []
        rows.reserveCapacity(nYears * nMetrics)
        for _ in 0..<(nYears * nMetrics) {
            let trials = try r.readInt64()
            var v = [Double](repeating: 0, count: 8)
            for j in 0..<8 { v[j] = try r.readDouble() }
            rows.append(Row(trials: trials, mean: v[0], sd: v[1], se: v[2], p05: v[3], p50: v[4], p95: v[5],
                            p99: v[6], es95: v[7]))
        }
        seconds = try r.readDouble()
    }
}
