import Metrics
/// `orders`: the paid orders of known customers, which are all any metric reads, with their
/// local day. Refunded and cancelled orders, and orders of unknown customers (a finding),
/// are only counted, and their days widen the data's span: at a million customers keeping
/// every order whole would hold 130 MB for what the metrics never see. `product` is not
/// kept: no metric reads it.
public struct OrderTable: Sendable {
    public enum Status: UInt8, Sendable, CaseIterable { case paid, refunded, cancelled }

    /// Customer row of each paid order.
    public internal(set) var customer: [Int32] = []
    /// Local day of each paid order.
    public internal(set) var day: [Int32] = []
    public internal(set) var amount: [Int64] = []
    /// Cost in minor units or ``Missing/money``.
    public internal(set) var cost: [Int64] = []
    /// Orders per entry, or empty while every entry is one order, as a file's rows are; a
    /// database's groups (``addGroup(customer:day:orders:amount:cost:)``) carry theirs.
    public internal(set) var counts: [Int32] = []
    /// Orders read, by status (paid ones of unknown customers included).
    public private(set) var statusCounts: [Status: Int] = [:]
    /// The first and last local day of any order read (whatever its status or customer),
    /// leaving out those after the snapshot's moment; nil when there is none.
    public private(set) var days: ClosedRange<Int32>?

    public var count: Int { customer.count }

    // MARK: What a database reduced itself

    /// Paid orders of one customer, day and kind of cost (all with one, or all without),
    /// grouped and summed by a database: `cost` is ``Missing/money`` for orders without.
    public mutating func addGroup(customer row: Int32, day: Int32, orders: Int32, amount: Int64, cost: Int64) {
        if counts.count < customer.count {
            counts.reserveCapacity(customer.capacity)
            counts += repeatElement(1, count: customer.count - counts.count)
        }
        customer.append(row)
        self.day.append(day)
        self.amount.append(amount)
        self.cost.append(cost)
        counts.append(orders)
    }

    /// Orders a database read and counted itself: `orders` of `status`, all on `day`.
    public mutating func addCounted(_ orders: Int, _ status: Status, day: Int32) {
        guard orders > 0 else { return }
        statusCounts[status, default: 0] += orders
        days = days.map { min($0.lowerBound, day)...max($0.upperBound, day) } ?? day...day
    }

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
        table.day.reserveCapacity(expected)
        table.amount.reserveCapacity(expected)
        table.cost.reserveCapacity(expected)
        let asOf = options.asOf ?? .max
        var counts = [Int](repeating: 0, count: Status.allCases.count)
        var earliest = Int64.max, latest = Int64.min
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
            // The cost is read and checked whatever the status; only paid orders keep it.
            let cost = try parser.optionalAmount(record, cCost)
            counts[Int(status.rawValue)] += 1
            if at <= asOf { (earliest, latest) = (min(earliest, at), max(latest, at)) }
            guard status == .paid, row != Missing.row else { return }
            table.customer.append(row)
            table.day.append(options.zone.day(of: at))
            table.amount.append(amount)
            table.cost.append(cost)
        }
        parser.noteRows(rows)
        table.statusCounts = Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0, counts[Int($0.rawValue)]) })
        table.days = earliest <= latest ? options.zone.day(of: earliest)...options.zone.day(of: latest) : nil
        return (table, parser.log)
    }
}
