#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer entry for every ``ReaderFuzzTarget``; the target is chosen by the environment
/// variable `CYBERRISK_FUZZ_TARGET` (`config`, `csv`, `state`, `journal`, `sweepspec`, `comparison`,
/// `incidents`, `report`).
/// Built by `scripts/fuzz/build.sh`, run by `scripts/fuzz/run.sh` (`make fuzz`).
let fuzzTarget: ReaderFuzzTarget = {
    let name = getenv("CYBERRISK_FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = ReaderFuzzTarget(rawValue: name) else {
        let names = ReaderFuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        fatalError("set CYBERRISK_FUZZ_TARGET to one of: \(names) (found '\(name)')")
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if case .finding(let why) = fuzzTarget.run(bytes) {
        fatalError("\(fuzzTarget.rawValue): \(why)")
    }
    return 0
}
