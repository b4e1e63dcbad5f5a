import Metrics
/// `activities`: interactions and product-usage events; each makes its day an event day.
/// Only the customer and the time are kept: no metric reads an activity's type or owner,
/// and at millions of rows two unused columns would cost hundreds of megabytes.
public struct ActivityTable: Sendable {
    public private(set) var customer: [Int32] = []
    public private(set) var at: [Int64] = []

    public var count: Int { customer.count }

    static func read(_ reader: TableReader, layout: TableLayout, options: SnapshotOptions, customers: CustomerTable) throws -> (ActivityTable, QualityLog) {
        let cCustomer = try layout.required("customer_id"), cAt = try layout.required("at")
        var table = ActivityTable()
        let parser = RowParser(layout: layout, options: options)
        var rows = 0
        try reader.forEachRecord { record in
            rows += 1
            guard let customerId = parser.idBytes(record, cCustomer), let at = parser.instant(record, cAt) else { return }
            let row = customers.row(ofBytes: customerId) ?? Missing.row
            if row == Missing.row {
                parser.finding(.unknownCustomer, record, cCustomer, "customer_id \(String(decoding: customerId, as: UTF8.self)) is not in customers; left out of metrics", zh: "客户编号 \(String(decoding: customerId, as: UTF8.self)) 不在客户表中，未计入指标")
            }
            table.customer.append(row)
            table.at.append(at)
        }
        parser.noteRows(rows)
        return (table, parser.log)
    }
}
