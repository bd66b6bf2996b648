/// The systemic events of one simulated year for a block of trials, in trial order: for each
/// event its trial (row of the block), its class and the sectors it hits with their severities
/// `S_mi` (shares of a fully digital sector's year; the direct shock is `min(1, d_i(t)·S_mi)`).
///
/// This is the year's event list that per-event accounting (each event's cascade alone) reads,
/// and that a dynamic cascade can read in the same form. Events that hit no sector are counted
/// per class but not listed. Storage grows by doubling when a block's events exceed it (rare:
/// validation bounds the expected events per year), so the steady state allocates nothing.
final class EventList {
    /// Events listed.
    private(set) var count = 0
    /// Hits listed (over all events).
    private(set) var hitCount = 0
    /// Per event: trial row, class, first hit.
    private(set) var row: UnsafeMutablePointer<Int32>
    private(set) var eventClass: UnsafeMutablePointer<Int32>
    private(set) var firstHit: UnsafeMutablePointer<Int>
    /// Per hit: sector and severity.
    private(set) var hitSector: UnsafeMutablePointer<Int32>
    private(set) var hitSeverity: UnsafeMutablePointer<Double>
    /// `rowStart[b] ..< rowStart[b + 1]` are the events of row `b` (rows `0 ... capacity`).
    let rowStart: UnsafeMutablePointer<Int>
    private var eventCapacity: Int
    private var hitCapacity: Int
    private let rows: Int
    private var openRow = 0

    init(rows: Int, events: Int = 4096, hits: Int = 16384) {
        self.rows = rows
        eventCapacity = events
        hitCapacity = hits
        row = .allocate(capacity: events)
        eventClass = .allocate(capacity: events)
        firstHit = .allocate(capacity: events + 1)
        hitSector = .allocate(capacity: hits)
        hitSeverity = .allocate(capacity: hits)
        rowStart = .allocate(capacity: rows + 1)
        rowStart.initialize(repeating: 0, count: rows + 1)
        firstHit[0] = 0
    }

    deinit {
        row.deallocate()
        eventClass.deallocate()
        firstHit.deallocate()
        hitSector.deallocate()
        hitSeverity.deallocate()
        rowStart.deallocate()
    }

    /// Empties the list for a new year.
    @inline(__always)
    func reset() {
        count = 0
        hitCount = 0
        openRow = 0
        rowStart[0] = 0
        firstHit[0] = 0
    }

    /// Starts the events of row `b` (rows are begun in increasing order).
    @inline(__always)
    func beginRow(_ b: Int) {
        while openRow < b {
            openRow += 1
            rowStart[openRow] = count
        }
    }

    /// Closes the list after the last row `rows − 1` (or fewer): every later row is empty.
    @inline(__always)
    func finish(rows used: Int) {
        beginRow(used)
    }

    /// Adds a hit to the event being built (call ``closeEvent(row:class:)`` after its hits).
    @inline(__always)
    func addHit(sector i: Int, severity: Double) {
        if hitCount == hitCapacity { growHits() }
        hitSector[hitCount] = Int32(truncatingIfNeeded: i)
        hitSeverity[hitCount] = severity
        hitCount += 1
    }

    /// Lists the event whose hits were just added, if it has any.
    @inline(__always)
    func closeEvent(row b: Int, class e: Int) {
        guard hitCount > firstHit[count] else { return }
        if count == eventCapacity { growEvents() }
        row[count] = Int32(truncatingIfNeeded: b)
        eventClass[count] = Int32(truncatingIfNeeded: e)
        count += 1
        firstHit[count] = hitCount
    }

    /// The hits of event `k`: `firstHit[k] ..< firstHit[k + 1]`.
    @inline(__always)
    func hits(of k: Int) -> Range<Int> { firstHit[k]..<firstHit[k + 1] }

    @inline(never)
    private func growEvents() {
        let capacity = 2 * eventCapacity
        row = EventList.grown(row, count: count, to: capacity)
        eventClass = EventList.grown(eventClass, count: count, to: capacity)
        firstHit = EventList.grown(firstHit, count: count + 1, to: capacity + 1)
        eventCapacity = capacity
    }

    @inline(never)
    private func growHits() {
        let capacity = 2 * hitCapacity
        hitSector = EventList.grown(hitSector, count: hitCount, to: capacity)
        hitSeverity = EventList.grown(hitSeverity, count: hitCount, to: capacity)
        hitCapacity = capacity
    }

    private static func grown<T>(_ p: UnsafeMutablePointer<T>, count: Int, to capacity: Int) -> UnsafeMutablePointer<T> {
        let q = UnsafeMutablePointer<T>.allocate(capacity: capacity)
        q.moveInitialize(from: p, count: count)
        p.deallocate()
        return q
    }
}
