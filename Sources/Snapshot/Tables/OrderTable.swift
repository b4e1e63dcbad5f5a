import Metrics
/// `orders`: one row per order. Only paid orders count in metrics; the others are kept
/// so that the data-quality section can show them. `product` is not kept: no metric reads it.
public struct OrderTable: Sendable {
    public enum Status: UInt8, Sendable { case paid, refunded, cancelled }

    /// Customer row, or ``Missing/row`` when the customer id is unknown (a finding).
    public private(set) var customer: [Int32] = []
    public private(set) var orderedAt: [Int64] = []
    public private(set) var amount: [Int64] = []
    public private(set) var status: [Status] = []
    /// Cost in minor units or ``Missing/money``.
    public private(set) var cost: [Int64] = []

    public var count: Int { customer.count }

    /// The status column's words: empty and "paid" are paid.
    static let statusWords = ["", "paid", "refunded", "cancelled", "canceled"].map { Array($0.utf8) }

    static func read(_ reader: TableReader, layout: TableLayout, options: SnapshotOptions, customers: CustomerTable) throws -> (OrderTable, QualityLog) {
        let cId = try layout.required("order_id"), cCustomer = try layout.required("customer_id")
        let cAt = try layout.required("ordered_at"), cAmount = try layout.required("amount")
        let cStatus = layout.optional("status"), cCost = layout.optional("cost")
        var table = OrderTable()
        let parser = RowParser(layout: layout, options: options)
        let expected = reader.estimatedRecords
        var seen = SeenKeys(capacity: expected)
        // Reserved once: growing by doubling would hold up to twice the rows, and both copies while it moves.
        table.customer.reserveCapacity(expected)
        table.orderedAt.reserveCapacity(expected)
        table.amount.reserveCapacity(expected)
        table.status.reserveCapacity(expected)
        table.cost.reserveCapacity(expected)
        var rows = 0
        try reader.forEachRecord(lookingAhead: { (seen.ahead($0.bytes(cId)), customers.ahead(ofBytes: $0.bytes(cCustomer))) }) { record, hashes in
            rows += 1
            guard let id = parser.idBytes(record, cId), let customerId = parser.idBytes(record, cCustomer),
                  let at = parser.instant(record, cAt), let amount = try parser.amount(record, cAmount, nonNegative: true) else { return }
            var status = Status.paid
            if let cStatus {
                switch parser.keyword(record, cStatus, among: Self.statusWords) {
                case 0, 1: status = .paid
                case 2: status = .refunded
                case 3, 4: status = .cancelled
                default:
                    parser.rejection(.unreadableValue, record, cStatus, "expected paid, refunded or cancelled, found \"\(record.string(cStatus))\"; the row is left out (an export's own words are mapped under tables.orders.values.status in pack.yaml)", zh: "状态应为 paid、refunded 或 cancelled，实为“\(record.string(cStatus))”，该行未计入（导出文件自己的用词可在 pack.yaml 的 tables.orders.values.status 下映射）")
                    return
                }
            }
            guard seen.add(id, hashes.0) else {
                parser.finding(.duplicateKey, record, cId, "order_id \(String(decoding: id, as: UTF8.self)) appears again; the first row is kept", zh: "订单编号 \(String(decoding: id, as: UTF8.self)) 重复出现，保留第一行")
                return
            }
            let row = customers.row(ofBytes: customerId, hashes.1) ?? Missing.row
            if row == Missing.row {
                parser.finding(.unknownCustomer, record, cCustomer, "customer_id \(String(decoding: customerId, as: UTF8.self)) is not in customers; the order is left out of metrics", zh: "客户编号 \(String(decoding: customerId, as: UTF8.self)) 不在客户表中，该订单未计入指标")
            }
            table.customer.append(row)
            table.orderedAt.append(at)
            table.amount.append(amount)
            table.status.append(status)
            table.cost.append(try parser.optionalAmount(record, cCost))
        }
        parser.noteRows(rows)
        return (table, parser.log)
    }
}
