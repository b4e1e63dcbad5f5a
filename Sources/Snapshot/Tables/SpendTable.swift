import Metrics
/// `spend`: marketing spend per month (or day) and channel.
public struct SpendTable: Sendable {
    /// Month index (year × 12 + month − 1) the spend belongs to.
    public private(set) var month: [Int32] = []
    public private(set) var channel = DimensionColumn(name: "channel")
    public private(set) var amount: [Int64] = []

    public var count: Int { month.count }

    /// Spend of a month and channel (the contract's word) that a database summed itself.
    public mutating func add(month: Int32, channel word: String, amount: Int64) {
        self.month.append(month)
        var word = word
        word.withUTF8 { channel.append(bytes: $0) }
        self.amount.append(amount)
    }

    static func read(_ reader: TableReader, layout: TableLayout, options: SnapshotOptions) throws -> (SpendTable, QualityLog) {
        let cMonth = layout.optional("month"), cDate = layout.optional("date")
        guard cMonth != nil || cDate != nil else { throw layout.periodMissing }
        let cChannel = try layout.required("channel"), cAmount = try layout.required("amount")
        var table = SpendTable()
        let parser = RowParser(layout: layout, options: options)
        var rows = 0
        try reader.forEachRecord { record in
            rows += 1
            var monthIndex: Int32?
            if let cMonth, !record.bytes(cMonth).isEmpty {
                monthIndex = Self.parseMonth(record.bytes(cMonth))
                if monthIndex == nil {
                    parser.rejection(.unreadableValue, record, cMonth, "expected a month YYYY-MM, found \"\(record.string(cMonth))\"; the row is left out", zh: "月份应为 YYYY-MM，实为“\(record.string(cMonth))”，该行未计入")
                    return
                }
            } else if let cDate {
                guard let at = parser.instant(record, cDate) else { return }
                let date = CivilDate(dayNumber: Int(options.zone.day(of: at)))
                monthIndex = Int32(date.year * 12 + date.month - 1)
            } else {
                parser.rejection(.missingRequiredValue, record, cMonth, "neither month nor date is given; the row is left out", zh: "月份和日期都为空，该行未计入")
                return
            }
            guard let monthIndex, let amount = try parser.amount(record, cAmount, nonNegative: true) else { return }
            table.month.append(monthIndex)
            table.channel.append(bytes: parser.field(record, cChannel))
            table.amount.append(amount)
        }
        parser.noteRows(rows)
        return (table, parser.log)
    }

    /// `YYYY-MM` as a month index.
    static func parseMonth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        var p = Cursor(bytes)
        guard let year = p.digits(4), p.take(UInt8(ascii: "-")), let month = p.digits(2), p.atEnd, (1...12).contains(month) else { return nil }
        return Int32(year * 12 + month - 1)
    }
}
