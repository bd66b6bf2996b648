import ArgumentParser
import Foundation
import Synchronization

/// A progress bar on stderr — percent, trials per second and ETA — redrawn at most five times a
/// second, only when enabled (by default only when stderr is a terminal, never in logs or pipes).
///
/// `--quiet` disables it whatever the mode. Times come from the monotonic clock, so a clock
/// change during a run cannot make the rate or ETA jump; until the first trials finish the ETA
/// reads `--:--:--`.
///
/// ```
/// [###########...................]  37%  12.4k trials/s  ETA 0:00:05
/// ```
final class ProgressBar: Sendable {
    /// `--progress auto|always|never`.
    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    private struct State {
        var done = 0
        var lastDraw = 0.0
        var drawn = false
        var total: Int
        /// Shown after the ETA (a precision run's precision so far).
        var note = ""
    }

    private let enabled: Bool
    private let start = DispatchTime.now().uptimeNanoseconds
    private let state: Mutex<State>

    init(total: Int, mode: Mode, quiet: Bool) {
        state = Mutex(State(total: total))
        switch mode {
        case .never: enabled = false
        case .always: enabled = !quiet
        case .auto: enabled = !quiet && isatty(2) != 0
        }
    }

    /// Adds finished trials (thread-safe).
    func advance(by trials: Int) {
        guard enabled else { return }
        let now = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let line: String? = state.withLock { s in
            s.done += trials
            guard now - s.lastDraw >= 0.2 || s.done == s.total else { return nil }
            s.lastDraw = now
            s.drawn = true
            return render(done: s.done, total: s.total, note: s.note, elapsed: now)
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// A new goal: the bar now fills towards `total` trials and shows `note` (a precision run's
    /// next stage and the precision reached so far).
    func restart(total: Int, note: String) {
        state.withLock { s in
            s.total = total
            s.note = note
        }
    }

    /// Clears the bar's line (if one was drawn), so what follows starts on a clean line.
    func finish() {
        guard enabled, state.withLock({ $0.drawn }) else { return }
        FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: 79) + "\r").utf8))
    }

    private func render(done: Int, total: Int, note: String, elapsed: Double) -> String {
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        let width = 30
        let filled = Int(fraction * Double(width))
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? ProgressBar.clock(Double(total - done) / rate) : "--:--:--"
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        if !note.isEmpty {
            // Precision runs: the stage's trials instead of the ETA, and the precision reached.
            return "\r[\(bar)] \(ProgressBar.compact(Double(done)))/\(ProgressBar.compact(Double(total)))  "
                + "\(ProgressBar.compact(rate)) trials/s  \(note) "
        }
        return "\r[\(bar)] " + String(format: "%3.0f%%", fraction * 100)
            + "  \(ProgressBar.compact(rate)) trials/s  ETA \(eta) "
    }

    static func compact(_ x: Double) -> String {
        x >= 1e6 ? String(format: "%.2fM", x / 1e6) : x >= 1e3 ? String(format: "%.1fk", x / 1e3) : String(format: "%.0f", x)
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
    }
}
