/// A statistic of one series (one metric in one year) across the trials: its mean, a quantile,
/// or an expected shortfall. Tolerances, `--precision` and `compare` name statistics by the
/// columns of `summary.csv` (`mean`, `p01` … `p999`, `es95`, `es99`); a return period `T` is
/// the quantile `1 − 1/T` (the annual value exceeded with probability `1/T`: the aggregate
/// exceedance probability level of a year's metric).
///
/// The point estimate of a quantile or shortfall comes from the run's quantile sketch, exactly
/// as `summary.csv` reports it. Its standard error comes from **batch means** over blocks: each
/// full block of 1024 trials gives the statistic of its own trials (``batchValue(sorted:)``),
/// and the error of the whole run's estimate is `sd(block values)/√K` for `K` blocks (see
/// ``BatchMeans``).
///
/// ```swift
/// SeriesStatistic(name: "p95")            // .quantile(0.95)
/// SeriesStatistic(returnPeriod: 100)      // .quantile(0.99), named "p99"
/// SeriesStatistic.tailMean(0.05).name     // "es95"
/// ```
public enum SeriesStatistic: Sendable, Hashable, CustomStringConvertible {
    /// The mean over trials.
    case mean
    /// The value at quantile level `q ∈ (0, 1)`.
    case quantile(Double)
    /// The mean of the worst `fraction ∈ (0, 1)` of the trials (expected shortfall, TVaR).
    case tailMean(Double)

    /// The names accepted by ``init(name:)``, in `summary.csv` order.
    public static var names: [String] {
        ["mean"] + SeriesSummary.levels.map(\.name) + ["es95", "es99"]
    }

    /// The statistic named like a `summary.csv` column, or `nil`.
    public init?(name: String) {
        if name == "mean" {
            self = .mean
        } else if let level = SeriesSummary.levels.first(where: { $0.name == name }) {
            self = .quantile(level.q)
        } else if name == "es95" {
            self = .tailMean(0.05)
        } else if name == "es99" {
            self = .tailMean(0.01)
        } else {
            return nil
        }
    }

    /// The quantile `1 − 1/T` of a return period of `T > 1` years.
    /// A level within `10⁻¹²` of a `summary.csv` level is that level (`T = 100` is `p99`).
    public init(returnPeriod years: Double) {
        let q = 1 - 1 / years
        self = .quantile(SeriesSummary.levels.first { Swift.abs($0.q - q) < 1e-12 }?.q ?? q)
    }

    /// The column-style name: `mean`, `p95`, `p995`, `es95`; a level with more than four
    /// decimals is written `q` and its shortest decimal form (`q0.6666666666666667`).
    public var name: String {
        switch self {
        case .mean: return "mean"
        case .quantile(let q): return SeriesStatistic.levelName(prefix: "p", q)
        case .tailMean(let p): return SeriesStatistic.levelName(prefix: "es", 1 - p)
        }
    }

    public var description: String { name }

    /// Whether the statistic needs batch means for its standard error (all but the mean).
    public var needsBatches: Bool { self != .mean }

    /// `p` + the level's decimals padded to two (`0.05` → `p05`, `0.5` → `p50`, `0.995` → `p995`).
    static func levelName(prefix: String, _ level: Double) -> String {
        for digits in 2...4 {
            let scale = Double(Int(pow10(digits)))
            let scaled = (level * scale).rounded()
            if Swift.abs(scaled / scale - level) < 1e-12 && scaled > 0 && scaled < scale {
                var text = String(Int(scaled))
                while text.count < digits { text = "0" + text }
                while text.count > 2 && text.hasSuffix("0") { text.removeLast() }
                return prefix + text
            }
        }
        return "q" + CSVTable.format(level)
    }

    private static func pow10(_ k: Int) -> Int { (0..<k).reduce(1) { r, _ in r * 10 } }

    // MARK: Estimates

    /// The whole run's estimate, as `summary.csv` gives it: the exact mean, or the sketch's
    /// quantile (rounded for whole-number series) or tail mean.
    func value(moments: Moments, sketch: QuantileSketch, wholeNumbers: Bool) -> Double {
        switch self {
        case .mean: return moments.mean
        case .quantile(let q):
            let v = sketch.quantile(q)
            return wholeNumbers ? v.rounded() : v
        case .tailMean(let p): return sketch.tailMean(fraction: p)
        }
    }

    /// The statistic of one batch from its values sorted ascending: the order statistic of rank
    /// `⌊q·(n − 1)⌋` (the rank the sketch reports), or the mean of the largest `⌈p·n⌉` values.
    /// NaN for an empty batch.
    public func batchValue(sorted x: UnsafeBufferPointer<Double>) -> Double {
        let n = x.count
        guard n > 0 else { return .nan }
        switch self {
        case .mean:
            var s = 0.0
            for v in x { s += v }
            return s / Double(n)
        case .quantile(let q):
            return x[Swift.min(n - 1, Int((q * Double(n - 1)).rounded(.down)))]
        case .tailMean(let p):
            let m = Swift.max(1, Swift.min(n, Int((p * Double(n)).rounded(.up))))
            var s = 0.0
            for k in (n - m)..<n { s += x[k] }
            return s / Double(m)
        }
    }

    // MARK: Bytes

    /// Writes a tag byte (`0` mean, `1` quantile, `2` tail mean) and the level.
    func write(to w: inout ByteWriter) {
        switch self {
        case .mean: w.append(UInt8(0)); w.append(0.0)
        case .quantile(let q): w.append(UInt8(1)); w.append(q)
        case .tailMean(let p): w.append(UInt8(2)); w.append(p)
        }
    }

    /// Reads the form of ``write(to:)``; the level must lie in `(0, 1)`.
    init(from r: inout ByteReader) throws {
        let tag = try r.readUInt8()
        let level = try r.readDouble()
        switch tag {
        case 0 where level == 0: self = .mean
        case 1 where level > 0 && level < 1: self = .quantile(level)
        case 2 where level > 0 && level < 1: self = .tailMean(level)
        default: throw ByteReader.Error.invalid("statistic: tag \(tag), level \(level)")
        }
    }
}
