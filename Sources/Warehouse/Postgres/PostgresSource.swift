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
        // Rows come in the table's own order, which numbers them: a synchronized scan could start
        // mid-table and a parallel one interleave (PostgreSQL's settings, so a refusal is ignored).
        try? connection.execute("SET synchronize_seqscans TO off")
        try? connection.execute("SET max_parallel_workers_per_gather TO 0")
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
        let relation = { (table: String) in PostgresConnection.quote(schema) + "." + PostgresConnection.quote(table) }
        var found: [String: (name: String, columns: [(name: String, type: String)])] = [:]
        var reduction: ActivityReduction?
        let inputs = try SnapshotReader.open(options: options) { table, mapping in
            let wanted = mapping.table ?? table
            guard let actual = tables.first(where: { $0 == wanted }) ?? tables.first(where: { $0.lowercased() == wanted.lowercased() }) else {
                guard Snapshot.requiredTables.contains(table) else { return nil }
                throw SnapshotError.missingTable(table, named: wanted, in: place, mapped: mapping.table != nil)
            }
            let columns = try connection.query("""
                SELECT column_name, data_type FROM information_schema.columns
                WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position
                """, [schema, actual], table: actual).map { (name: $0[0] ?? "", type: $0[1] ?? "") }
            found[table] = (actual, columns)
            var rows = PostgresTableRows(connection: connection, relation: relation(actual), table: actual, columns: columns.map(\.name), types: columns.map(\.type))
            if table == "activities", let plan = activityReduction(found, relation: relation, connection: connection) {
                rows = try plan.rowsToRead(columns: rows.columns, types: rows.types)
                reduction = plan
            }
            return try TableReader(rows: rows, name: "\(schema).\(actual)")
        }
        var notes: [String] = []
        let snapshot = try Self.adding(reduction, to: SnapshotReader.read(inputs, options: options), notes: &notes)
        lap("read")
        // The snapshot's only holder is the reading, which lets each table go as its facts are made.
        var reading = SourceReading(snapshot: consume snapshot, dimensions: dimensions)
        reading.notes = notes + ["received \(connection.received) bytes from \(connection.name)"]
        return reading
    }

    /// The snapshot with the activity days the database reduced, if it did.
    private static func adding(_ reduction: ActivityReduction?, to snapshot: consuming Snapshot, notes: inout [String]) throws -> Snapshot {
        guard let reduction else { return snapshot }
        let total = snapshot.quality.rowsRead["activities"] ?? 0
        // Room for the usage days, which the facts lay out where these days lie: no more than
        // the table's rows, the paid orders and the activity rows read whole.
        let room = total + snapshot.orders.count + (snapshot.activities?.count ?? 0)
        let (days, rows) = try reduction.days(customers: snapshot.customers, room: room)
        notes.append("activities: \(rows) of \(total) rows reduced in the database to \(days.count) customer days")
        snapshot.activityDays = days
        return snapshot
    }

    /// Whether the server places instants in the configured zone by the same name (its own
    /// time-zone rules, which a warehouse may lack); asked under a savepoint, so a refusal
    /// leaves the transaction usable.
    private func knowsZone(_ connection: PostgresConnection) -> Bool {
        guard (try? connection.execute("SAVEPOINT reviewpack_zone")) != nil else { return false }
        let zone = ActivityReduction.literal(options.zone.identifier)
        if (try? connection.execute("SELECT CAST(TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00' AT TIME ZONE \(zone) AS date)")) != nil {
            try? connection.execute("RELEASE SAVEPOINT reviewpack_zone")
            return true
        }
        try? connection.execute("ROLLBACK TO SAVEPOINT reviewpack_zone")
        return false
    }

    /// The reduction of activities inside the database, when both tables' times are typed.
    private func activityReduction(_ found: [String: (name: String, columns: [(name: String, type: String)])], relation: (String) -> String,
                                   connection: PostgresConnection) -> ActivityReduction? {
        func column(_ contract: String, of table: String) -> (name: String, type: String)? {
            let written = (options.mapping[table]?.columns[contract] ?? contract).lowercased()
            return found[table]?.columns.first { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == written }
        }
        guard let activities = found["activities"], let customers = found["customers"],
              let customer = column("customer_id", of: "activities"), let at = column("at", of: "activities"),
              let customerId = column("customer_id", of: "customers"), let signup = column("signup_at", of: "customers"),
              ActivityReduction.timeTypes.contains(at.type), ActivityReduction.timeTypes.contains(signup.type),
              at.type != "timestamp with time zone" || knowsZone(connection) else { return nil }
        return ActivityReduction(connection: connection, activities: (relation(activities.name), activities.name, customer.name, at.name, at.type),
                                 customers: (relation(customers.name), customerId.name, signup.name, signup.type), zone: options.zone, asOf: options.asOf)
    }
}
