import Metrics
/// `activities`: interactions and product-usage events; each makes its day an event day.
/// Only the customer and the local day are kept: no metric reads an activity's type,
/// owner or time of day, and at millions of rows each unused column costs a hundred
/// megabytes or more.
public struct ActivityTable: Sendable {
    public private(set) var customer: [Int32] = []
    /// The day in the snapshot's zone, as ``Zone/day(of:)`` gives it.
    public private(set) var day: [Int32] = []
    /// The first and last of those days, among activities not after the snapshot's moment
    /// (later ones are findings): the activities' share of ``Snapshot/dataDays``.
    public private(set) var span: ClosedRange<Int32>?

    public var count: Int { customer.count }

    static func read(_ reader: TableReader, layout: TableLayout, options: SnapshotOptions, customers: CustomerTable) throws -> (ActivityTable, QualityLog) {
        let cCustomer = try layout.required("customer_id"), cAt = try layout.required("at")
        var table = ActivityTable()
        // Reserved once from the estimate: growing by doubling would hold up to twice the rows, and both copies while it moves.
        let expected = reader.estimatedRecords
        table.customer.reserveCapacity(expected)
        table.day.reserveCapacity(expected)
        let parser = RowParser(layout: layout, options: options)
        var rows = 0
        var first = Int32.max, last = Int32.min
        try reader.forEachRecord(lookingAhead: { customers.ahead(ofBytes: $0.bytes(cCustomer)) }) { record, hash in
            rows += 1
            guard let customerId = parser.idBytes(record, cCustomer), let at = parser.instant(record, cAt) else { return }
            let row = customers.row(ofBytes: customerId, hash) ?? Missing.row
            if row == Missing.row {
                parser.finding(.unknownCustomer, record, cCustomer, "customer_id \(String(decoding: customerId, as: UTF8.self)) is not in customers; left out of metrics", zh: "客户编号 \(String(decoding: customerId, as: UTF8.self)) 不在客户表中，未计入指标")
            }
            table.customer.append(row)
            let day = options.zone.day(of: at)
            table.day.append(day)
            if at <= options.asOf ?? .max { (first, last) = (min(first, day), max(last, day)) }
        }
        table.span = first <= last ? first...last : nil
        parser.noteRows(rows)
        return (table, parser.log)
    }
}
