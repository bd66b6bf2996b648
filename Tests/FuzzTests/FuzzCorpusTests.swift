import Foundation
import Testing

/// Replays every committed fuzz input — the seed corpora `scripts/fuzz/corpus/<target>/` and the
/// crash reproducers `scripts/fuzz/crashes/<target>/` — through the readers, exactly as the
/// fuzzer ran them (``ReaderFuzzTarget``): each must end in a value or a described error. A
/// reproducer that traps again crashes this test run.
@Suite("Fuzz corpora")
struct FuzzCorpusTests {
    /// `<repo>/scripts/fuzz`, from this file's path.
    static let fuzzFolder: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }   // file, FuzzTests, Tests → <repo>
        return url.appendingPathComponent("scripts/fuzz")
    }()

    /// The committed inputs of `target`, by file name.
    static func inputs(_ target: ReaderFuzzTarget) -> [(name: String, bytes: [UInt8])] {
        var out: [(String, [UInt8])] = []
        for kind in ["corpus", "crashes"] {
            let folder = fuzzFolder.appendingPathComponent(kind).appendingPathComponent(target.rawValue)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() {
                guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { continue }
                out.append(("\(kind)/\(target.rawValue)/\(name)", [UInt8](data)))
            }
        }
        return out
    }

    static func outcome(_ target: ReaderFuzzTarget, _ name: String) -> ReaderFuzzTarget.Outcome? {
        inputs(target).first { $0.name.hasSuffix("/" + name) }.map { target.run($0.bytes) }
    }

    @Test(arguments: ReaderFuzzTarget.allCases)
    func everyCommittedInputEndsInAValueOrADescribedError(target: ReaderFuzzTarget) {
        let inputs = Self.inputs(target)
        #expect(inputs.count >= 2, "no corpus for \(target)")
        for (name, bytes) in inputs {
            if case .finding(let why) = target.run(bytes) {
                Issue.record("\(name): \(why)")
            }
        }
    }

    /// The well-formed seeds reach the end of their readers, so the fuzzer starts deep inside
    /// them (and the checksum fix-up modes of `state` and `journal` work); so do the report's
    /// reproducers whose data are odd but readable.
    @Test(arguments: [(ReaderFuzzTarget.config, "seed-small"), (.config, "seed-small-json"), (.config, "seed-baseline"),
                      (.config, "seed-small-set"), (.config, "seed-scenario-cautious.yaml"), (.config, "seed-events-shared"),
                      (.config, "seed-severity-families"), (.csv, "seed-bea2023"),
                      (.state, "seed-fixup"), (.journal, "seed-whole"), (.journal, "seed-fixup"),
                      (.sweepspec, "seed-small-grid"), (.state, "seed-batches-fixup"), (.comparison, "seed-fixup"),
                      (.incidents, "seed-ic3"), (.incidents, "seed-small"), (.incidents, "seed-extreme"),
                      (.report, "seed-forecast"), (.report, "seed-forecast-one-year"), (.report, "seed-forecast-dynamic-tolerances"),
                      (.report, "seed-comparison"), (.report, "seed-sweep"), (.report, "seed-sensitivity-with-tornado"),
                      (.report, "seed-tornado"), (.report, "seed-calibration"), (.report, "seed-stress"),
                      (.report, "one-year-huge-count"), (.report, "sweep-empty-trials"),
                      (.report, "sweep-grid-of-distinct-points")])
    func wellFormedSeedsGiveValues(target: ReaderFuzzTarget, name: String) {
        #expect(Self.outcome(target, name) == .value)
    }

    /// Broken seeds and the report's reproducers are refused for the right reason, naming the file.
    @Test(arguments: [(ReaderFuzzTarget.config, "seed-billion-laughs", "fuzz.yaml:"),
                      (.config, "seed-billion-laughs", "aliases expand to more than"),
                      (.config, "seed-deep", "nesting deeper than 64 levels"),
                      (.config, "seed-extends-cycle", "extends cycle: fuzz.yaml → parent.yaml → fuzz.yaml"),
                      (.config, "seed-tags", "unsupported YAML tag '!custom'"),
                      (.config, "seed-huge-numbers", "trials: must be in 1…1000000000000"),
                      (.config, "seed-events-broken", "shared references form a cycle: a → b → a"),
                      (.config, "seed-events-broken", "events[0].severity.gpd.shape"),
                      (.csv, "seed-broken", "deps.csv:3"),
                      (.state, "seed-truncated", "checksum mismatch"),
                      (.journal, "seed-torn", "incomplete: 2 of 3 points"),
                      (.incidents, "seed-broken", "fuzz-incidents.csv:1: reportng_rate: unknown column"),
                      (.report, "seed-forecast-truncated", "FOLDER/summary.csv: line "),
                      (.report, "seed-forecast-no-manifest", "FOLDER/manifest.json: cannot read"),
                      (.report, "seed-sweep-shard", "FOLDER: holds shard 1/2 of a sweep"),
                      (.report, "seed-stress-skipped-day", "FOLDER/recovery.csv: line 50: sector 'chemical': expected day 3, found 4"),
                      (.report, "calibration-huge-year", "FOLDER/ppc.csv: line 2: column 'year': expected a calendar year, found 1e+300"),
                      (.report, "forecast-infinite-trials", "FOLDER/summary.csv: line 2: column 'trials': expected a whole number ≥ 0, found inf"),
                      (.report, "forecast-400-years", "FOLDER/summary.csv: 400 years: a forecast covers at most 100 (horizon_years)"),
                      (.report, "hindcast-infinite-count", "FOLDER/hindcast.csv: line 6: column 'observed': expected a whole number ≥ 0, found inf")])
    func brokenSeedsAreRefusedWithTheReason(target: ReaderFuzzTarget, name: String, phrase: String) {
        guard case .refused(let message) = Self.outcome(target, name) else {
            Issue.record("\(name): expected a refusal")
            return
        }
        #expect(message.contains(phrase), "\(message)")
    }
}
