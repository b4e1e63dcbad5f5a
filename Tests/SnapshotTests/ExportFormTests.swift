import Foundation
import Testing
@testable import Snapshot
import Metrics

/// The forms a mapped export may write its values in: timestamp patterns, money forms,
/// other encodings and separators, words of its own. Values worked out by hand.
@Suite struct ExportFormTests {
    static let utc = Zone(identifier: "UTC")!
    static let shanghai = Zone(identifier: "Asia/Shanghai")!
    // 2026-05-04 00:00:00 UTC: 20,577 days after 1970-01-01.
    static let may4: Int64 = 20_577 * 86_400

    func instant(_ pattern: String, _ text: String, zone: Zone = utc) throws -> Int64? {
        let p = try TimestampPattern(pattern)
        return Array(text.utf8).withUnsafeBufferPointer { p.parse($0, zone: zone) }
    }

    @Test(arguments: [
        ("yyyy/M/d H:mm", "2026/5/4 9:07", may4 + 9 * 3600 + 7 * 60),
        ("yyyy/M/d H:mm", "2026/05/04 09:07", may4 + 9 * 3600 + 7 * 60),
        ("dd.MM.yyyy", "04.05.2026", may4),
        ("MM/dd/yyyy hh:mm a", "05/04/2026 12:30 AM", may4 + 30 * 60),          // 12 AM is midnight
        ("MM/dd/yyyy hh:mm a", "05/04/2026 12:30 PM", may4 + 12 * 3600 + 30 * 60), // 12 PM is noon
        ("MM/dd/yyyy hh:mm a", "05/04/2026 01:30 pm", may4 + 13 * 3600 + 30 * 60),
        ("M/d/yyyy h:mm:ss a", "5/4/2026 11:59:59 PM", may4 + 86_399),
        ("yyyy年M月d日 H:mm", "2026年5月4日 8:00", may4 + 8 * 3600),
        ("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "2026-05-04T10:00:00.123+02:00", may4 + 8 * 3600),
        ("yyyy-MM-dd HH:mm:ssX", "2026-05-04 08:00:00Z", may4 + 8 * 3600),
        ("d-MMM-yyyy", "4-May-2026", may4),
        ("yyyyMMdd", "20260504", may4),
        ("dd/MM/yy", "04/05/26", may4),
    ])
    func patternsReadTheirForms(_ pattern: String, _ text: String, _ expected: Int64) throws {
        #expect(try instant(pattern, text) == expected)
    }

    @Test func aPatternWithoutAnOffsetIsLocalTime() throws {
        #expect(try instant("yyyy/M/d H:mm", "2026/5/4 8:00", zone: Self.shanghai) == Self.may4)
    }

    @Test(arguments: [
        ("MM/dd/yyyy", "13/04/2026"), ("MM/dd/yyyy", "02/30/2026"), ("MM/dd/yyyy", "05/04/2026 "), ("dd.MM.yyyy", "4.5.2026"),
        ("yyyy/M/d H:mm", "2026/5/4 24:00"), ("hh:mm a yyyy-MM-dd", "13:00 PM 2026-05-04"), ("yyyy/M/d", "2026/5/4x"),
        ("yyyy-MM-dd HH:mmXXX", "2026-05-04 08:00+08:3"), ("yyyy-MM-dd HH:mmXXX", "2026-05-04 08:00+08:"), ("yyyy-MM-dd HH:mmX", "2026-05-04 08:00+083"),
    ])
    func patternsRefuseWhatTheyDoNotSay(_ pattern: String, _ text: String) throws {
        #expect(try instant(pattern, text) == nil)
    }

    @Test(arguments: [("YYYY-MM-dd", "week-based year"), ("yyyy-MM-DD", "day of the year"), ("HH:mm", "needs a year"),
                      ("yyyy-MM-dd hh:mm", "12-hour clock"), ("yyyy-MM-dd 'T", "never closed"), ("yyyy-MM-dd q", "not a pattern letter")])
    func badPatternsAreExplained(_ pattern: String, _ words: String) {
        #expect(throws: TimestampPattern.Problem.self) { try TimestampPattern(pattern) }
        do { _ = try TimestampPattern(pattern) } catch { #expect("\(error)".contains(words), "\(error)") }
    }

    @Test func theContractsFormsComeFirstThenThePatterns() throws {
        let parser = TimestampParser(zone: Self.utc, patterns: [try TimestampPattern("dd.MM.yyyy")])
        let read = { (text: String) in Array(text.utf8).withUnsafeBufferPointer { parser.parse($0) } }
        #expect(read("2026-05-04") == Self.may4)
        #expect(read("04.05.2026") == Self.may4)
        #expect(parser.expected.contains("\"dd.MM.yyyy\""))
    }

    // MARK: Money

    func units(_ example: String, _ text: String, digits: Int = 2) -> Int64? {
        let parser = MoneyParser(fractionDigits: digits, format: MoneyFormat(example: example)!)
        return Array(text.utf8).withUnsafeBufferPointer { parser.parse($0) }
    }

    @Test(arguments: [
        ("1,234.50", "1,234.50", 123_450), ("1,234.50", "¥1,234.50", 123_450), ("1,234.50", "$ 1,234,567.8", 123_456_780),
        ("1,234.50", "1234.5", 123_450), ("1,234.50", "-$12.00", -1200), ("1,234.50", "USD 12", 1200), ("1,234.50", "HK$1,000", 100_000),
        ("1.234,50", "1.234,50", 123_450), ("1.234,50", "1.234,50 €", 123_450), ("1.234,50", "1234,5", 123_450),
        ("1 234,50", "1 234 567,89", 123_456_789), ("1234,50", "12,5", 1250), ("1,234.50", "1,234元", 123_400),
    ] as [(String, String, Int64)])
    func moneyFormsReadExactly(_ example: String, _ text: String, _ expected: Int64) {
        #expect(units(example, text) == expected)
    }

    @Test(arguments: [("1,234.50", "1,23"), ("1,234.50", "12,34.50"), ("1,234.50", "1,2345"), ("1,234.50", "1.234,50"), ("1,234.50", "1,234.567"),
                      ("1.234,50", "1,234.50"), ("1,234.50", "$"), ("1,234.50", "1,,234"), ("1,234.50", ",123"), ("1,234.50", "€€12")])
    func moneyFormsRefuseWhatIsAmbiguousOrWrong(_ example: String, _ text: String) {
        #expect(units(example, text) == nil, "\(text)")
    }

    @Test func aMoneyExampleMayCarryItsCurrencyMark() {
        #expect(MoneyFormat(example: "¥1,234.50") == MoneyFormat(example: "1,234.50"))
        #expect(MoneyFormat(example: "1.234,50 €") == MoneyFormat(example: "1.234,50"))
        #expect(units("1.234,50", "1.234,50\u{A0}€") == 123_450)
    }

    @Test func anEmptyFileInAnyEncodingIsAnEmptyFileNotATrap() {
        for encoding in TextEncoding.allCases {
            #expect { try TableReader(bytes: [], fileName: "t.csv", encoding: encoding) } throws: { "\($0)".contains("the file is empty") }
        }
    }

    @Test func dayFirstDatesAreNeverReadMonthFirst() {
        let sample = ExportSample(file: "orders.csv", encoding: .utf8, delimiter: UInt8(ascii: ","),
                                  header: ["order_id", "customer_id", "ordered_at", "amount"],
                                  values: [["O1", "O2"], ["C1", "C1"], ["03/04/2026", "25/04/2026"], ["1.00", "2.00"]])
        let proposal = MappingProposal(samples: [sample], zone: Self.utc)
        #expect(proposal.tables.first?.mapping.timestamps.map(\.text) == ["d/M/yyyy"])
    }

    @Test func aMoneyExampleMustShowADecimalMark() {
        #expect(MoneyFormat(example: "1,234") == nil || MoneyFormat(example: "1,234")?.decimal == UInt8(ascii: ","))
        #expect(MoneyFormat(example: "12") == nil)
        #expect(MoneyFormat(example: "1,234,50") == nil)
        #expect(MoneyFormat(example: "1_234.50") == nil)
        #expect(MoneyFormat(example: "1 234,50")?.grouping == [32])
    }

    // MARK: Text

    func rows(_ bytes: [UInt8], encoding: TextEncoding = .utf8, delimiter: UInt8 = UInt8(ascii: ",")) throws -> [[String]] {
        let reader = try TableReader(bytes: bytes, fileName: "t.csv", encoding: encoding, delimiter: delimiter)
        var out = [reader.header]
        try reader.forEachRecord { record in out.append(reader.header.indices.map { record.string($0) }) }
        return out
    }

    @Test func gb18030IsConvertedAndAutoTellsItFromUTF8() throws {
        // 客户,金额 / 张三,12 in GB18030 (GBK): 客 = BF CD, 户 = BB A7, 金 = BD F0, 额 = B6 EE, 张 = D5 C5, 三 = C8 FD.
        let gbk: [UInt8] = [0xBF, 0xCD, 0xBB, 0xA7, 0x2C, 0xBD, 0xF0, 0xB6, 0xEE, 0x0A, 0xD5, 0xC5, 0xC8, 0xFD, 0x2C, 0x31, 0x32, 0x0A]
        #expect(try rows(gbk, encoding: .gb18030) == [["客户", "金额"], ["张三", "12"]])
        #expect(try rows(gbk, encoding: .auto) == [["客户", "金额"], ["张三", "12"]])
        #expect(try rows(Array("客户,金额\n张三,12\n".utf8), encoding: .auto) == [["客户", "金额"], ["张三", "12"]])
        // As UTF-8 it is refused, and the message says what to configure.
        #expect { try rows(gbk) } throws: { "\($0)".contains("encoding: gb18030") }
    }

    @Test func aBadGB18030SequenceNamesItsLine() throws {
        let bytes = Array("a,b\n1,2\n".utf8) + [0x33, 0x2C, 0xFF, 0x0A]
        #expect { try rows(bytes, encoding: .gb18030) } throws: { ($0 as? SnapshotError)?.line == 3 }
    }

    @Test func utf16WithAByteOrderMarkIsReadWhateverTheEncodingSays() throws {
        let text = "客户\t金额\n张三\t12\n"
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for bytes in [le, be] {
            #expect(try rows(bytes, delimiter: 9) == [["客户", "金额"], ["张三", "12"]])
        }
    }

    @Test func semicolonsAndTabsSeparateFieldsAndCommasThenAreText() throws {
        #expect(try rows(Array("a;b\n\"x;y\";1,5\n".utf8), delimiter: UInt8(ascii: ";")) == [["a", "b"], ["x;y", "1,5"]])
        #expect(try rows(Array("a\tb\nlong text, with commas\t2\n".utf8), delimiter: 9) == [["a", "b"], ["long text, with commas", "2"]])
    }

    // MARK: Words and columns

    @Test func valueMapsMatchTrimmedWordsIgnoringASCIICase() {
        let map = ValueMap(["Closed Won": "paid", "已付款": "paid", "Refunded": "refunded"])
        let translate = { (text: String) in Array(text.utf8).withUnsafeBufferPointer { map.translate($0).map { String(decoding: $0, as: UTF8.self) } } }
        #expect(translate("closed won") == "paid")
        #expect(translate("已付款") == "paid")
        #expect(translate("REFUNDED") == "refunded")
        #expect(translate("Closed Lost") == nil)
    }

    @Test func aMappedColumnIsFoundUnderItsOwnNameAndAMissingOneIsGuessed() throws {
        var mapping = TableMapping()
        mapping.columns = ["customer_id": "客户编号"]
        let layout = TableLayout(table: "orders", header: ["订单编号", "客户编号", "下单时间", "Amount"], fileName: "订单.csv", mapping: mapping)
        #expect(try layout.required("customer_id") == 1)
        let missing = layout.missingColumns()
        #expect(missing.map(\.columnName) == ["order_id", "ordered_at"])
        #expect(missing[0].message.contains("did you mean \"订单编号\"?"))
        #expect(missing[1].message.contains("did you mean \"下单时间\"?"))
        #expect(layout.fieldNames == ["订单编号", "customer_id", "下单时间", "amount"])
    }

    @Test func anOptionalColumnMappedToAHeaderThatIsNotThereIsAnError() {
        var mapping = TableMapping()
        mapping.columns = ["region": "所属区域", "owner": "负责人"]
        let layout = TableLayout(table: "leads", header: ["线索编号", "created_at", "负责人", "区域"], fileName: "线索.csv", mapping: mapping)
        let missing = layout.missingColumns()
        // lead_id is required and missing; region's mapping names no header (owner's does).
        #expect(missing.map(\.columnName) == ["lead_id", "region"])
        #expect(missing[1].message.hasPrefix("the header has no column 所属区域 (mapped to region in pack.yaml); did you mean \"区域\"?"))
    }

    @Test func severalFilesWithOneHeaderAreOneTableAndRowsCountOn() throws {
        let folder = NSTemporaryDirectory() + "reviewpack-parts-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "id,x\n1,a\n2,b\n".write(toFile: folder + "/订单_2025.csv", atomically: true, encoding: .utf8)
        try "ID,X\n3,c\n".write(toFile: folder + "/订单_2026.csv", atomically: true, encoding: .utf8)
        try "id,y\n4,d\n".write(toFile: folder + "/other.csv", atomically: true, encoding: .utf8)
        var mapping = TableMapping()
        mapping.file = "订单_*.csv"
        let files = try #require(TableFiles.find("orders", in: folder, mapping: mapping))
        #expect(files.files.map(\.name) == ["订单_2025.csv", "订单_2026.csv"])
        let reader = try TableReader(files: files.files, name: files.displayName)
        var seen: [String] = []
        try reader.forEachRecord { seen.append("\(reader.partNames[$0.part]):\($0.line):\($0.row)") }
        #expect(seen == ["订单_2025.csv:2:1", "订单_2025.csv:3:2", "订单_2026.csv:2:3"])
        mapping.file = "*.csv"
        let all = try #require(TableFiles.find("orders", in: folder, mapping: mapping))
        #expect { try TableReader(files: all.files, name: all.displayName) } throws: { "\($0)".contains("differs from that of") }
    }
}
