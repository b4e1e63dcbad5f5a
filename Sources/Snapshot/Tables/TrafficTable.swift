import Metrics
/// `traffic`: visits per local day and channel, the stage before the funnel's first.
public struct TrafficTable: Sendable {
    public private(set) var day: [Int32] = []
    public private(set) var channel = DimensionColumn(name: "channel")
    public private(set) var visits: [Int64] = []

    public var count: Int { day.count }

    /// Visits of a day and channel (the contract's word) that a database summed itself.
    public mutating func add(day: Int32, channel word: String, visits: Int64) {
        self.day.append(day)
        var word = word
        word.withUTF8 { channel.append(bytes: $0) }
        self.visits.append(visits)
    }

    static func read(_ reader: TableReader, layout: TableLayout, options: SnapshotOptions) throws -> (TrafficTable, QualityLog) {
        let cDate = try layout.required("date"), cChannel = try layout.required("channel"), cVisits = try layout.required("visits")
        var table = TrafficTable()
        let parser = RowParser(layout: layout, options: options)
        var rows = 0
        try reader.forEachRecord { record in
            rows += 1
            guard let at = parser.instant(record, cDate) else { return }
            guard let visits = NumberParser.parseCount(record.bytes(cVisits)) else {
                parser.rejection(.unreadableValue, record, cVisits, "expected a whole number of visits ≥ 0, found \"\(record.string(cVisits))\"; the row is left out", zh: "访问量应为不小于 0 的整数，实为“\(record.string(cVisits))”，该行未计入")
                return
            }
            try parser.addToTotal(visits, record, cVisits)
            table.day.append(options.zone.day(of: at))
            table.channel.append(bytes: parser.field(record, cChannel))
            table.visits.append(visits)
        }
        parser.noteRows(rows)
        return (table, parser.log)
    }
}
