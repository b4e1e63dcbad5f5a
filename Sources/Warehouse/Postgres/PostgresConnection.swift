import CPostgres
import Foundation

/// One connection to PostgreSQL (or a server that speaks its protocol), through libpq.
///
/// The connection string is libpq's own (`postgresql://` URI or `key=value` words), so
/// `PGPASSWORD`, `~/.pgpass`, service files and `sslmode` work as everywhere else. A
/// connection is used by one thread at a time: the lock serializes the tables' reads.
final class PostgresConnection: @unchecked Sendable {
    private let handle: OpaquePointer
    /// The server as messages name it: `postgresql://user@host:port/database`, never a password.
    let name: String
    private let lock = NSLock()
    /// Bytes of rows received through `COPY … TO STDOUT` so far.
    private(set) var received = 0
    /// The last failure of a statement or a COPY: the tables are read side by side, so the
    /// statement that fails first may not be the one whose error is shown, and the others
    /// only hear that the transaction is aborted.
    private var lastFailure: DatabaseError?

    init(_ conninfo: String) throws {
        // A password written into the URL is refused: it would end up in shell history and crontabs.
        if Self.carriesPassword(conninfo) {
            throw DatabaseError(.unavailable, "the PostgreSQL connection string carries a password; give it in PGPASSWORD, ~/.pgpass or a service file instead")
        }
        guard let connection = PQconnectdb(conninfo) else { throw DatabaseError(.unavailable, "cannot allocate a PostgreSQL connection (out of memory)") }
        handle = connection
        let user = PQuser(connection).map { String(cString: $0) } ?? ""
        let host = PQhost(connection).map { String(cString: $0) } ?? ""
        let port = PQport(connection).map { String(cString: $0) } ?? ""
        let database = PQdb(connection).map { String(cString: $0) } ?? ""
        name = "postgresql://\(user.isEmpty ? "" : user + "@")\(host.hasPrefix("/") ? "" : host)\(port.isEmpty ? "" : ":" + port)/\(database)"
        guard PQstatus(connection) == CONNECTION_OK else {
            let reason = String(cString: PQerrorMessage(connection)).oneLine
            let missing = reason.contains("database \"") && reason.contains("\" does not exist")
            throw DatabaseError(missing ? .notFound : .unavailable, "\(name): cannot connect: \(reason)")
        }
        try execute("SET client_encoding TO 'UTF8'")
    }

    deinit { PQfinish(handle) }

    /// Whether the connection string sets a password, read by libpq's own parser (URI or words).
    static func carriesPassword(_ conninfo: String) -> Bool {
        guard let options = PQconninfoParse(conninfo, nil) else { return false }
        defer { PQconninfoFree(options) }
        var option = options
        while let keyword = option.pointee.keyword {
            if String(cString: keyword) == "password", let value = option.pointee.val, value.pointee != 0 { return true }
            option += 1
        }
        return false
    }

    /// Runs a statement that returns no rows we keep.
    func execute(_ sql: String, table: String? = nil) throws {
        try lock.withLock {
            let result = PQexec(handle, sql)
            defer { PQclear(result) }
            let status = PQresultStatus(result)
            guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else { throw failure(result, table: table) }
        }
    }

    /// A small result as text (NULL as nil): catalog look-ups.
    func query(_ sql: String, _ parameters: [String] = [], table: String? = nil) throws -> [[String?]] {
        try lock.withLock {
            let result = withCStrings(parameters) { values in
                PQexecParams(handle, sql, Int32(parameters.count), nil, values, nil, nil, 0)
            }
            defer { PQclear(result) }
            guard PQresultStatus(result) == PGRES_TUPLES_OK else { throw failure(result, table: table) }
            return (0..<PQntuples(result)).map { row in
                (0..<PQnfields(result)).map { column in
                    PQgetisnull(result, row, column) != 0 ? nil : String(cString: PQgetvalue(result, row, column))
                }
            }
        }
    }

    /// Runs `COPY (…) TO STDOUT` and hands over each row's bytes (text format, newline included).
    func copyOut(_ sql: String, table: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try lock.withLock {
            let start = PQexec(handle, sql)
            defer { PQclear(start) }
            guard PQresultStatus(start) == PGRES_COPY_OUT else { throw failure(start, table: table) }
            var caught: Error?
            while true {
                var buffer: UnsafeMutablePointer<CChar>?
                let length = PQgetCopyData(handle, &buffer, 0)
                if length == -1 { break }
                guard length >= 0, let buffer else { throw streamFailure(table: table) }
                defer { PQfreemem(buffer) }
                received += Int(length)
                // After a failure the rest of the copy is drained, so the connection stays usable.
                guard caught == nil else { continue }
                do {
                    try buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { try body(UnsafeBufferPointer(start: $0, count: Int(length))) }
                } catch { caught = error }
            }
            let end = PQgetResult(handle)
            defer { PQclear(end) }
            if let caught { throw caught }
            guard PQresultStatus(end) == PGRES_COMMAND_OK else { throw failure(end, table: table) }
            while let more = PQgetResult(handle) { PQclear(more) }
        }
    }

    /// Runs `COPY … FROM STDIN`; `produce` writes the rows (text format) through the sink it is given.
    func copyIn(_ sql: String, table: String, _ produce: ((UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void) throws {
        try lock.withLock {
            let start = PQexec(handle, sql)
            defer { PQclear(start) }
            guard PQresultStatus(start) == PGRES_COPY_IN else { throw failure(start, table: table) }
            do {
                try produce { bytes in
                    let sent = bytes.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) }
                    guard sent == 1 else { throw streamFailure(table: table) }
                }
            } catch {
                PQputCopyEnd(handle, "aborted")
                while let result = PQgetResult(handle) { PQclear(result) }
                throw error
            }
            guard PQputCopyEnd(handle, nil) == 1 else { throw streamFailure(table: table) }
            let end = PQgetResult(handle)
            defer { PQclear(end) }
            guard PQresultStatus(end) == PGRES_COMMAND_OK else { throw failure(end, table: table) }
            while let more = PQgetResult(handle) { PQclear(more) }
        }
    }

    /// A COPY that broke off: the connection lost (69), or the server's complaint (65).
    private func streamFailure(table: String) -> DatabaseError {
        let error = DatabaseError(PQstatus(handle) == CONNECTION_BAD ? .unavailable : .query, "\(name), table \(table): \(String(cString: PQerrorMessage(handle)).oneLine)")
        lastFailure = error
        return error
    }

    private func failure(_ result: OpaquePointer?, table: String?) -> DatabaseError {
        // The server's primary message alone: the full one repeats the statement and points a caret at it.
        let primary = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "M"))) }.map { String(cString: $0) }
        let reason = primary.flatMap { $0.isEmpty ? nil : $0 } ?? String(cString: PQerrorMessage(handle))
        let state = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "C"))) }.map { String(cString: $0) } ?? ""
        // 42501 is insufficient privilege and class 08 a lost connection; 3F000 and 42P01 a schema or table that is not there.
        let lost = PQstatus(handle) == CONNECTION_BAD
        // 25P02: the transaction was aborted by an earlier failure, which is the one to tell.
        if state == "25P02", let lastFailure { return lastFailure }
        let kind: DatabaseError.Kind = lost || state == "42501" || state.hasPrefix("08") ? .unavailable : state == "3F000" || state == "42P01" ? .notFound : .query
        let error = DatabaseError(kind, "\(name)\(table.map { ", table \($0)" } ?? ""): \(reason.oneLine)")
        lastFailure = error
        return error
    }

    /// `"name"` with its quotes doubled.
    static func quote(_ identifier: String) -> String { "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}

/// Calls `body` with the strings as C strings, alive for the call.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    return body(pointers.map { $0.map { UnsafePointer($0) } })
}
