import CyberRisk

import Foundation

/// The fields of an output folder's `manifest.json` the report shows, read leniently: a missing
/// field is `nil`, not an error, so manifests of other tool versions and of sweeps load too.
///
/// ```swift
/// let m = try ManifestInfo(contentsOf: "out/manifest.json")
/// m.string("scenario")   // "baseline"
/// m.integer("trials")    // 100000
/// ```
struct ManifestInfo: @unchecked Sendable {
    /// The decoded JSON object (only JSON types: immutable after decoding).
    let object: [String: Any]
    let path: String

    init(object: [String: Any], path: String) {
        self.object = object
        self.path = path
    }

    /// Reads `path`; throws ``OutputError`` if it is missing or not a JSON object.
    init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OutputError(reading: path, reason: "cannot read (missing or unreadable): not a cyberrisk output folder?")
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw OutputError(reading: path, reason: "not a JSON object")
        }
        self.init(object: object, path: path)
    }

    func string(_ key: String) -> String? {
        switch object[key] {
        case let s as String: return s
        case let n as NSNumber: return n.stringValue
        default: return nil
        }
    }

    func integer(_ key: String) -> Int? { ManifestInfo.integer(object[key]) }

    /// A JSON number that is a whole number within `Int` (not `1e300` or `2.5`), or a string of one.
    static func integer(_ value: Any?) -> Int? {
        switch value {
        case let n as NSNumber: return Int(exactly: n.doubleValue) == nil ? nil : n.intValue
        case let s as String: return Int(s)
        default: return nil
        }
    }

    /// A nested object, e.g. `shard`.
    func dictionary(_ key: String) -> [String: Any]? { object[key] as? [String: Any] }

    /// An array of objects, e.g. a sweep's `parameters`.
    func objects(_ key: String) -> [[String: Any]] { object[key] as? [[String: Any]] ?? [] }

    /// An array of strings, e.g. `merged_from`.
    func strings(_ key: String) -> [String] { object[key] as? [String] ?? [] }
}
