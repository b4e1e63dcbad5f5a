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
        // Every statement scans whole tables. At a million customers a nested loop, which the
        // planner picked when it misjudged how many rows pass a reduction's tests, ran over
        // 13 minutes where a hash join took 38 s; compiling those tests' long expressions
        // (JIT) turned 34 s into over 11 minutes.
        try? connection.execute("SET enable_nestloop TO off")
        try? connection.execute("SET jit TO off")
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
        let zoneKnown = knowsZone(connection)
        let relation = { (table: String) in PostgresConnection.quote(schema) + "." + PostgresConnection.quote(table) }
        var found: Found = [:]
        var reductions: [String: any TableReduction] = [:]
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
            if let plan = reduction(of: table, found, relation: relation, knowsZone: zoneKnown, connection: connection) {
                rows = try plan.rowsToRead(columns: rows.columns, types: rows.types)
                reductions[table] = plan
            }
            return try TableReader(rows: rows, name: "\(schema).\(actual)")
        }
        var notes: [String] = []
        let snapshot = try adding(reductions, to: SnapshotReader.read(inputs, options: options), notes: &notes)
        lap("read")
        // The snapshot's only holder is the reading, which lets each table go as its facts are made.
        var reading = SourceReading(snapshot: consume snapshot, dimensions: dimensions)
        reading.notes = notes + ["received \(connection.received) bytes from \(connection.name)"]
        return reading
    }

    /// The snapshot with what the database reduced.
    private func adding(_ reductions: [String: any TableReduction], to snapshot: consuming Snapshot, notes: inout [String]) throws -> Snapshot {
        if let orders = reductions["orders"] as? OrderReduction {
            let total = snapshot.quality.rowsRead["orders"] ?? 0
            let (rows, groups) = try orders.add(to: &snapshot.orders, customers: snapshot.customers)
            notes.append("orders: \(rows) of \(total) rows reduced in the database to \(groups) groups of paid orders")
        }
        if let surveys = reductions["surveys"] as? SurveyReduction, snapshot.surveys != nil {
            let total = snapshot.quality.rowsRead["surveys"] ?? 0
            let (rows, counts) = try surveys.add(to: &snapshot.surveys!, customers: snapshot.customers)
            notes.append("surveys: \(rows) of \(total) rows reduced in the database to \(counts) counts of responses")
        }
        if let tickets = reductions["tickets"] as? TicketReduction, snapshot.tickets != nil {
            let total = snapshot.quality.rowsRead["tickets"] ?? 0
            let rows = try tickets.add(to: &snapshot.tickets!, customers: snapshot.customers)
            notes.append("tickets: \(rows) of \(total) rows reduced in the database to their times in seconds")
        }
        if let leads = reductions["leads"] as? LeadReduction, snapshot.leads != nil {
            let total = snapshot.quality.rowsRead["leads"] ?? 0
            let rows = try leads.add(to: &snapshot.leads!, customers: snapshot.customers)
            notes.append("leads: \(rows) of \(total) rows reduced in the database to their stage days")
        }
        if let traffic = reductions["traffic"] as? TrafficReduction, snapshot.traffic != nil {
            let total = snapshot.quality.rowsRead["traffic"] ?? 0
            let (rows, sums) = try traffic.add(to: &snapshot.traffic!)
            notes.append("traffic: \(rows) of \(total) rows reduced in the database to \(sums) days and channels")
        }
        if let spend = reductions["spend"] as? SpendReduction, snapshot.spend != nil {
            let total = snapshot.quality.rowsRead["spend"] ?? 0
            let (rows, sums) = try spend.add(to: &snapshot.spend!)
            notes.append("spend: \(rows) of \(total) rows reduced in the database to \(sums) months and channels")
        }
        if let activities = reductions["activities"] as? ActivityReduction {
            let total = snapshot.quality.rowsRead["activities"] ?? 0
            // Room for the usage days, which the facts lay out where these days lie: no more than
            // the table's rows, the paid orders and the activity rows read whole.
            let room = total + snapshot.orders.count + (snapshot.activities?.count ?? 0)
            let (days, rows) = try activities.days(customers: snapshot.customers, room: room)
            notes.append("activities: \(rows) of \(total) rows reduced in the database to \(days.count) customer days")
            snapshot.activityDays = days
        }
        return snapshot
    }

    /// The read customers table's row of an id the database found known: the reader must
    /// agree, or the rows the database reduced for it would be lost.
    static func customerRow(_ id: [UInt8], in table: CustomerTable, place: String) throws -> Int32 {
        guard let row = id.withUnsafeBufferPointer({ table.row(ofBytes: $0) }) else {
            throw DatabaseError(.query, "\(place): customer \(String(decoding: id, as: UTF8.self)) is known to the database but not to the reader")
        }
        return row
    }

    /// Whether the server places instants in the configured zone by the same name (its own
    /// time-zone rules, which a warehouse may lack); asked under a savepoint, so a refusal
    /// leaves the transaction usable.
    private func knowsZone(_ connection: PostgresConnection) -> Bool {
        guard (try? connection.execute("SAVEPOINT reviewpack_zone")) != nil else { return false }
        let zone = ReductionTerms.literal(options.zone.identifier)
        if (try? connection.execute("SELECT CAST(TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00' AT TIME ZONE \(zone) AS date)")) != nil {
            try? connection.execute("RELEASE SAVEPOINT reviewpack_zone")
            return true
        }
        try? connection.execute("ROLLBACK TO SAVEPOINT reviewpack_zone")
        return false
    }

    private typealias Found = [String: (name: String, columns: [(name: String, type: String)])]

    /// A contract column of a found table, by the name the mapping gives it.
    private func column(_ contract: String, of table: String, _ found: Found) -> (name: String, type: String)? {
        let written = (options.mapping[table]?.columns[contract] ?? contract).lowercased()
        return found[table]?.columns.first { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == written }
    }

    /// The reduction of `table` inside the database, when it can read its times (nil: every row is read).
    /// A table with a column named like the reductions' own (`reviewpack_…`) is read whole: the names would clash.
    private func reduction(of table: String, _ found: Found, relation: (String) -> String, knowsZone: Bool,
                           connection: PostgresConnection) -> (any TableReduction)? {
        guard found[table]?.columns.contains(where: { $0.name.lowercased().hasPrefix("reviewpack_") }) != true,
              let terms = terms(found, relation: relation, knowsZone: knowsZone) else { return nil }
        switch table {
        case "activities": return activityReduction(found, terms: terms, relation: relation, connection: connection)
        case "orders": return orderReduction(found, terms: terms, relation: relation, connection: connection)
        case "leads": return leadReduction(found, terms: terms, relation: relation, connection: connection)
        case "surveys": return surveyReduction(found, terms: terms, relation: relation, connection: connection)
        case "tickets": return ticketReduction(found, terms: terms, relation: relation, connection: connection)
        case "traffic": return trafficReduction(found, terms: terms, relation: relation, connection: connection)
        case "spend": return spendReduction(found, terms: terms, relation: relation, connection: connection)
        default: return nil
        }
    }

    /// What every reduction needs, when the database reads the customers' signup times (only
    /// whether there is one: an instant needs no zone for that).
    private func terms(_ found: Found, relation: (String) -> String, knowsZone: Bool) -> ReductionTerms? {
        guard let customers = found["customers"], let id = column("customer_id", of: "customers", found),
              let signup = column("signup_at", of: "customers", found) else { return nil }
        let terms = ReductionTerms(zone: options.zone, knowsZone: knowsZone, asOf: options.asOf,
                                   customers: (relation(customers.name), id.name, signup.name, signup.type))
        return ReductionTerms.holdsTimes(signup.type) ? terms : nil
    }

    /// The reduction of activities inside the database, when it can read their times.
    private func activityReduction(_ found: Found, terms: ReductionTerms, relation: (String) -> String, connection: PostgresConnection) -> ActivityReduction? {
        guard let activities = found["activities"], let customer = column("customer_id", of: "activities", found),
              let at = column("at", of: "activities", found), terms.reads(at.type) else { return nil }
        return ActivityReduction(connection: connection, terms: terms, activities: (relation(activities.name), activities.name, customer.name, at.name, at.type))
    }

    /// The reduction of orders inside the database, when it can read their times and their money is plainly written.
    private func orderReduction(_ found: Found, terms: ReductionTerms, relation: (String) -> String, connection: PostgresConnection) -> OrderReduction? {
        let mapping = options.mapping["orders"] ?? TableMapping()
        guard mapping.money == .plain, let orders = found["orders"], let id = column("order_id", of: "orders", found),
              let customer = column("customer_id", of: "orders", found), let at = column("ordered_at", of: "orders", found),
              let amount = column("amount", of: "orders", found), terms.reads(at.type) else { return nil }
        return OrderReduction(connection: connection, terms: terms,
                              orders: (relation(orders.name), orders.name, id.name, customer.name, at.name, at.type, amount,
                                       column("status", of: "orders", found)?.name, column("cost", of: "orders", found)),
                              statusWords: mapping.values["status"] ?? [:], digits: options.currencyDigits)
    }

    /// The reduction of surveys inside the database, when it can read their times.
    private func surveyReduction(_ found: Found, terms: ReductionTerms, relation: (String) -> String, connection: PostgresConnection) -> SurveyReduction? {
        guard let surveys = found["surveys"], let customer = column("customer_id", of: "surveys", found), let at = column("at", of: "surveys", found),
              let kind = column("kind", of: "surveys", found), let score = column("score", of: "surveys", found), terms.reads(at.type) else { return nil }
        return SurveyReduction(connection: connection, terms: terms,
                               surveys: (relation(surveys.name), surveys.name, customer.name, at.name, at.type, kind.name, score.name),
                               kindWords: options.mapping["surveys"]?.values["kind"] ?? [:])
    }

    /// The reduction of tickets inside the database, when it can read their times, all of one type.
    private func ticketReduction(_ found: Found, terms: ReductionTerms, relation: (String) -> String, connection: PostgresConnection) -> TicketReduction? {
        guard let tickets = found["tickets"], let id = column("ticket_id", of: "tickets", found), let customer = column("customer_id", of: "tickets", found),
              let opened = column("opened_at", of: "tickets", found), terms.reads(opened.type) else { return nil }
        let response = column("first_response_at", of: "tickets", found), resolved = column("resolved_at", of: "tickets", found)
        guard [response, resolved].allSatisfy({ $0 == nil || $0!.type == opened.type }) else { return nil }
        return TicketReduction(connection: connection, terms: terms,
                               tickets: (relation(tickets.name), tickets.name, id.name, customer.name, opened.type, opened.name,
                                         response?.name, resolved?.name, column("kind", of: "tickets", found)?.name),
                               kindWords: options.mapping["tickets"]?.values["kind"] ?? [:])
    }

    /// The reduction of traffic inside the database, when it can read its dates.
    private func trafficReduction(_ found: Found, terms: ReductionTerms, relation: (String) -> String, connection: PostgresConnection) -> TrafficReduction? {
        guard let traffic = found["traffic"], let date = column("date", of: "traffic", found), let channel = column("channel", of: "traffic", found),
              let visits = column("visits", of: "traffic", found), terms.reads(date.type) else { return nil }
        return TrafficReduction(connection: connection, terms: terms,
                                traffic: (relation(traffic.name), traffic.name, date.name, date.type, channel.name, visits),
                                channelWords: options.mapping["traffic"]?.values["channel"] ?? [:])
    }

    /// The reduction of spend inside the database, when it is given by month and its money plainly written.
    private func spendReduction(_ found: Found, terms: ReductionTerms, relation: (String) -> String, connection: PostgresConnection) -> SpendReduction? {
        let mapping = options.mapping["spend"] ?? TableMapping()
        guard mapping.money == .plain, let spend = found["spend"], let month = column("month", of: "spend", found),
              let channel = column("channel", of: "spend", found), let amount = column("amount", of: "spend", found) else { return nil }
        return SpendReduction(connection: connection, terms: terms, spend: (relation(spend.name), spend.name, month.name, channel.name, amount),
                              channelWords: mapping.values["channel"] ?? [:], digits: options.currencyDigits)
    }

    /// The reduction of leads inside the database, when it can read their creation time and their money is plainly written.
    private func leadReduction(_ found: Found, terms: ReductionTerms, relation: (String) -> String, connection: PostgresConnection) -> LeadReduction? {
        let mapping = options.mapping["leads"] ?? TableMapping()
        guard mapping.money == .plain, let leads = found["leads"], let id = column("lead_id", of: "leads", found),
              let created = column("created_at", of: "leads", found), terms.reads(created.type) else { return nil }
        let audience = FactsScope.leadAudienceDimensions(options.customerDimensions).filter { column($0, of: "leads", found) != nil }
        let optional = ["first_contact_at", "qualified_at", "opportunity_at", "won_at", "lost_at", "amount", "customer_id", "channel", "campaign", "owner"]
        var columns: [String: (name: String, type: String)] = [:]
        for contract in optional + audience { columns[contract] = column(contract, of: "leads", found) }
        return LeadReduction(connection: connection, terms: terms, leads: (relation(leads.name), leads.name, id.name, created.type, created.name),
                             columns: columns, audience: audience, mapping: mapping, digits: options.currencyDigits)
    }
}
