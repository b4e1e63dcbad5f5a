import Foundation

/// Reads a snapshot from a folder of `<table>.csv` files.
///
/// `customers` is read first (every other table resolves customer ids against it), then
/// the other tables in parallel, one per core. Any structural error aborts the whole read.
public enum CSVSnapshotReader {
    public static func read(folder: String, options: SnapshotOptions) throws -> Snapshot {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SnapshotError(.notFound, file: folder, message: "no such folder; expected a folder of <table>.csv files")
        }
        @Sendable func path(_ table: String) -> String? {
            let p = (folder as NSString).appendingPathComponent("\(table).csv")
            return FileManager.default.fileExists(atPath: p) ? p : nil
        }
        @Sendable func missing(_ table: String) -> SnapshotError {
            SnapshotError(.notFound, file: "\(table).csv", message: "the required table \(table) is missing from \(folder)")
        }
        /// nil for an absent optional table; a missing required one throws.
        @Sendable func reader(_ table: String) throws -> CSVReader? {
            guard let p = path(table) else {
                if Snapshot.requiredTables.contains(table) { throw missing(table) }
                return nil
            }
            return try CSVReader(path: p, fileName: "\(table).csv")
        }

        // Orders are checked before customers are read, so a missing table fails at once.
        guard let customersPath = path("customers") else { throw missing("customers") }
        guard path("orders") != nil else { throw missing("orders") }
        var customerReader = try CSVReader(path: customersPath, fileName: "customers.csv")
        let (customers, customerLog) = try CustomerTable.read(&customerReader, options: options)
        try checkLeftOut(customerLog, options: options)
        guard customers.count > 0 else {
            let rows = customerLog.rowsRead["customers.csv"] ?? 0
            throw SnapshotError(.unusable, file: "customers.csv", line: rows > 0 ? 2 : 1,
                                message: rows > 0 ? "none of its \(rows) rows could be read as a customer; every metric would be empty"
                                                  : "the file holds no customers; every metric would be empty")
        }

        let others = Snapshot.tableNames.filter { $0 != "customers" }
        let results = ConcurrentSlots<Result<Loaded?, Error>>(count: others.count)
        DispatchQueue.concurrentPerform(iterations: others.count) { i in
            results.set(i, Result { try readTable(others[i], reader: reader, options: options, customers: customers) })
        }
        var snapshot = Snapshot(customers: customers, orders: OrderTable(), quality: customerLog, zone: options.zone)
        snapshot.asOf = options.asOf
        for (i, name) in others.enumerated() {
            guard let loaded = try results.get(i).get() else {
                snapshot.quality.noteAbsent(name)
                continue
            }
            snapshot.quality.merge(loaded.log)
            switch loaded.table {
            case let t as OrderTable: snapshot.orders = t
            case let t as LeadTable: snapshot.leads = t
            case let t as TrafficTable: snapshot.traffic = t
            case let t as ActivityTable: snapshot.activities = t
            case let t as SpendTable: snapshot.spend = t
            case let t as SurveyTable: snapshot.surveys = t
            case let t as TicketTable: snapshot.tickets = t
            case let t as TargetTable: snapshot.targets = t
            default: break
            }
        }
        try checkLeftOut(snapshot.quality, options: options)
        if options.strict, let first = snapshot.quality.firstFinding {
            throw SnapshotError(.strictFinding, file: first.file, line: first.line, column: first.column, columnName: first.columnName,
                                message: "\(first.message) (strict mode: \(snapshot.quality.totalFindings) finding(s) in all)")
        }
        return snapshot
    }

    /// Fails the read when a table lost more than the allowed share of its rows to empty
    /// or unreadable required values: a pack of the rest would look like good news.
    static func checkLeftOut(_ log: QualityLog, options: SnapshotOptions) throws {
        for file in log.rowsLeftOut.keys.sorted() {
            let leftOut = log.rowsLeftOut[file]!, rows = log.rowsRead[file] ?? 0
            guard rows > 0, Double(leftOut) > options.maxLeftOutShare * Double(rows) else { continue }
            let first = log.tallies.first { $0.file == file && $0.examples.contains { $0.message.hasSuffix("the row is left out") } }?
                .examples.first { $0.message.hasSuffix("the row is left out") }
            let share = Double(leftOut) / Double(rows) * 100
            throw SnapshotError(.unusable, file: first?.file ?? file, line: first?.line, column: first?.column, columnName: first?.columnName,
                                message: "\(first?.message ?? "a required value cannot be read"); \(leftOut) of \(rows) rows of \(file) "
                                    + "(\(String(format: "%.1f", share)) %) are left out like this, "
                                    + "more than the \(options.maxLeftOutShare * 100) % allowed (quality.max_unreadable_share in pack.yaml)")
        }
    }

    struct Loaded: @unchecked Sendable {
        let table: Any
        let log: QualityLog
    }

    private static func readTable(_ name: String, reader: @Sendable (String) throws -> CSVReader?, options: SnapshotOptions,
                                  customers: CustomerTable) throws -> Loaded? {
        guard var r = try reader(name) else { return nil }
        switch name {
        case "orders": let (t, l) = try OrderTable.read(&r, options: options, customers: customers); return Loaded(table: t, log: l)
        case "leads": let (t, l) = try LeadTable.read(&r, options: options, customers: customers); return Loaded(table: t, log: l)
        case "traffic": let (t, l) = try TrafficTable.read(&r, options: options); return Loaded(table: t, log: l)
        case "activities": let (t, l) = try ActivityTable.read(&r, options: options, customers: customers); return Loaded(table: t, log: l)
        case "spend": let (t, l) = try SpendTable.read(&r, options: options); return Loaded(table: t, log: l)
        case "surveys": let (t, l) = try SurveyTable.read(&r, options: options, customers: customers); return Loaded(table: t, log: l)
        case "tickets": let (t, l) = try TicketTable.read(&r, options: options, customers: customers); return Loaded(table: t, log: l)
        case "targets": let (t, l) = try TargetTable.read(&r, options: options); return Loaded(table: t, log: l)
        default: return nil
        }
    }
}

