import Foundation
import Testing

/// `docs/reliability.md` promises a test for every fault, bad-input class and limit: each row of
/// its tables must name, in its "covered by" cell, at least one test function, and every file,
/// suite and function it names must exist. Groups in a cell are separated by `;`; a group names
/// a file (`Tests/…/X.swift`) or a suite (`XTests`, `XTests.function`), then after `·` the
/// functions in it (a group without a file uses the previous group's).
@Suite struct ReliabilityDocTests {
    static let root = CLIRunner.packageRoot

    /// Every Swift test source, by path relative to the package root.
    static let testSources: [String: String] = {
        var out: [String: String] = [:]
        let tests = root.appendingPathComponent("Tests")
        let walker = FileManager.default.enumerator(atPath: tests.path)
        while let path = walker?.nextObject() as? String {
            guard path.hasSuffix(".swift"), let text = try? String(contentsOf: tests.appendingPathComponent(path), encoding: .utf8)
            else { continue }
            out["Tests/" + path] = text
        }
        return out
    }()

    /// The backticked tokens of a string, in order.
    static func code(_ s: Substring) -> [String] {
        s.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// The sources a file or suite token refers to (empty if none).
    static func sources(for token: String) -> [String] {
        if token.hasSuffix(".swift") { return testSources[token].map { [$0] } ?? [] }
        return testSources.values.filter { $0.contains("struct \(token) ") || $0.contains("struct \(token):") }
    }

    static func isSuite(_ token: String) -> Bool {
        token.hasSuffix(".swift") || (token.first?.isUppercase == true && token.hasSuffix("Tests"))
    }

    @Test func everyClaimNamesAnExistingTest() throws {
        let doc = try String(contentsOf: Self.root.appendingPathComponent("docs/reliability.md"), encoding: .utf8)
        var column: Int?
        var rows = 0
        let lines = doc.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where line.hasPrefix("|") && !line.hasPrefix("|---") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if index + 1 < lines.count && lines[index + 1].hasPrefix("|---") {   // a table's header
                column = cells.firstIndex(of: "covered by")
                continue
            }
            guard let c = column, c < cells.count else { continue }
            rows += 1
            var functions = 0
            var current: [String] = []
            for group in cells[c].split(separator: ";") {
                let parts = group.split(separator: "·", maxSplits: 1)
                for token in Self.code(parts[0]) where Self.isSuite(token) || token.contains(".") && !token.contains(" ") {
                    let pieces = token.hasSuffix(".swift") ? [token] : token.split(separator: ".").map(String.init)
                    guard Self.isSuite(pieces[0]) else { continue }
                    current = Self.sources(for: pieces[0])
                    #expect(!current.isEmpty, "\(cells[0]): \(pieces[0]) names no test file or suite")
                    if pieces.count == 2 {
                        functions += 1
                        #expect(current.contains { $0.contains("func \(pieces[1])(") }, "\(cells[0]): no test \(token)")
                    }
                }
                guard parts.count == 2 else { continue }
                for token in Self.code(parts[1]) where token.first?.isLetter == true && token.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." }) {
                    let name = token.split(separator: ".").last.map(String.init) ?? token
                    functions += 1
                    #expect(current.contains { $0.contains("func \(name)(") }, "\(cells[0]): no test function \(token)")
                }
            }
            #expect(functions > 0, "\(cells[0]): names no test function")
        }
        #expect(rows >= 25, "only \(rows) rows with a 'covered by' cell were read")
    }
}
