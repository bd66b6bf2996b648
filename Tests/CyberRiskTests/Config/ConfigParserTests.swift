@_spi(Engine) @testable import CyberRisk
import Foundation
import Testing

@Suite("Config parsing limits")
struct ConfigParserTests {
    let origin = ConfigOrigin(store: .files, file: "t.yaml")

    @Test func treeKeepsOrderLinesAndQuoting() throws {
        let tree = try ConfigParser.parseDocument(Array("b: 1\na:\n  - 'x'\n  - ~\n  - y\n".utf8), origin: origin)
        #expect(tree.entries?.map(\.key) == ["b", "a"])
        #expect(tree["b"]?.content == .scalar("1", quoted: false))
        #expect(tree["b"]?.origin.line == 1)
        let a = try #require(tree["a"]?.elements)
        #expect(a[0].content == .scalar("x", quoted: true))
        #expect(a[1].isNull)
        #expect(a[2].origin.line == 5)
    }

    @Test func structuralErrors() {
        func fails(_ text: String, _ phrase: String, sourceLocation: SourceLocation = #_sourceLocation) {
            do {
                _ = try ConfigParser.parseDocument(Array(text.utf8), origin: origin)
                Issue.record("parsed: \(text)", sourceLocation: sourceLocation)
            } catch let error as ConfigError {
                #expect(error.description.contains(phrase), "\(error)", sourceLocation: sourceLocation)
            } catch {
                Issue.record("\(error)", sourceLocation: sourceLocation)
            }
        }
        fails("a: 1\na: 2\n", "t.yaml:2: duplicate key 'a'")
        fails("a: [1, 2\n", "invalid YAML")
        fails("a: 1\n---\nb: 2\n", "expected one YAML document")
        fails("- 1\n- 2\n", "the top level must be a mapping")
        fails("? [a]\n: 1\n", "mapping keys must be strings")
        fails("a: !!binary aGk=\n", "unsupported YAML tag")
        fails("a: *nothing\n", "names no anchor")
        fails("a: \"\\xff\"\u{0}\n", "invalid YAML")
    }

    @Test func aTabInTheIndentationIsCalledATab() {
        for text in ["trials: 1000\nscenario:\n\tiot: {}\n", "a:\n  b: 1\n \tc: 2\n"] {
            let error = configError { try ConfigParser.parseDocument(Array(text.utf8), origin: origin) }
            #expect(error?.description.contains("a tab character at column") == true, "\(String(describing: error))")
            #expect(error?.description.contains("YAML indents with spaces, not tabs") == true)
        }
        let error = configError { try ConfigParser.parseDocument(Array("a: 1\nscenario:\n\tiot: {}\n".utf8), origin: origin) }
        #expect(error?.description.hasPrefix("t.yaml:3: a tab character at column 1") == true, "\(String(describing: error))")
        // A tab inside a value is fine, and JSON may use tabs anywhere.
        #expect(throws: Never.self) { try ConfigParser.parseDocument(Array("a: \"x\ty\"\n".utf8), origin: origin) }
        #expect(throws: Never.self) { try ConfigParser.parseDocument(Array("{\n\t\"a\": 1\n}".utf8), origin: origin, json: true) }
        #expect(ConfigParser.tabColumn(Array("ab\n  \tc".utf8), at: 7) == 3)
        #expect(ConfigParser.tabColumn(Array("ab\n  c".utf8), at: 5) == nil)
    }

    @Test func depthIsLimited() throws {
        let ok = String(repeating: "[", count: 63) + String(repeating: "]", count: 63)
        #expect(throws: Never.self) { try ConfigParser.parseDocument(Array("a: \(ok)\n".utf8), origin: origin) }
        let deep = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: ConfigError.self) { try ConfigParser.parseDocument(Array("a: \(deep)\n".utf8), origin: origin) }
        let blocks = "a:\n" + (1...70).map { String(repeating: "  ", count: $0) + "- \n" }.joined()
        #expect(throws: ConfigError.self) { try ConfigParser.parseDocument(Array(blocks.utf8), origin: origin) }
        // Aliases count toward depth too.
        let nested = "x: &x " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "\n"
        let aliased = nested + "y: " + String(repeating: "[", count: 30) + "*x" + String(repeating: "]", count: 30) + "\n"
        let error = configError { try ConfigParser.parseDocument(Array(aliased.utf8), origin: origin) }
        #expect(error?.description.contains("nesting deeper than 64") == true)
    }

    @Test func sizeIsLimited() {
        let big = [UInt8](repeating: 0x20, count: ConfigParser.maximumBytes + 1)
        let error = configError { try ConfigParser.parseDocument(big, origin: origin) }
        #expect(error?.description.contains("larger than 16 MiB") == true)
        let loader = ConfigFixtures.loader(files: ["big.yaml": String(repeating: " ", count: ConfigParser.maximumBytes + 1)])
        expectIssue(configError { try loader.load(path: "big.yaml") }, path: "", "larger than 16 MiB")
    }

    @Test(.timeLimit(.minutes(1)))
    func billionLaughsFailsFast() throws {
        var doc = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...9 {
            doc += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        doc += "trials: *a9\n"
        // Timed in this thread's CPU seconds, not wall-clock: other processes on a loaded machine do
        // not count, while expanding the 10⁹ nodes would take minutes of CPU. 2 s is about a
        // thousand times what refusing takes.
        let start = Self.threadCPUSeconds()
        let error = errorLoading(doc)
        #expect(Self.threadCPUSeconds() - start < 2)
        expectIssue(error, path: "", "aliases expand to more than 1000000 nodes")
        // Alias-as-key variant (the case that makes Yams.compose hash exponentially).
        let keyed = doc.replacingOccurrences(of: "trials: *a9\n", with: "k: {? *a9 : 1}\n")
        let start2 = Self.threadCPUSeconds()
        #expect(errorLoading(keyed) != nil)
        #expect(Self.threadCPUSeconds() - start2 < 2)
    }

    /// CPU time of the calling thread (`CLOCK_THREAD_CPUTIME_ID`), seconds.
    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    @Test func smallAliasesWork() throws {
        let s = try loadText("""
            cascade: {mode: saturating, failure_threshold: &t 0.4}
            sectors:
              - &s {id: energy, threat: {attacks_per_year: &d {pert: [1, 2, 3]}}}
              - {id: dams, threat: {attacks_per_year: *d}}
            """)
        #expect(s.cascade.failureThreshold == 0.4)
        #expect(s.sectors[1].threat.attacksPerYear == .pert(lower: 1, mode: 2, upper: 3))
    }

    @Test func garbageNeverTraps() throws {
        // A few hundred seeded mutations of baseline.yaml: each gives a scenario or a ConfigError.
        let base = Array(ConfigFixtures.baselineText.utf8)
        var rng = SplitMix64(seed: 20_260_101)
        let alphabet = Array("{}[],:-&*!?|>'\"#%@` \n\t0123456789.eE+-nanif~".utf8) + [0x00, 0xFF, 0xC3, 0x80]
        var accepted = 0, refused = 0
        for round in 0..<300 {
            var bytes = base
            for _ in 0..<(1 + Int(rng.next() % 8)) {
                guard !bytes.isEmpty else { break }
                let at = Int(rng.next() % UInt64(bytes.count))
                let byte = round % 2 == 0 ? alphabet[Int(rng.next() % UInt64(alphabet.count))] : UInt8(truncatingIfNeeded: rng.next())
                switch rng.next() % 4 {
                case 0: bytes[at] = byte
                case 1: bytes.insert(byte, at: at)
                case 2: bytes.remove(at: at)
                default:
                    let end = min(bytes.count, at + Int(rng.next() % 64))
                    bytes.insert(contentsOf: bytes[at..<end], at: Int(rng.next() % UInt64(bytes.count)))
                }
            }
            let name = round % 5 == 0 ? "fuzz.json" : "fuzz.yaml"
            // The dependency CSV the baseline names sits beside it, so a mutation that keeps the
            // config valid loads (without it every mutation was refused for the missing CSV).
            let csv = "data/dependencies_bea2023.csv"
            let fuzzLoader = ConfigLoader(files: EmbeddedFileSystem(files: [name: bytes, csv: ConfigFixtures.embeddedFiles[csv] ?? []]),
                                          embedded: ConfigFixtures.embedded)
            do {
                _ = try fuzzLoader.resolve(.file(name), overrides: round % 7 == 0 ? ["trials=3"] : [])
                accepted += 1
            } catch is ConfigError {
                refused += 1
            }
        }
        // Any other error than ConfigError (or a trap) ends the test above; both outcomes must occur,
        // so the mutations exercise the refusing and the accepting paths.
        #expect(refused > 50, "\(refused) of 300 mutations refused")
        #expect(accepted > 10, "\(accepted) of 300 mutations accepted")
    }
}

