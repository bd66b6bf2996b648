/// One worker's evaluation of batch statistics: given a block's values of one year (`rows × M`,
/// as ``TrialBlock`` passes them after each year), the value of each requested statistic over the
/// block's own trials, from the metric's values sorted once (``SeriesStatistic/batchValue(sorted:)``).
///
/// Owns a block-sized scratch buffer; ``collect(_:rows:)`` allocates nothing beyond what the
/// standard library's sort may take for its merges.
final class BatchCollector {
    let requests: [BatchRequest]
    let metricCount: Int
    /// The requests grouped by metric: each metric is sorted once for all its statistics.
    private let groups: [(metric: Int, requests: [Int])]
    private let scratch: UnsafeMutableBufferPointer<Double>
    /// The block value of each request for the last collected year, in ``requests`` order.
    private(set) var values: [Double]

    init(requests: [BatchRequest], metricCount: Int) {
        self.requests = requests
        self.metricCount = metricCount
        var groups: [(metric: Int, requests: [Int])] = []
        for (r, request) in requests.enumerated() {
            if let g = groups.firstIndex(where: { $0.metric == request.metric }) {
                groups[g].requests.append(r)
            } else {
                groups.append((request.metric, [r]))
            }
        }
        self.groups = groups
        scratch = .allocate(capacity: TrialBlock.capacity)
        scratch.initialize(repeating: 0)
        values = Array(repeating: .nan, count: requests.count)
    }

    deinit { scratch.deallocate() }

    /// Evaluates every request on the block's `rows` trials of one year.
    func collect(_ yearValues: UnsafeBufferPointer<Double>, rows: Int) {
        for group in groups {
            for b in 0..<rows { scratch[b] = yearValues[b * metricCount + group.metric] }
            var sorted = UnsafeMutableBufferPointer(rebasing: scratch[0..<rows])
            sorted.sort()
            for r in group.requests {
                values[r] = requests[r].statistic.batchValue(sorted: UnsafeBufferPointer(sorted))
            }
        }
    }
}

extension BatchMeans {
    /// Adds the collector's values of the requests this accumulator holds, for year `t`; `map[r]`
    /// is request `r`'s position among the collector's requests.
    mutating func add(year t: Int, from collector: BatchCollector, map: [Int]) {
        for r in map.indices { add(year: t, request: r, collector.values[map[r]]) }
    }

    /// For each of this accumulator's requests, its position among `all`.
    func positions(in all: [BatchRequest]) -> [Int] {
        requests.map { all.firstIndex(of: $0)! }
    }
}
