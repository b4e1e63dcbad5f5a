import Configuration
import FuzzDriver

/// libFuzzer entry: the input as `pack.yaml`. A ``ConfigProblem`` is the expected answer
/// to nonsense; a trap, a hang or unbounded memory (an alias bomb) is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    _ = try? PackConfig.parse(text, file: "pack.yaml")
    return 0
}

@_cdecl("ConfigFuzzer_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt { runFuzzer(argc, argv, fuzz) }
