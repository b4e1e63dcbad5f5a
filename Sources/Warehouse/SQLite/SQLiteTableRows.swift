import CSQLite
import Snapshot

/// A SQLite table's rows as text, in rowid order (the order they were inserted), for the
/// same reading as a file's.
struct SQLiteTableRows: RowSource, @unchecked Sendable {
    let database: SQLiteDatabase
    let table: String
    let columns: [String]

    func forEachRow(_ body: (RowBytes) throws -> Void) throws {
        let list = columns.map(SQLiteDatabase.quote).joined(separator: ", ")
        let from = "SELECT \(list) FROM \(SQLiteDatabase.quote(table))"
        // Views and WITHOUT ROWID tables have no rowid: then the table's own order.
        let statement = try (try? database.prepare(from + " ORDER BY rowid", table: table)) ?? database.prepare(from, table: table)
        var row = RowBytes()
        while try statement.step() {
            row.removeAll()
            for i in 0..<columns.count { row.append(statement.bytes(i)) }
            try body(row)
        }
    }
}
