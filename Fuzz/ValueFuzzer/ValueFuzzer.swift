import FuzzDriver
import Metrics
import Snapshot

/// libFuzzer entry: every value parser of the contract on the same bytes (timestamps in
/// a zone with daylight saving and one without, also through a mapped export's patterns;
/// money at 0 and 2 digits, plain and in the export forms; numbers, counts, report
/// months; a timestamp pattern and a money example read from the bytes themselves).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    for parser in Parsers.timestamps { _ = parser.parse(bytes) }
    for parser in Parsers.money { _ = parser.parse(bytes) }
    _ = NumberParser.parse(bytes)
    _ = NumberParser.parseCount(bytes)
    let text = String(decoding: bytes, as: UTF8.self)
    _ = Month(text)
    _ = try? TimestampPattern(text)
    _ = MoneyFormat(example: text)
    return 0
}

enum Parsers {
    static let patterns = ["yyyy/M/d H:mm:ss", "MM/dd/yyyy hh:mm a", "dd.MM.yyyy", "d-MMM-yyyy", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "yyyy年M月d日", "yyMMdd"]
        .map { try! TimestampPattern($0) }
    static let timestamps = ["Asia/Shanghai", "America/New_York", "UTC"].map { TimestampParser(zone: Zone(identifier: $0)!) }
        + [TimestampParser(zone: Zone(identifier: "America/New_York")!, patterns: patterns)]
    static let money = [MoneyParser(fractionDigits: 2), MoneyParser(fractionDigits: 0)]
        + ["1,234.50", "1.234,50", "1 234,50", "1'234.50"].map { MoneyParser(fractionDigits: 2, format: MoneyFormat(example: $0)!) }
}

@_cdecl("ValueFuzzer_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt { runFuzzer(argc, argv, fuzz) }
