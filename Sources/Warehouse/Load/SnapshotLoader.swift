import Foundation
import Snapshot

/// `reviewpack load`: a folder's snapshot written into a SQLite file or a PostgreSQL schema,
/// the quickest way to try the database path. Tables get the names `tables.<table>.table`
/// gives (else the contract's) and keep their columns as written; a timestamp, money or count column gets a proper type when every value fits
/// one, else text, so nothing is lost and reading it back gives the same findings.
public struct SnapshotLoader {
    public enum Target: Sendable {
        case sqlite(path: String)
        case postgres(conninfo: String, schema: String?)
    }

    /// What was written of one table.
    public struct Loaded: Sendable {
        public let table: String
        public let rows: Int
        public let columns: [(name: String, type: String)]
    }

    public let folder: String
    public let options: SnapshotOptions
    /// Replace tables that exist already instead of refusing.
    public var replace = false

    public init(folder: String, options: SnapshotOptions, replace: Bool = false) {
        (self.folder, self.options, self.replace) = (folder, options, replace)
    }

    public func load(into target: Target) throws -> [Loaded] {
        let types = try columnTypes()
        let inputs = try SnapshotReader.open(folder: folder, options: options)
        let tables = Snapshot.tableNames.filter { inputs[$0] != nil }
        switch target {
        case .sqlite(let path): return try loadSQLite(path: path, tables: tables, inputs: inputs, types: types)
        case .postgres(let conninfo, let schema): return try loadPostgres(conninfo: conninfo, schema: schema, tables: tables, inputs: inputs, types: types)
        }
    }

    /// A first pass over every table: the type each column can take.
    private func columnTypes() throws -> [String: [ColumnType]] {
        let inputs = try SnapshotReader.open(folder: folder, options: options)
        let parser = TimestampParser(zone: options.zone)
        var result: [String: [ColumnType]] = [:]
        for (table, input) in inputs {
            let contract = ContractTables.named(table)
            let kinds: [ColumnType.Kind] = input.layout.fieldNames.map { name in
                if contract?.timestamps.contains(name) == true { return .time }
                // Money written another way (`1.234,50`) stays text: the mapping reads it back.
                if contract?.money.contains(name) == true { return input.layout.mapping.money == .plain ? .money : .text }
                return table == "traffic" && name == "visits" ? .integer : .text
            }
            var types = [ColumnType?](repeating: nil, count: kinds.count)
            try input.reader.forEachRecord { record in
                for i in kinds.indices where types[i] != .text {
                    let value = record.bytes(i)
                    if !value.isEmpty { types[i] = ColumnType.narrow(types[i], kind: kinds[i], value: value, parser: parser, fractionDigits: options.currencyDigits) }
                }
            }
            result[table] = types.map { $0 ?? .text }
        }
        return result
    }

    private func loadSQLite(path: String, tables: [String], inputs: [String: SnapshotReader.Input], types: [String: [ColumnType]]) throws -> [Loaded] {
        let created = !FileManager.default.fileExists(atPath: path)
        let database = try SQLiteDatabase(path: path, create: true)
        var loaded: [Loaded] = []
        do {
            try database.execute("BEGIN IMMEDIATE")
            let existing = Set(try database.tableNames().map { $0.lowercased() })
            for contract in tables {
                let input = inputs[contract]!, columnTypes = types[contract]!
                let table = options.mapping[contract]?.table ?? contract
                if existing.contains(table.lowercased()) {
                    guard replace else { throw DatabaseError(.query, "\(path): table \(table) exists already; give --replace to overwrite it") }
                    try database.execute("DROP TABLE \(SQLiteDatabase.quote(table))", table: table)
                }
                let columns = zip(input.reader.header, columnTypes).map { "\(SQLiteDatabase.quote($0)) \($1.sqlite)" }.joined(separator: ", ")
                try database.execute("CREATE TABLE \(SQLiteDatabase.quote(table)) (\(columns))", table: table)
                let marks = Array(repeating: "?", count: columnTypes.count).joined(separator: ", ")
                let insert = try database.prepare("INSERT INTO \(SQLiteDatabase.quote(table)) VALUES (\(marks))", table: table)
                var rows = 0
                try input.reader.forEachRecord { record in
                    for i in columnTypes.indices {
                        let value = record.bytes(i, trimmed: columnTypes[i] != .text)
                        if value.isEmpty { try insert.bind(nil, at: Int32(i + 1)) } else { try insert.bind(bytes: value, at: Int32(i + 1)) }
                    }
                    _ = try insert.step()
                    insert.reset()
                    rows += 1
                }
                loaded.append(Loaded(table: table, rows: rows, columns: zip(input.reader.header, columnTypes).map { ($0, $1.sqlite) }))
            }
            try database.execute("COMMIT")
        } catch {
            try? database.execute("ROLLBACK")
            // A file this load created is not left behind empty.
            if created { try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
        return loaded
    }

    private func loadPostgres(conninfo: String, schema: String?, tables: [String], inputs: [String: SnapshotReader.Input],
                              types: [String: [ColumnType]]) throws -> [Loaded] {
        let connection = try PostgresConnection(conninfo)
        try connection.execute("BEGIN")
        var loaded: [Loaded] = []
        do {
            // Created only when missing: CREATE SCHEMA IF NOT EXISTS asks for the right to create schemas even when it exists.
            if let schema, try connection.query("SELECT 1 FROM information_schema.schemata WHERE schema_name = $1", [schema]).isEmpty {
                try connection.execute("CREATE SCHEMA \(PostgresConnection.quote(schema))")
            }
            guard let target = try schema ?? connection.query("SELECT current_schema()").first?.first ?? nil else {
                throw DatabaseError(.notFound, "\(connection.name): no current schema; give one with --schema")
            }
            for contract in tables {
                let input = inputs[contract]!, columnTypes = types[contract]!
                let table = options.mapping[contract]?.table ?? contract
                let relation = PostgresConnection.quote(target) + "." + PostgresConnection.quote(table)
                let exists = try !connection.query("SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2", [target, table]).isEmpty
                if exists {
                    guard replace else { throw DatabaseError(.query, "\(connection.name), table \(target).\(table): exists already; give --replace to overwrite it") }
                    try connection.execute("DROP TABLE \(relation)", table: table)
                }
                let columns = zip(input.reader.header, columnTypes).map { "\(PostgresConnection.quote($0)) \($1.postgres)" }.joined(separator: ", ")
                try connection.execute("CREATE TABLE \(relation) (\(columns))", table: table)
                var rows = 0
                try connection.copyIn("COPY \(relation) FROM STDIN", table: table) { send in
                    var line: [UInt8] = []
                    line.reserveCapacity(1 << 16)
                    try input.reader.forEachRecord { record in
                        for i in columnTypes.indices {
                            if i > 0 { line.append(9) }
                            let value = record.bytes(i, trimmed: columnTypes[i] != .text)
                            if value.isEmpty {
                                line.append(contentsOf: [92, 78])  // \N
                                continue
                            }
                            for byte in value {
                                switch byte {
                                case 92: line.append(contentsOf: [92, 92])
                                case 9: line.append(contentsOf: [92, UInt8(ascii: "t")])
                                case 10: line.append(contentsOf: [92, UInt8(ascii: "n")])
                                case 13: line.append(contentsOf: [92, UInt8(ascii: "r")])
                                default: line.append(byte)
                                }
                            }
                        }
                        line.append(10)
                        rows += 1
                        if line.count >= 1 << 16 {
                            try line.withUnsafeBufferPointer { try send($0) }
                            line.removeAll(keepingCapacity: true)
                        }
                    }
                    if !line.isEmpty { try line.withUnsafeBufferPointer { try send($0) } }
                }
                loaded.append(Loaded(table: table, rows: rows, columns: zip(input.reader.header, columnTypes).map { ($0, $1.postgres) }))
            }
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
        return loaded
    }
}
