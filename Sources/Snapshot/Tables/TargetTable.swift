/// `targets`: what leadership expects, per metric and period, optionally for one slice.
public struct TargetTable: Sendable {
    public enum Period: Hashable, Sendable {
        /// Month index (year × 12 + month − 1).
        case month(Int32)
        case quarter(year: Int, quarter: Int)
        case year(Int)
    }

    public struct Row: Sendable, Equatable {
        public let metric: String
        public let period: Period
        public let target: Double
        /// A slice: (`channel`, `官网`) or (`owner`, `张三`); nil for the whole company.
        public let slice: (dimension: String, value: String)?
        public let line: Int

        public static func == (a: Row, b: Row) -> Bool {
            a.metric == b.metric && a.period == b.period && a.target == b.target && a.line == b.line
                && a.slice?.dimension == b.slice?.dimension && a.slice?.value == b.slice?.value
        }
    }

    public private(set) var rows: [Row] = []

    public init(rows: [Row] = []) { self.rows = rows }

    /// The targets of one slice's own pack: rows set for that slice (`owner`, `张伟`)
    /// become its whole-pack targets; company targets and other slices' do not apply.
    public func scoped(to dimension: String, value: String) -> TargetTable {
        TargetTable(rows: rows.compactMap { row in
            guard let slice = row.slice, slice.dimension == dimension, slice.value == value else { return nil }
            return Row(metric: row.metric, period: row.period, target: row.target, slice: nil, line: row.line)
        })
    }

    static func read(_ reader: TableReader, layout: TableLayout, options: SnapshotOptions) throws -> (TargetTable, QualityLog) {
        let cMetric = try layout.required("metric"), cPeriod = try layout.required("period"), cTarget = try layout.required("target")
        let cDimension = layout.optional("dimension"), cValue = layout.optional("value")
        var table = TargetTable()
        let parser = RowParser(layout: layout, options: options)
        var rows = 0
        try reader.forEachRecord { record in
            rows += 1
            guard let metric = parser.id(record, cMetric), let target = parser.number(record, cTarget) else { return }
            guard let period = Self.parsePeriod(record.bytes(cPeriod)) else {
                parser.rejection(.unreadableValue, record, cPeriod, "expected a period YYYY-MM, YYYY-Qn or YYYY, found \"\(record.string(cPeriod))\"; the row is left out", zh: "期间应为 YYYY-MM、YYYY-Qn 或 YYYY，实为“\(record.string(cPeriod))”，该行未计入")
                return
            }
            let dimension = parser.text(record, cDimension), value = parser.text(record, cValue)
            if dimension.isEmpty != value.isEmpty {
                parser.rejection(.missingRequiredValue, record, cDimension ?? cValue, "a slice target needs both dimension and value; the row is left out", zh: "分组目标需要同时给出维度和维度值，该行未计入")
                return
            }
            table.rows.append(Row(metric: metric, period: period, target: target,
                                  slice: dimension.isEmpty ? nil : (dimension.lowercased(), value), line: record.line))
        }
        parser.noteRows(rows)
        return (table, parser.log)
    }

    static func parsePeriod(_ bytes: UnsafeBufferPointer<UInt8>) -> Period? {
        if let month = SpendTable.parseMonth(bytes) { return .month(month) }
        var p = Cursor(bytes)
        guard let year = p.digits(4) else { return nil }
        if p.atEnd { return .year(year) }
        guard p.take(UInt8(ascii: "-")), p.take(UInt8(ascii: "Q")) || p.take(UInt8(ascii: "q")),
              let q = p.digits(1), p.atEnd, (1...4).contains(q) else { return nil }
        return .quarter(year: year, quarter: q)
    }
}
