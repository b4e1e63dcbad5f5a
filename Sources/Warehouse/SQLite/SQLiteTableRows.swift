import CSQLite
import Snapshot

/// A SQLite table's rows as text, in rowid order (the order they were inserted), for the
/// same reading as a file's.
struct SQLiteTableRows: RowSource, @unchecked Sendable {
    let database: SQLiteDatabase
    let table: String
    let columns: [String]
    /// False for a view or a WITHOUT ROWID table, which have no rowid: then the table's own order.
    let hasRowid: Bool

    func forEachRow(_ body: (RowBytes) throws -> Void) throws {
        let list = columns.map(SQLiteDatabase.quote).joined(separator: ", ")
        let statement = try database.prepare("SELECT \(list) FROM \(SQLiteDatabase.quote(table))\(hasRowid ? " ORDER BY rowid" : "")", table: table)
        var row = RowBytes()
        while try statement.step() {
            row.removeAll()
            for i in 0..<columns.count { row.append(statement.bytes(i)) }
            try body(row)
        }
    }
}
