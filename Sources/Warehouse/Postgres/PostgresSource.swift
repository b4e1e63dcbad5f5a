import Metrics
import Snapshot

/// A PostgreSQL schema holding the contract's tables (or the company's, through `tables:`
/// in `pack.yaml`), or any server that speaks PostgreSQL's protocol and SQL.
///
/// Everything is read inside one `READ ONLY`, `REPEATABLE READ` transaction, so all tables
/// come from one consistent snapshot of the database.
public struct PostgresSource: FactSource {
    /// libpq's connection string: a `postgresql://` URI or `key=value` words, without a password.
    public let conninfo: String
    /// nil: the connection's current schema (its `search_path`).
    public let schema: String?
    public let options: SnapshotOptions
    public let dimensions: [String]

    public init(conninfo: String, schema: String?, options: SnapshotOptions, dimensions: [String]) {
        (self.conninfo, self.schema, self.options, self.dimensions) = (conninfo, schema, options, dimensions)
    }

    /// Whether `--data` names a PostgreSQL database rather than a folder or file.
    public static func names(_ data: String) -> Bool {
        data.hasPrefix("postgresql://") || data.hasPrefix("postgres://") || data.contains("dbname=") || data.contains("service=")
    }

    public func read(lap: (String) -> Void) throws -> SourceReading {
        let connection = try PostgresConnection(conninfo)
        // Rows come in the table's own order; a synchronized scan could start mid-table (PostgreSQL only, so its refusal is ignored).
        try? connection.execute("SET synchronize_seqscans TO off")
        try connection.execute("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        defer { try? connection.execute("COMMIT") }
        guard let schema = try schema ?? connection.query("SELECT current_schema()").first?.first ?? nil else {
            throw DatabaseError(.notFound, "\(connection.name): no current schema; give one with --schema or schema: in pack.yaml")
        }
        let tables = try connection.query("SELECT table_name FROM information_schema.tables WHERE table_schema = $1", [schema]).compactMap { $0[0] }
        if tables.isEmpty {
            // The catalog shows only what the role may use: asking for the customers table says whether
            // the schema is missing (66) or closed to this role (69), in the server's words.
            let customers = options.mapping["customers"]?.table ?? "customers"
            try connection.execute("SELECT 1 FROM \(PostgresConnection.quote(schema)).\(PostgresConnection.quote(customers)) WHERE 1 = 0", table: customers)
        }
        let place = "\(connection.name) schema \(schema)"
        let inputs = try SnapshotReader.open(options: options) { table, mapping in
            let wanted = mapping.table ?? table
            guard let actual = tables.first(where: { $0 == wanted }) ?? tables.first(where: { $0.lowercased() == wanted.lowercased() }) else {
                guard Snapshot.requiredTables.contains(table) else { return nil }
                throw SnapshotError.missingTable(table, named: wanted, in: place, mapped: mapping.table != nil)
            }
            let columns = try connection.query("""
                SELECT column_name, data_type FROM information_schema.columns
                WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position
                """, [schema, actual], table: actual)
            let rows = PostgresTableRows(connection: connection, relation: PostgresConnection.quote(schema) + "." + PostgresConnection.quote(actual), table: actual,
                                         columns: columns.map { $0[0] ?? "" }, types: columns.map { $0[1] ?? "" })
            return try TableReader(rows: rows, name: "\(schema).\(actual)")
        }
        let snapshot = try SnapshotReader.read(inputs, options: options)
        lap("read")
        return SourceReading(snapshot: snapshot, dimensions: dimensions)
    }
}
