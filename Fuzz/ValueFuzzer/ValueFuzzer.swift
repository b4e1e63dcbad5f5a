import FuzzDriver
import Metrics
import Snapshot

/// libFuzzer entry: every value parser of the contract on the same bytes (timestamps in
/// a zone with daylight saving and one without, money at 0 and 2 digits, numbers,
/// counts, report months).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    for parser in Parsers.timestamps { _ = parser.parse(bytes) }
    for parser in Parsers.money { _ = parser.parse(bytes) }
    _ = NumberParser.parse(bytes)
    _ = NumberParser.parseCount(bytes)
    _ = Month(String(decoding: bytes, as: UTF8.self))
    return 0
}

enum Parsers {
    static let timestamps = ["Asia/Shanghai", "America/New_York", "UTC"].map { TimestampParser(zone: Zone(identifier: $0)!) }
    static let money = [MoneyParser(fractionDigits: 2), MoneyParser(fractionDigits: 0)]
}

@_cdecl("ValueFuzzer_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt { runFuzzer(argc, argv, fuzz) }
