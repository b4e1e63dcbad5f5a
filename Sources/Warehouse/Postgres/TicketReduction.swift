import Metrics
import Snapshot

/// Tickets reduced inside the database: a clean ticket (an id seen once, a known customer,
/// settled times with no answer or resolution before the opening) travels as its
/// customer, its times in seconds and whether it is a complaint.
///
/// Possible when every time column of the table has the same type: the database would
/// compare two types through its own session zone, not the configured one. Text with an
/// offset comes whole: its instant is the reader's to place.
struct TicketReduction: TableReduction {
    let connection: PostgresConnection
    let terms: ReductionTerms
    let tickets: (relation: String, name: String, id: String, customer: String, timeType: String,
                  opened: String, response: String?, resolved: String?, kind: String?)
    /// The mapping's kind words (`values.kind`), export word → contract word.
    let kindWords: [String: String]

    var relation: String { tickets.relation }
    var tableName: String { tickets.name }
    private static func column(_ name: String) -> String { "t." + PostgresConnection.quote(name) }
    private var opened: TimeColumn { terms.time(Self.column(tickets.opened), tickets.timeType, offsets: false, as: "reviewpack_opened") }
    private var response: TimeColumn? { tickets.response.map { terms.time(Self.column($0), tickets.timeType, offsets: false, as: "reviewpack_response") } }
    private var resolved: TimeColumn? { tickets.resolved.map { terms.time(Self.column($0), tickets.timeType, offsets: false, as: "reviewpack_resolved") } }

    var keys: [String] {
        ["\(ReductionTerms.id(Self.column(tickets.customer))) AS reviewpack_customer", "\(ReductionTerms.id(Self.column(tickets.id))) AS reviewpack_ticket"]
            + [opened.key, response?.key, resolved?.key].compactMap { $0 }
    }

    var join: String { terms.known + " " + ReductionTerms.repeated(tickets.id, of: tickets.relation, key: "reviewpack_ticket") }

    var clean: String {
        var parts = ["k.reviewpack_id IS NOT NULL", "octet_length(t.reviewpack_ticket) BETWEEN 1 AND 256", "d.reviewpack_repeated IS NULL",
                     terms.settled(opened)]
        for later in [response, resolved].compactMap({ $0 }) {
            parts.append("(\(later.isAbsent) OR (\(terms.settled(later)) AND \(later.value) >= \(opened.value)))")
        }
        return parts.joined(separator: " AND ")
    }


    /// Adds the clean tickets to `table`; returns how many.
    func add(to table: inout TicketTable, customers: CustomerTable) throws -> Int {
        let place = "\(connection.name), table \(tickets.name)"
        let seconds = { (time: TimeColumn?) in time.map { ReductionTerms.seconds($0.value) } ?? "CAST(NULL AS bigint)" }
        let complaint = tickets.kind.map { "COALESCE(\(ReductionTerms.keyword(Self.column($0), [("complaint", 1)], mapping: kindWords)), 0)" } ?? "0"
        let sql = "COPY (SELECT t.reviewpack_customer, \(seconds(opened)), \(seconds(response)), \(seconds(resolved)), \(complaint) "
            + "FROM \(keyed) \(join) WHERE \(clean)) TO STDOUT"
        var rows = 0
        var field: [UInt8] = []
        let type = opened.type
        var customer: Int32 = 0, openedAt: Int64 = 0, responseAt = Missing.instant, resolvedAt = Missing.instant
        func instant(_ field: [UInt8], _ what: String) throws -> Int64 {
            field.isEmpty ? Missing.instant : terms.instant(try ReductionTerms.integer(field, what, in: place), type)
        }
        try connection.copyOut(sql, table: tickets.name) { line in
            try CopyText.forEachField(line, &field) { index, field in
                switch index {
                case 0: customer = try PostgresSource.customerRow(field, in: customers, place: place)
                case 1: openedAt = try instant(field, "time")
                case 2: responseAt = try instant(field, "time")
                case 3: resolvedAt = try instant(field, "time")
                default:
                    table.add(customer: customer, openedAt: openedAt, firstResponseAt: responseAt, resolvedAt: resolvedAt,
                              isComplaint: try ReductionTerms.integer(field, "kind", in: place) == 1)
                    rows += 1
                }
            }
        }
        return rows
    }
}
