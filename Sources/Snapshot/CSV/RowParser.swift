/// Typed reading of one table's fields, turning bad values into findings rather than crashes.
///
/// A required value that is empty or unreadable rejects the row (counted); an optional
/// one that is unreadable becomes "not known" (counted). Messages name file, line,
/// column number and column name.
struct RowParser {
    let layout: TableLayout
    let timestamps: TimestampParser
    let money: MoneyParser
    /// Instants after this one are findings (timestamps in the future of the snapshot).
    let asOf: Int64?
    var log = QualityLog()

    init(layout: TableLayout, options: SnapshotOptions) {
        self.layout = layout
        self.timestamps = TimestampParser(zone: options.zone)
        self.money = MoneyParser(fractionDigits: options.currencyDigits)
        self.asOf = options.asOf
    }

    mutating func finding(_ kind: FindingKind, _ record: CSVRecord, _ column: Int?, _ message: String) {
        log.add(Finding(kind: kind, file: layout.fileName, line: record.line, column: column.map { $0 + 1 },
                        columnName: column.map { layout.header[$0] }, message: message))
    }

    private mutating func unreadable(_ record: CSVRecord, _ column: Int, expected: String) {
        let text = record.string(column)
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        finding(.unreadableValue, record, column, "expected \(expected), found \"\(shown)\"")
    }

    private mutating func missing(_ record: CSVRecord, _ column: Int) {
        finding(.missingRequiredValue, record, column, "a required value is empty; the row is left out")
    }

    // MARK: Required values: nil rejects the row.

    mutating func id(_ record: CSVRecord, _ column: Int) -> String? {
        let bytes = record.bytes(column)
        guard !bytes.isEmpty else { missing(record, column); return nil }
        guard bytes.count <= 256 else { unreadable(record, column, expected: "an id of at most 256 bytes"); return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A required id as the field's bytes, valid inside the record callback.
    mutating func idBytes(_ record: CSVRecord, _ column: Int) -> UnsafeBufferPointer<UInt8>? {
        let bytes = record.bytes(column)
        guard !bytes.isEmpty else { missing(record, column); return nil }
        guard bytes.count <= 256 else { unreadable(record, column, expected: "an id of at most 256 bytes"); return nil }
        return bytes
    }

    mutating func instant(_ record: CSVRecord, _ column: Int) -> Int64? {
        let bytes = record.bytes(column)
        guard !bytes.isEmpty else { missing(record, column); return nil }
        guard let value = timestamps.parse(bytes) else {
            unreadable(record, column, expected: TimestampParser.expected)
            return nil
        }
        checkFuture(value, record, column)
        return value
    }

    mutating func amount(_ record: CSVRecord, _ column: Int, nonNegative: Bool) -> Int64? {
        let bytes = record.bytes(column)
        guard !bytes.isEmpty else { missing(record, column); return nil }
        guard let value = money.parse(bytes) else { unreadable(record, column, expected: money.expected); return nil }
        if nonNegative, value < 0 {
            finding(.negativeAmount, record, column, "a negative amount; expected money ≥ 0; the row is left out")
            return nil
        }
        return value
    }

    mutating func number(_ record: CSVRecord, _ column: Int) -> Double? {
        let bytes = record.bytes(column)
        guard !bytes.isEmpty else { missing(record, column); return nil }
        guard let value = NumberParser.parse(bytes) else { unreadable(record, column, expected: NumberParser.expected); return nil }
        return value
    }

    // MARK: Optional values: a sentinel when empty or unreadable.

    mutating func optionalInstant(_ record: CSVRecord, _ column: Int?) -> Int64 {
        guard let column else { return Missing.instant }
        let bytes = record.bytes(column)
        guard !bytes.isEmpty else { return Missing.instant }
        guard let value = timestamps.parse(bytes) else {
            unreadable(record, column, expected: TimestampParser.expected)
            return Missing.instant
        }
        checkFuture(value, record, column)
        return value
    }

    mutating func optionalAmount(_ record: CSVRecord, _ column: Int?) -> Int64 {
        guard let column else { return Missing.money }
        let bytes = record.bytes(column)
        guard !bytes.isEmpty else { return Missing.money }
        guard let value = money.parse(bytes) else { unreadable(record, column, expected: money.expected); return Missing.money }
        guard value >= 0 else {
            finding(.negativeAmount, record, column, "a negative amount; expected money ≥ 0; treated as not known")
            return Missing.money
        }
        return value
    }

    /// An optional text field's bytes (empty when the column is absent), for dimension columns.
    func field(_ record: CSVRecord, _ column: Int?, trimmed: Bool = true) -> UnsafeBufferPointer<UInt8> {
        guard let column else { return UnsafeBufferPointer(start: nil, count: 0) }
        return record.bytes(column, trimmed: trimmed)
    }

    func text(_ record: CSVRecord, _ column: Int?, trimmed: Bool = true) -> String {
        guard let column else { return "" }
        return record.string(column, trimmed: trimmed)
    }

    private mutating func checkFuture(_ value: Int64, _ record: CSVRecord, _ column: Int) {
        if let asOf, value > asOf {
            finding(.futureTimestamp, record, column, "a timestamp after the snapshot was taken; kept as written")
        }
    }
}
