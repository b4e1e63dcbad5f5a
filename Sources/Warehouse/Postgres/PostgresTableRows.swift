import Snapshot

/// A PostgreSQL table's rows streamed with `COPY (SELECT …) TO STDOUT`, as text in the
/// contract's forms: a `timestamptz` as a UTC instant, a `timestamp` or `date` as local
/// time (as the contract reads a time without offset), anything else as the server writes it.
struct PostgresTableRows: RowSource, @unchecked Sendable {
    let connection: PostgresConnection
    /// Schema-qualified and quoted.
    let relation: String
    let table: String
    let columns: [String]
    let types: [String]
    /// Only the rows not matching `clean`, each with its place in the whole table: the rest
    /// are reduced in the database. `clean` sees the table as `t`, with `keys` (select items
    /// worked out once per row) beside its columns, joined by `join`. nil: every row.
    var except: (keys: String, join: String, clean: String)? = nil
    var rowCount: Int? = nil

    /// The rows of `relation` not matching `clean` (see ``except``), each numbered in the whole table.
    static func except(_ clean: String, keys: String, join: String, of relation: String, table: String, columns: [String], types: [String],
                       connection: PostgresConnection) throws -> PostgresTableRows {
        let counted = try connection.query("SELECT count(*) FROM \(relation)", table: table)
        let total = counted.first?.first.flatMap { $0 }.flatMap { Int($0) } ?? 0
        return PostgresTableRows(connection: connection, relation: relation, table: table, columns: columns, types: types,
                                 except: (keys, join, clean), rowCount: total)
    }

    /// The select list: standard SQL plus `to_char`, which every PostgreSQL-speaking warehouse has.
    var selectList: String {
        zip(columns, types).map { Self.text(PostgresConnection.quote($0), $1) }.joined(separator: ", ")
    }

    /// A value of `type` in the contract's text form.
    static func text(_ value: String, _ type: String) -> String {
        switch type {
        case "timestamp with time zone": return "to_char(\(value) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
        case "timestamp without time zone": return "to_char(\(value), 'YYYY-MM-DD HH24:MI:SS')"
        case "date": return "to_char(\(value), 'YYYY-MM-DD')"
        default: return value
        }
    }

    /// Rows numbered in the table's order, before any are left out.
    static let numberColumn = "reviewpack_row"

    var query: String {
        guard let except else { return "SELECT \(selectList) FROM \(relation)" }
        return "SELECT t.\(Self.numberColumn), \(selectList) FROM (SELECT ROW_NUMBER() OVER () AS \(Self.numberColumn), \(except.keys.isEmpty ? "" : except.keys + ", ")t.* FROM \(relation) t) t "
            + "\(except.join) WHERE NOT COALESCE(\(except.clean), FALSE) ORDER BY t.\(Self.numberColumn)"
    }

    func forEachRow(_ body: (RowBytes) throws -> Void) throws {
        var row = RowBytes()
        var field: [UInt8] = []
        try connection.copyOut("COPY (\(query)) TO STDOUT", table: table) { line in
            row.removeAll()
            CopyText.forEachField(line, &field) { index, field in
                if except != nil, index == 0 {
                    row.row = Int(String(decoding: field, as: UTF8.self))
                } else {
                    field.withUnsafeBufferPointer { row.append($0) }
                }
            }
            try body(row)
        }
    }
}
