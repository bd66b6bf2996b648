import Foundation
import Testing
@testable import CyberRisk

/// The output folder's lock and its all-or-nothing writes.
@Suite struct OutputDirectoryTests {
    @Test func aSecondWriterOfTheSameFolderIsRefused() throws {
        let path = ForecastFolderTests.temporaryFolder() + "/nested/out"
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let first = try OutputDirectory(path: path)
            #expect(throws: OutputError(path: path, reason: "another cyberrisk process is writing to this folder")) {
                try OutputDirectory(path: path)
            }
            #expect(first.path == path)
        }
        _ = try OutputDirectory(path: path)   // released with the first value
    }

    @Test func aFailedStageLeavesNeitherTheFilesNorTheirTemporaries() throws {
        let path = ForecastFolderTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let directory = try OutputDirectory(path: path)
        try directory.writeAll([("a.csv", Array("old\n".utf8))])
        // The second file's folder does not exist, so staging fails before anything is renamed.
        #expect(throws: OutputError.self) {
            try directory.writeAll([("a.csv", Array("new\n".utf8)), ("missing/b.csv", [1])])
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0 != ".cyberrisk.lock" }
        #expect(names == ["a.csv"])
        #expect(FileManager.default.contents(atPath: path + "/a.csv") == Data("old\n".utf8))
    }

    @Test func aFileInPlaceOfTheFolderIsNotAFolder() throws {
        let path = ForecastFolderTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data().write(to: URL(fileURLWithPath: path))
        #expect(throws: OutputError(path: path, reason: "not a folder")) { try OutputDirectory(path: path) }
    }

    @Test func readAndWriteFailuresAreKeptApart() {
        #expect(OutputError(path: "p", reason: "r").operation == .write)
        #expect(OutputError(reading: "p", reason: "r").operation == .read)
        #expect(OutputError(reading: "p", reason: "r").description == "p: r")
    }
}
