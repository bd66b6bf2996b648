@testable import CyberRisk
import Foundation
import Testing

/// Shared fixtures of the configuration tests: the repository's `configs/` folder as an
/// embedded tree, and loaders over it.
enum ConfigFixtures {
    /// `<repo>/configs`, found from this file's path.
    static let configsFolder: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }   // Config, CyberRiskTests, Tests, <repo>
        return url.appendingPathComponent("configs").path
    }()

    /// Every file under `configs/`, by relative path.
    static let embeddedFiles: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        let root = URL(fileURLWithPath: configsFolder).resolvingSymlinksInPath()
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return files
        }
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                  let data = FileManager.default.contents(atPath: url.path) else { continue }
            let relative = String(url.resolvingSymlinksInPath().path.dropFirst(root.path.count + 1))
            files[relative] = [UInt8](data)
        }
        return files
    }()

    static var baselineText: String { String(decoding: embeddedFiles["baseline.yaml"] ?? [], as: UTF8.self) }

    static let embedded = EmbeddedFileSystem(files: embeddedFiles)

    /// A loader whose "disk" is `files` (in-memory) and whose embedded tree is the repo's configs.
    static func loader(files: [String: String] = [:]) -> ConfigLoader {
        ConfigLoader(files: EmbeddedFileSystem(files: files.mapValues { Array($0.utf8) }), embedded: embedded)
    }
}

/// The error `body` throws, which must be a ``ConfigError``.
func configError(_ body: () throws -> Any, sourceLocation: SourceLocation = #_sourceLocation) -> ConfigError? {
    do {
        _ = try body()
        Issue.record("expected a ConfigError, got a value", sourceLocation: sourceLocation)
    } catch let error as ConfigError {
        return error
    } catch {
        Issue.record("expected a ConfigError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// Expects an issue at `path` whose message contains `phrase`.
func expectIssue(_ error: ConfigError?, path: String, _ phrase: String,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    guard let error else { return }
    let found = error.issues.contains { $0.path == path && $0.message.contains(phrase) }
    #expect(found, "no issue at '\(path)' containing '\(phrase)' in:\n\(error.description)", sourceLocation: sourceLocation)
}

/// Loads `text` (a config file) with the test loader; `extra` files are its neighbours.
func loadText(_ text: String, name: String = "test.yaml", extra: [String: String] = [:],
              overrides: [String] = []) throws -> Scenario {
    try ConfigFixtures.loader(files: extra).load(text: text, name: name, overrides: overrides)
}

/// The error loading `text` throws.
func errorLoading(_ text: String, name: String = "test.yaml", extra: [String: String] = [:], overrides: [String] = [],
                  sourceLocation: SourceLocation = #_sourceLocation) -> ConfigError? {
    configError({ try loadText(text, name: name, extra: extra, overrides: overrides) }, sourceLocation: sourceLocation)
}
