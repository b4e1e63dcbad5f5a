import Metrics

extension TargetTable {
    /// Reads `targets` rows; a row whose period or slice cannot be read is a finding and left out.
    static func read(_ reader: TableReader, layout: TableLayout, options: SnapshotOptions) throws -> (TargetTable, QualityLog) {
        let cMetric = try layout.required("metric"), cPeriod = try layout.required("period"), cTarget = try layout.required("target")
        let cDimension = layout.optional("dimension"), cValue = layout.optional("value")
        var rows: [TargetTable.Row] = []
        let parser = RowParser(layout: layout, options: options)
        var count = 0
        try reader.forEachRecord { record in
            count += 1
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
            rows.append(TargetTable.Row(metric: metric, period: period, target: target,
                                  slice: dimension.isEmpty ? nil : (dimension.lowercased(), value), line: record.line))
        }
        parser.noteRows(count)
        return (TargetTable(rows: rows), parser.log)
    }

    static func parsePeriod(_ bytes: UnsafeBufferPointer<UInt8>) -> TargetTable.Period? {
        if let month = SpendTable.parseMonth(bytes) { return .month(month) }
        var p = Cursor(bytes)
        guard let year = p.digits(4) else { return nil }
        if p.atEnd { return .year(year) }
        guard p.take(UInt8(ascii: "-")), p.take(UInt8(ascii: "Q")) || p.take(UInt8(ascii: "q")),
              let q = p.digits(1), p.atEnd, (1...4).contains(q) else { return nil }
        return .quarter(year: year, quarter: q)
    }
}
