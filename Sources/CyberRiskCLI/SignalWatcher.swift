import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGINT and SIGTERM into a flag that long runs poll between blocks, so they stop within
/// a block's time, write nothing under final names, and exit with 128 + the signal number.
final class SignalWatcher: Sendable {
    private let received = Atomic<Int32>(0)
    private nonisolated(unsafe) var sources: [DispatchSourceSignal] = []

    init() {
        for sig in [SIGINT, SIGTERM] {
            Glibc.signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [weak self] in
                self?.received.store(sig, ordering: .relaxed)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// The signal received, or 0.
    var signal: Int32 { received.load(ordering: .relaxed) }

    /// Whether a stop was requested.
    var isStopRequested: Bool { signal != 0 }

    /// The error that ends the process after a requested stop.
    func interruption(_ what: String) -> CLIError {
        let sig = signal
        let name = sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "signal \(sig)"
        return CLIError(code: 128 + sig, message: "interrupted by \(name); \(what)")
    }
}
