import Metrics
/// Typed reading of one table's fields, turning bad values into findings rather than crashes.
/// A class, so that the record callbacks that use it never copy its state.
///
/// A required value that is empty or unreadable rejects the row (counted); an optional
/// one that is unreadable becomes "not known" (counted). Messages name file, line,
/// column number and column name.
final class RowParser {
    let layout: TableLayout
    let timestamps: TimestampParser
    let money: MoneyParser
    /// Instants after this one are findings (timestamps in the future of the snapshot).
    let asOf: Int64?
    var log: QualityLog
    /// Where a row says whose it is, when every finding must say it.
    private let subjects: SubjectColumns?
    /// Running total of each money or count column, checked against ``columnTotalLimit``:
    /// outside Swift's array, as `dateMemos` (a class's array mutated per row was an access check
    /// each time, a sixtieth of the read's CPU at a million customers). Their indices are still
    /// checked where they are used.
    private let totals: UnsafeMutablePointer<Int64>

    static let columnTotalLimit = Snapshot.columnTotalLimit

    /// Per field, the words `values:` translates, nil where nothing is mapped.
    private let valueMaps: [ValueMap?]
    /// Per field, the last date its timestamps had (``TimestampParser/DateMemo``): kept
    /// outside Swift's array so that a row's read is not also a uniqueness and access check.
    private let dateMemos: UnsafeMutablePointer<TimestampParser.DateMemo>

    init(layout: TableLayout, options: SnapshotOptions) {
        totals = .allocate(capacity: layout.header.count)
        totals.initialize(repeating: 0, count: layout.header.count)
        self.layout = layout
        self.timestamps = TimestampParser(zone: options.zone, patterns: layout.mapping.timestamps)
        self.money = MoneyParser(fractionDigits: options.currencyDigits, format: layout.mapping.money)
        self.asOf = options.asOf
        self.log = QualityLog(keepsEveryFinding: options.keepsEveryFinding)
        self.subjects = options.keepsEveryFinding ? SubjectColumns(layout: layout, options: options) : nil
        var maps = [ValueMap?](repeating: nil, count: layout.header.count)
        for (column, words) in layout.mapping.values {
            if let i = layout.optional(column) { maps[i] = ValueMap(words) }
        }
        self.valueMaps = maps
        dateMemos = .allocate(capacity: layout.header.count)
        dateMemos.initialize(repeating: TimestampParser.DateMemo(), count: layout.header.count)
    }

    deinit {
        dateMemos.deallocate()
        totals.deallocate()
    }

    /// Counts a finding, said in English (the command line, metrics.json) and in Chinese (a Chinese pack and setup).
    func finding(_ kind: FindingKind, _ record: TableRecord, _ column: Int?, _ message: String, zh: String) {
        add(kind, record, column, message, zh: zh, leavesRowOut: false)
    }

    /// A finding that leaves its row out of every metric (counted per table for the unusable-data check).
    func rejection(_ kind: FindingKind, _ record: TableRecord, _ column: Int?, _ message: String, zh: String) {
        add(kind, record, column, message, zh: zh, leavesRowOut: true)
    }

    private func add(_ kind: FindingKind, _ record: TableRecord, _ column: Int?, _ message: String, zh: String, leavesRowOut: Bool) {
        let subject = subjects?.subject(of: record) { self.text(record, $0) }
        log.add(Finding(kind: kind, table: layout.table, row: record.row, field: column.map { layout.fieldNames[$0] },
                        file: layout.partNames[record.part], line: record.line, column: column.map { $0 + 1 },
                        columnName: column.map { layout.header[$0] }, message: message, chinese: zh, place: record.place, subject: subject),
                source: layout.fileName, leavesRowOut: leavesRowOut)
    }

    /// Notes how many records the table had once they are all read.
    func noteRows(_ rows: Int) { log.noteRows(rows, of: layout.table, from: layout.fileName) }

    /// Which of `words` (lowercase ASCII) the field is, after `values:` translated it,
    /// ignoring ASCII case: a status or kind recognised without a `String` per row.
    func keyword(_ record: TableRecord, _ column: Int, among words: [[UInt8]]) -> Int? {
        let field = self.field(record, column)
        return words.firstIndex { word in
            word.count == field.count && zip(word, field).allSatisfy { w, f in w == ValueMap.fold(f) }
        }
    }

    private func unreadable(_ record: TableRecord, _ column: Int, expected: String, expectedChinese: String, required: Bool = true) {
        let text = record.string(column)
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        if required {
            rejection(.unreadableValue, record, column, "expected \(expected), found \"\(shown)\"; the row is left out",
                      zh: "无法读取“\(shown)”（应为\(expectedChinese)），该行未计入")
        } else {
            finding(.unreadableValue, record, column, "expected \(expected), found \"\(shown)\"; treated as not known",
                    zh: "无法读取“\(shown)”（应为\(expectedChinese)），按未知处理")
        }
    }

    private func missing(_ record: TableRecord, _ column: Int) {
        rejection(.missingRequiredValue, record, column, "a required value is empty; the row is left out", zh: "必填值为空，该行未计入")
    }

    // MARK: Required values: nil rejects the row.

    func id(_ record: TableRecord, _ column: Int) -> String? {
        let bytes = record.bytes(column)
        guard !bytes.isEmpty else { missing(record, column); return nil }
        guard bytes.count <= 256 else { unreadable(record, column, expected: "an id of at most 256 bytes", expectedChinese: "不超过 256 字节的编号"); return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A required id as the field's bytes, valid inside the record callback.
    func idBytes(_ record: TableRecord, _ column: Int) -> UnsafeBufferPointer<UInt8>? {
        let bytes = record.bytes(column)
        guard !bytes.isEmpty else { missing(record, column); return nil }
        guard bytes.count <= 256 else { unreadable(record, column, expected: "an id of at most 256 bytes", expectedChinese: "不超过 256 字节的编号"); return nil }
        return bytes
    }

    func instant(_ record: TableRecord, _ column: Int) -> Int64? {
        precondition(column >= 0 && column < layout.header.count, "column \(column) is not one of the table's")
        let bytes = record.bytes(column)
        guard !bytes.isEmpty else { missing(record, column); return nil }
        guard let value = timestamps.parse(bytes, memo: &dateMemos[column]) else {
            unreadable(record, column, expected: timestamps.expected, expectedChinese: timestamps.expectedChinese)
            return nil
        }
        checkFuture(value, record, column)
        return value
    }

    /// Adds a value to its column's total; past the limit the read fails at this field.
    func addToTotal(_ value: Int64, _ record: TableRecord, _ column: Int) throws {
        precondition(column >= 0 && column < layout.header.count, "column \(column) is not one of the table's")
        let (sum, overflow) = totals[column].addingReportingOverflow(value)
        guard !overflow, sum <= Self.columnTotalLimit else {
            throw SnapshotError(.structural, file: layout.partNames[record.part], line: record.line, column: column + 1, columnName: layout.header[column],
                                message: "the column adds up past \(Self.columnTotalLimit) minor units at this row; money and counts are summed exactly as 64-bit integers, which cannot hold that",
                                chinese: "此列到本行的累计超过 \(Self.columnTotalLimit) 个最小货币单位；金额和计数按 64 位整数精确求和，无法容纳")
        }
        totals[column] = sum
    }

    func amount(_ record: TableRecord, _ column: Int, nonNegative: Bool) throws -> Int64? {
        let bytes = record.bytes(column)
        guard !bytes.isEmpty else { missing(record, column); return nil }
        guard let value = money.parse(bytes) else { unreadable(record, column, expected: money.expected, expectedChinese: money.expectedChinese); return nil }
        if nonNegative, value < 0 {
            rejection(.negativeAmount, record, column, "a negative amount; expected money ≥ 0; the row is left out", zh: "金额为负（应不小于 0），该行未计入")
            return nil
        }
        try addToTotal(value, record, column)
        return value
    }

    func number(_ record: TableRecord, _ column: Int) -> Double? {
        let bytes = record.bytes(column)
        guard !bytes.isEmpty else { missing(record, column); return nil }
        guard let value = NumberParser.parse(bytes) else { unreadable(record, column, expected: NumberParser.expected, expectedChinese: "数字"); return nil }
        return value
    }

    // MARK: Optional values: a sentinel when empty or unreadable.

    func optionalInstant(_ record: TableRecord, _ column: Int?) -> Int64 {
        guard let column else { return Missing.instant }
        precondition(column >= 0 && column < layout.header.count, "column \(column) is not one of the table's")
        let bytes = record.bytes(column)
        guard !bytes.isEmpty else { return Missing.instant }
        guard let value = timestamps.parse(bytes, memo: &dateMemos[column]) else {
            unreadable(record, column, expected: timestamps.expected, expectedChinese: timestamps.expectedChinese, required: false)
            return Missing.instant
        }
        checkFuture(value, record, column)
        return value
    }

    func optionalAmount(_ record: TableRecord, _ column: Int?) throws -> Int64 {
        guard let column else { return Missing.money }
        let bytes = record.bytes(column)
        guard !bytes.isEmpty else { return Missing.money }
        guard let value = money.parse(bytes) else { unreadable(record, column, expected: money.expected, expectedChinese: money.expectedChinese, required: false); return Missing.money }
        guard value >= 0 else {
            finding(.negativeAmount, record, column, "a negative amount; expected money ≥ 0; treated as not known", zh: "金额为负（应不小于 0），按未知处理")
            return Missing.money
        }
        try addToTotal(value, record, column)
        return value
    }

    /// An optional text field's bytes (empty when the column is absent), translated when
    /// `values:` maps its word, for dimension and enumerated columns.
    func field(_ record: TableRecord, _ column: Int?, trimmed: Bool = true) -> UnsafeBufferPointer<UInt8> {
        guard let column else { return UnsafeBufferPointer(start: nil, count: 0) }
        if let map = valueMaps[column], let word = map.translate(record.bytes(column)) { return word }
        return record.bytes(column, trimmed: trimmed)
    }

    /// An optional text field (empty when the column is absent), translated when `values:` maps its word.
    func text(_ record: TableRecord, _ column: Int?, trimmed: Bool = true) -> String {
        String(decoding: field(record, column, trimmed: trimmed), as: UTF8.self)
    }

    private func checkFuture(_ value: Int64, _ record: TableRecord, _ column: Int) {
        if let asOf, value > asOf {
            finding(.futureTimestamp, record, column, "a timestamp after the snapshot was taken; kept as written", zh: "时间晚于快照时间，按原值保留")
        }
    }
}
