import Metrics
import Snapshot

/// Activities reduced inside the database, the largest table of a snapshot: a row with
/// nothing to report (a known customer, a time not near the snapshot's moment) needs only
/// its customer and local day, so the database groups those into distinct pairs and only
/// the pairs travel. Every other row comes whole, with its place in the table, and is read
/// as a file's row would be, so the findings are the same.
///
/// Possible when the times are typed (`timestamptz`, `timestamp` or `date`) in both
/// activities and customers: then the database can tell a readable time from another.
struct ActivityReduction {
    let connection: PostgresConnection
    let activities: (relation: String, name: String, customer: String, at: String, atType: String)
    let customers: (relation: String, customer: String, signup: String, signupType: String)
    let zone: Zone
    let asOf: Int64?

    static let timeTypes: Set<String> = ["timestamp with time zone", "timestamp without time zone", "date"]

    /// An id as the reader compares it: text, trimmed of spaces and tabs.
    static func id(_ column: String) -> String { "btrim(CAST(\(column) AS text), ' ' || chr(9))" }

    /// The local day of `at`, in the configured zone when it is an instant.
    var day: String {
        let at = "t." + PostgresConnection.quote(activities.at)
        switch activities.atType {
        case "timestamp with time zone": return "CAST(\(at) AT TIME ZONE \(Self.literal(zone.identifier)) AS date)"
        case "timestamp without time zone": return "CAST(\(at) AS date)"
        default: return at
        }
    }

    /// The activity's customer id as the reader compares it, worked out once per row.
    var customerKey: String { "\(Self.id("t." + PostgresConnection.quote(activities.customer))) AS reviewpack_customer" }

    /// The customers the reader will know (an id of 1 to 256 bytes and a signup time), joined
    /// to activities as `k`, each with the place of its first row among them in the table's
    /// order (`reviewpack_position`), which is the order of the reader's rows.
    var known: String {
        let id = Self.id("c." + PostgresConnection.quote(customers.customer))
        let signup = "c." + PostgresConnection.quote(customers.signup)
        return "LEFT JOIN (SELECT reviewpack_id, min(reviewpack_position) AS reviewpack_position FROM "
            + "(SELECT \(id) AS reviewpack_id, ROW_NUMBER() OVER () AS reviewpack_position FROM \(customers.relation) c "
            + "WHERE \(Self.readable(signup, customers.signupType)) AND octet_length(\(id)) BETWEEN 1 AND 256) c GROUP BY reviewpack_id) k "
            + "ON k.reviewpack_id = t.reviewpack_customer"
    }

    /// Whether a row (`t` with ``customerKey``, joined to ``known``) has nothing to report: the reader would take it as it is.
    var clean: String {
        let at = "t." + PostgresConnection.quote(activities.at)
        var parts = ["k.reviewpack_id IS NOT NULL", Self.readable(at, activities.atType)]
        // Times near the snapshot's moment are left to the reader, which knows the zone's rules exactly.
        if let asOf { parts.append("\(at) <= \(bound(asOf - 2 * 86_400))") }
        return parts.joined(separator: " AND ")
    }

    /// A time the reader can read: not NULL, and within the years 0001 to 9999 it writes with
    /// four digits (infinity and BC dates are neither).
    static func readable(_ column: String, _ type: String) -> String {
        let (low, high) = type == "date" ? ("DATE '0001-01-01'", "DATE '9999-12-31'")
            : type == "timestamp with time zone" ? ("TIMESTAMP WITH TIME ZONE '0001-01-02 00:00:00+00'", "TIMESTAMP WITH TIME ZONE '9999-12-30 00:00:00+00'")
            : ("TIMESTAMP '0001-01-01 00:00:00'", "TIMESTAMP '9999-12-31 23:59:59'")
        return "\(column) >= \(low) AND \(column) <= \(high)"
    }

    /// The instant as a literal of the column's type: UTC for instants, else local time.
    private func bound(_ instant: Int64) -> String {
        let utc = activities.atType == "timestamp with time zone"
        let local = utc ? instant : instant + zone.offset(at: instant)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let seconds = local - days * 86_400
        let date = CivilDate(dayNumber: Int(days))
        let time = String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        switch activities.atType {
        case "timestamp with time zone": return "TIMESTAMP WITH TIME ZONE '\(date) \(time)+00'"
        case "timestamp without time zone": return "TIMESTAMP '\(date) \(time)'"
        default: return "DATE '\(date)'"
        }
    }

    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    /// The rows with something to report, numbered in the table's order.
    func rowsToRead(columns: [String], types: [String]) throws -> PostgresTableRows {
        let counted = try connection.query("SELECT count(*) FROM \(activities.relation)", table: activities.name)
        let total = counted.first?.first.flatMap { $0 }.flatMap { Int($0) } ?? 0
        return PostgresTableRows(connection: connection, relation: activities.relation, table: activities.name, columns: columns, types: types,
                                 except: (customerKey, known, clean), rowCount: total)
    }

    /// The clean rows' distinct (customer, day) pairs, customers as the read customers table
    /// numbers them, and how many rows they came from. They come ordered, so that each
    /// customer's pairs arrive together and its row is kept once; in the customers table's
    /// order, so that the days are already grouped as the facts hold them (when the database
    /// scans a table in the same order twice). `room`: days to reserve, at least the pairs.
    func days(customers table: CustomerTable, room: Int) throws -> (ActivityDays, rows: Int) {
        var days = ActivityDays()
        days.reserveCapacity(days: room, customers: table.count)
        var rows = 0
        let sql = "COPY (SELECT t.reviewpack_customer, \(day) - DATE '1970-01-01', count(*) "
            + "FROM (SELECT \(customerKey), t.* FROM \(activities.relation) t) t \(known) WHERE \(clean) GROUP BY k.reviewpack_position, 1, 2 ORDER BY k.reviewpack_position, 2) TO STDOUT"
        var field: [UInt8] = [], id: [UInt8] = [], day: Int32 = 0
        try connection.copyOut(sql, table: activities.name) { line in
            try CopyText.forEachField(line, &field) { index, field in
                switch index {
                case 0: id = field
                case 1:
                    guard let number = Int32(String(decoding: field, as: UTF8.self)) else {
                        throw DatabaseError(.query, "\(connection.name), table \(activities.name): the database gave the day \"\(String(decoding: field, as: UTF8.self))\"")
                    }
                    day = number
                default:
                    rows += Int(String(decoding: field, as: UTF8.self)) ?? 0
                    // The database found the customer known; the reader must agree, or the pair would be lost.
                    guard let row = id.withUnsafeBufferPointer({ table.row(ofBytes: $0) }) else {
                        throw DatabaseError(.query, "\(connection.name), table \(activities.name): customer \(String(decoding: id, as: UTF8.self)) is known to the database but not to the reader")
                    }
                    days.append(customer: row, day: day)
                }
            }
        }
        return (days, rows)
    }
}
