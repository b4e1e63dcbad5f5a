import Metrics
import Snapshot

/// A SQLite file holding the contract's tables (or the company's, through `tables:` in
/// `pack.yaml`). Its rows are read inside one read transaction, so every table comes from
/// the same moment, and reduced to facts in Swift exactly as a folder's are.
public struct SQLiteSource: FactSource {
    public let path: String
    public let options: SnapshotOptions
    public let dimensions: [String]

    public init(path: String, options: SnapshotOptions, dimensions: [String]) {
        (self.path, self.options, self.dimensions) = (path, options, dimensions)
    }

    public func read(lap: (String) -> Void) throws -> SourceReading {
        let database = try SQLiteDatabase(path: path)
        try database.execute("BEGIN")
        defer { try? database.execute("COMMIT") }
        let names = try database.tableNames()
        let inputs = try SnapshotReader.open(options: options) { table, mapping in
            let wanted = mapping.table ?? table
            guard let actual = names.first(where: { $0.lowercased() == wanted.lowercased() }) else {
                guard Snapshot.requiredTables.contains(table) else { return nil }
                throw SnapshotError.missingTable(table, named: wanted, in: path, mapped: mapping.table != nil)
            }
            let rows = SQLiteTableRows(database: database, table: actual, columns: try database.columns(of: actual), hasRowid: try database.hasRowid(actual))
            return try TableReader(rows: rows, name: "\(database.name) \(actual)")
        }
        let snapshot = try SnapshotReader.read(inputs, options: options)
        lap("read")
        return SourceReading(snapshot: consume snapshot, dimensions: dimensions)
    }
}
