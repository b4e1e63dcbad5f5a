import CSQLite
import Foundation

/// One connection to a SQLite file, through the system's libsqlite3.
///
/// The connection is serialized (SQLite's own mutex), so the tables of a snapshot may be
/// read from several threads inside one read transaction.
final class SQLiteDatabase: @unchecked Sendable {
    let path: String
    /// The file's name for messages.
    let name: String
    private let handle: OpaquePointer

    /// Opens an existing file to read, or creates one to write.
    init(path: String, create: Bool = false) throws {
        self.path = path
        name = (path as NSString).lastPathComponent
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw DatabaseError(.notFound, "\(path): no such SQLite file")
        }
        var db: OpaquePointer?
        let flags = (create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_FULLMUTEX
        let status = sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let reason = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close(db)
            throw DatabaseError(.unavailable, "\(path): cannot open the SQLite file: \(reason.oneLine)")
        }
        handle = db
        sqlite3_busy_timeout(db, 10_000)
    }

    deinit { sqlite3_close(handle) }

    /// Runs statements that return no rows.
    func execute(_ sql: String, table: String? = nil) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &message) == SQLITE_OK else {
            let reason = message.map { String(cString: $0) } ?? lastError
            sqlite3_free(message)
            throw failure(reason, table: table)
        }
    }

    /// A prepared statement; `bind` values are given with ``Statement/bind(_:at:)``.
    func prepare(_ sql: String, table: String? = nil) throws -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else { throw failure(lastError, table: table) }
        return Statement(handle: statement, database: self, table: table)
    }

    /// The names of the tables and views in the file, as written.
    func tableNames() throws -> [String] {
        let statement = try prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")
        var names: [String] = []
        while try statement.step() { names.append(statement.text(0)) }
        return names
    }

    /// A table's columns in their order.
    func columns(of table: String) throws -> [String] {
        let statement = try prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid", table: table)
        try statement.bind(table, at: 1)
        var names: [String] = []
        while try statement.step() { names.append(statement.text(0)) }
        return names
    }

    /// Whether a table has a rowid: not a view, nor declared WITHOUT ROWID.
    func hasRowid(_ table: String) throws -> Bool {
        let statement = try prepare("SELECT type, sql FROM sqlite_master WHERE name = ?", table: table)
        try statement.bind(table, at: 1)
        guard try statement.step() else { return false }
        let sql = statement.text(1).uppercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return statement.text(0) == "table" && !sql.contains("WITHOUT ROWID")
    }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    func failure(_ reason: String, table: String?) -> DatabaseError {
        let busy = sqlite3_errcode(handle) == SQLITE_BUSY || sqlite3_errcode(handle) == SQLITE_LOCKED
        let perm = sqlite3_errcode(handle) == SQLITE_READONLY || sqlite3_errcode(handle) == SQLITE_PERM || sqlite3_errcode(handle) == SQLITE_CANTOPEN
        let kind: DatabaseError.Kind = busy || perm ? .unavailable : .query
        return DatabaseError(kind, "\(path)\(table.map { ", table \($0)" } ?? ""): \(reason.oneLine)")
    }

    /// `"name"` with its quotes doubled: an identifier SQL cannot mistake.
    static func quote(_ identifier: String) -> String { "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// A statement being stepped through; finalized when released.
    final class Statement {
        let handle: OpaquePointer
        let database: SQLiteDatabase
        let table: String?

        init(handle: OpaquePointer, database: SQLiteDatabase, table: String?) { (self.handle, self.database, self.table) = (handle, database, table) }
        deinit { sqlite3_finalize(handle) }

        /// Advances to the next row; false when there are no more.
        func step() throws -> Bool {
            switch sqlite3_step(handle) {
            case SQLITE_ROW: return true
            case SQLITE_DONE: return false
            default: throw database.failure(database.lastError, table: table)
            }
        }

        func reset() { sqlite3_reset(handle); sqlite3_clear_bindings(handle) }

        func text(_ column: Int) -> String {
            sqlite3_column_text(handle, Int32(column)).map { String(cString: $0) } ?? ""
        }

        /// The column's value as UTF-8 text (SQLite's own rendering of numbers); empty for NULL.
        func bytes(_ column: Int) -> UnsafeBufferPointer<UInt8> {
            guard let text = sqlite3_column_text(handle, Int32(column)) else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, Int32(column))))
        }

        func bind(_ value: String?, at index: Int32) throws {
            let status: Int32
            if let value { status = sqlite3_bind_text(handle, index, value, -1, csqlite_transient()) } else { status = sqlite3_bind_null(handle, index) }
            guard status == SQLITE_OK else { throw database.failure(database.lastError, table: table) }
        }

        func bind(bytes: UnsafeBufferPointer<UInt8>, at index: Int32) throws {
            let status = bytes.baseAddress.map { sqlite3_bind_text(handle, index, UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self), Int32(bytes.count), csqlite_transient()) }
                ?? sqlite3_bind_text(handle, index, "", 0, csqlite_transient())
            guard status == SQLITE_OK else { throw database.failure(database.lastError, table: table) }
        }
    }
}
