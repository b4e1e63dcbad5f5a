import Metrics
import Snapshot

/// Activities reduced inside the database, the largest table of a snapshot: a clean row (a
/// known customer, a time not near the snapshot's moment) needs only its customer and
/// local day, so the database groups those into distinct pairs and only the pairs travel.
///
/// Possible when the database reads the times of both activities and customers
/// (``ReductionTerms/reads(_:)``): then it can tell a readable time from another.
struct ActivityReduction: TableReduction {
    let connection: PostgresConnection
    let terms: ReductionTerms
    let activities: (relation: String, name: String, customer: String, at: String, atType: String)

    /// The activity's customer id as the reader compares it, worked out once per row.
    var relation: String { activities.relation }
    var tableName: String { activities.name }
    var join: String { terms.known }
    var keys: [String] { ["\(ReductionTerms.id("t." + PostgresConnection.quote(activities.customer))) AS reviewpack_customer"] + [at.key].compactMap { $0 } }

    /// Whether a row (`t` with ``keys``, joined to the known customers) has nothing to report.
    var clean: String { "k.reviewpack_id IS NOT NULL AND " + terms.settled(at) }

    private var at: TimeColumn { terms.time("t." + PostgresConnection.quote(activities.at), activities.atType, offsets: true, as: "reviewpack_at") }

    /// The clean rows' distinct (customer, day) pairs, customers as the read customers table
    /// numbers them, and how many rows they came from. They come ordered, so that each
    /// customer's pairs arrive together and its row is kept once; in the customers table's
    /// order, so that the days are already grouped as the facts hold them (when the database
    /// scans a table in the same order twice). `room`: days to reserve, at least the pairs.
    func days(customers table: CustomerTable, room: Int) throws -> (ActivityDays, rows: Int) {
        var days = ActivityDays()
        days.reserveCapacity(days: room, customers: table.count)
        var rows = 0
        let day = terms.dayNumber(at)
        let sql = "COPY (SELECT t.reviewpack_customer, \(day), count(*) "
            + "FROM \(keyed) \(terms.known) WHERE \(clean) GROUP BY k.reviewpack_position, 1, 2 ORDER BY k.reviewpack_position, 2) TO STDOUT"
        let place = "\(connection.name), table \(activities.name)"
        var field: [UInt8] = [], row: Int32 = 0, number: Int32 = 0
        try connection.copyOut(sql, table: activities.name) { line in
            try CopyText.forEachField(line, &field) { index, field in
                switch index {
                case 0: row = try PostgresSource.customerRow(field, in: table, place: place)
                case 1: number = Int32(truncatingIfNeeded: try ReductionTerms.integer(field, "day", in: place))
                default:
                    rows += Int(try ReductionTerms.integer(field, "count", in: place))
                    days.append(customer: row, day: number)
                }
            }
        }
        return (days, rows)
    }
}
