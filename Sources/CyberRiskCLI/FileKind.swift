import CyberRisk
import CyberRiskSweep
import Foundation

/// The kinds of file and folder the commands take, to say "this is an X; run it with Y" when a
/// file of one kind is given to a command expecting another (a sweep spec to `run`, a scenario
/// config to `sweep`, an unmerged shard folder to `report`).
enum FileKind {
    case scenario, sweepSpec

    /// A usage error naming what `path` is and which command takes it, when it is recognisably
    /// another kind than `expected`; `nil` when it is not (the caller's own error then stands).
    static func recognise(_ path: String, expected: FileKind) -> CLIError? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
        if isFolder.boolValue {
            let what = expected == .scenario ? "a scenario config file" : "a sweep spec file"
            return CLIError.usage("\(path) is a folder, not \(what)"
                                  + (FileManager.default.fileExists(atPath: path + "/manifest.json")
                                     ? " (an output folder: `cyberrisk report \(path)` turns it into a report)" : ""))
        }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = Array(data)
        if OutputFolderContents.isStateFile(bytes) || bytes.starts(with: SweepJournal.magic) {
            return CLIError.usage("\(path) is a cyberrisk \(OutputFolderContents.isStateFile(bytes) ? "state file" : "sweep journal"), "
                                  + "not a \(expected == .scenario ? "scenario config" : "sweep spec"); `cyberrisk merge` reads it "
                                  + "from its folder, `cyberrisk report FOLDER` shows it")
        }
        switch expected {
        case .scenario:
            // A sensitivity spec may leave samples out, which a sweep design needs: try both.
            let sweep = (try? SweepSpec(parsing: bytes, file: path)) != nil
            let sensitivity = (try? SweepSpec(parsing: bytes, file: path, design: .saltelli)) != nil
            guard sweep || sensitivity else { return nil }
            let commands = (sweep ? ["`cyberrisk sweep \(path)`"] : []) + (sensitivity ? ["`cyberrisk sensitivity \(path)`"] : [])
            return CLIError.usage("\(path) is a sweep spec, not a scenario config: run it with "
                                  + commands.joined(separator: " or ") + " (its base: is the scenario it varies)")
        case .sweepSpec:
            guard (try? ScenarioCatalog.resolve(path: path, overrides: [])) != nil else { return nil }
            return CLIError.usage("\(path) is a scenario config, not a sweep spec: run it with `cyberrisk run \(path)`, "
                                  + "or sweep around it with `--base \(path) --vary PATH=VALUES`")
        }
    }
}
