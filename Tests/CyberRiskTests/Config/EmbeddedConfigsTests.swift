import Foundation
import Testing
@testable import CyberRisk

/// The binary's embedded configs are exactly the repository's `configs/` folder.
@Suite struct EmbeddedConfigsTests {
    static let configs = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("configs")

    @Test func everyConfigFileIsEmbeddedByteForByte() throws {
        let root = Self.configs.path
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        var onDisk: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory)
            if !isDirectory.boolValue { onDisk.append(relative) }
        }
        #expect(Set(onDisk) == Set(EmbeddedConfigs.files.keys))
        for name in onDisk {
            let bytes = try [UInt8](Data(contentsOf: Self.configs.appendingPathComponent(name)))
            #expect(EmbeddedConfigs.files[name] == bytes, "\(name) differs from its embedded copy")
        }
    }
}
