import Metrics
import Snapshot

/// Orders reduced inside the database: the clean rows travel grouped by customer, local day,
/// status and whether a cost is given, summed; the paid groups are ``CustomerFacts``' order
/// groups, the others are only counted. A row is clean when its order id is readable and appears
/// once, its customer is known, its time settled, its amount and cost plain money and its
/// status a word the reader knows (the mapping's words included).
///
/// Possible when the database reads the order time, as for activities.
struct OrderReduction: TableReduction {
    let connection: PostgresConnection
    let terms: ReductionTerms
    let orders: (relation: String, name: String, id: String, customer: String, at: String, atType: String,
                 amount: (name: String, type: String), status: String?, cost: (name: String, type: String)?)
    /// The mapping's status words (`values.status`), export word → contract word.
    let statusWords: [String: String]
    let digits: Int

    private static func column(_ name: String) -> String { "t." + PostgresConnection.quote(name) }
    private var at: TimeColumn { terms.time(Self.column(orders.at), orders.atType, offsets: true, as: "reviewpack_at") }

    var relation: String { orders.relation }
    var tableName: String { orders.name }
    /// Worked out once per row: the customer and order ids as the reader compares them, the status and the time.
    var keys: [String] {
        ["\(ReductionTerms.id(Self.column(orders.customer))) AS reviewpack_customer", "\(ReductionTerms.id(Self.column(orders.id))) AS reviewpack_order",
         "\(status) AS reviewpack_status"] + [at.key].compactMap { $0 }
    }

    /// The known customers, and the order ids that appear more than once (all their rows
    /// come whole, so the reader sees which is first).
    var join: String { terms.known + " " + ReductionTerms.repeated(orders.id, of: orders.relation, key: "reviewpack_order") }

    /// The status as the reader tells it: 0 paid, 1 refunded, 2 cancelled, NULL for a word it refuses.
    private var status: String {
        guard let column = orders.status else { return "0" }
        return ReductionTerms.keyword(Self.column(column), [("", 0), ("paid", 0), ("refunded", 1), ("cancelled", 2), ("canceled", 2)], mapping: statusWords)
    }

    /// The cost in minor units, NULL when the order has none.
    private var cost: String {
        guard let column = orders.cost else { return "CAST(NULL AS numeric)" }
        let cost = Self.column(column.name)
        return "CASE WHEN \(ReductionTerms.plainMoney(cost, column.type, digits: digits)) THEN \(ReductionTerms.minorUnits(cost, column.type, digits: digits)) END"
    }

    var clean: String {
        var parts = ["k.reviewpack_id IS NOT NULL", "octet_length(t.reviewpack_order) BETWEEN 1 AND 256", "d.reviewpack_repeated IS NULL",
                     "t.reviewpack_status IS NOT NULL", terms.settled(at),
                     ReductionTerms.plainMoney(Self.column(orders.amount.name), orders.amount.type, digits: digits)]
        if let column = orders.cost {
            let cost = Self.column(column.name)
            parts.append("(\(cost) IS NULL OR CAST(\(cost) AS text) = '' OR \(ReductionTerms.plainMoney(cost, column.type, digits: digits)))")
        }
        return parts.joined(separator: " AND ")
    }


    /// Adds the clean rows to `table`: their paid orders as groups, the others counted by
    /// status. One statement groups them all by customer, day, status and kind of cost, so
    /// the table is scanned once; in no order, which the facts put them in.
    /// Returns how many rows were reduced and into how many groups of paid orders.
    func add(to table: inout OrderTable, customers: CustomerTable) throws -> (rows: Int, groups: Int) {
        let place = "\(connection.name), table \(orders.name)"
        let amount = ReductionTerms.minorUnits(Self.column(orders.amount.name), orders.amount.type, digits: digits)
        let sql = "COPY (SELECT t.reviewpack_customer, \(terms.dayNumber(at)), t.reviewpack_status, count(*), "
            + "CAST(sum(\(amount)) AS bigint), CAST(sum(\(cost)) AS bigint) "
            + "FROM \(keyed) \(join) WHERE \(clean) "
            + "GROUP BY 1, 2, 3, \(cost) IS NULL) TO STDOUT"
        var rows = 0, groups = 0
        var totals: (amount: Int64, cost: Int64) = (0, 0)
        var field: [UInt8] = []
        var customer: Int32 = 0, day: Int32 = 0, status = OrderTable.Status.paid, count = 0, sum: Int64 = 0
        try connection.copyOut(sql, table: orders.name) { line in
            try CopyText.forEachField(line, &field) { index, field in
                switch index {
                case 0: customer = try PostgresSource.customerRow(field, in: customers, place: place)
                case 1: day = Int32(truncatingIfNeeded: try ReductionTerms.integer(field, "day", in: place))
                case 2:
                    guard let known = OrderTable.Status(rawValue: UInt8(truncatingIfNeeded: try ReductionTerms.integer(field, "status", in: place))) else {
                        throw DatabaseError(.query, "\(place): the database gave the status \(String(decoding: field, as: UTF8.self))")
                    }
                    status = known
                case 3: count = Int(try ReductionTerms.integer(field, "count", in: place))
                case 4: sum = try ReductionTerms.integer(field, "amount", in: place)
                default:
                    let cost = field.isEmpty ? Missing.money : try ReductionTerms.integer(field, "cost", in: place)
                    // The sums the reader would have checked, row by row, against the limit.
                    totals.amount += sum
                    totals.cost += cost == Missing.money ? 0 : cost
                    for (column, total) in [(orders.amount.name, totals.amount), (orders.cost?.name ?? "", totals.cost)] where total > Snapshot.columnTotalLimit {
                        throw DatabaseError(.query, "\(place): the column \(column) adds up past \(Snapshot.columnTotalLimit) minor units; money is summed exactly as 64-bit integers, which cannot hold that")
                    }
                    table.addCounted(count, status, day: day)
                    rows += count
                    guard status == .paid else { return }
                    table.addGroup(customer: customer, day: day, orders: Int32(count), amount: sum, cost: cost)
                    groups += 1
                }
            }
        }
        return (rows, groups)
    }
}
