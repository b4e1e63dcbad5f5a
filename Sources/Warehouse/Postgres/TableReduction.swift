/// A table reduced inside the database (``ReductionTerms``): its clean rows are reduced
/// there, the others come whole for the reader.
protocol TableReduction {
    var connection: PostgresConnection { get }
    /// The table, schema-qualified and quoted.
    var relation: String { get }
    /// The table's name, for messages.
    var tableName: String { get }
    /// Select items worked out once per row of `t`, the joins they need, and whether a row is clean.
    var keys: [String] { get }
    var join: String { get }
    var clean: String { get }
}

extension TableReduction {
    /// The rows with something to report, numbered in the table's order.
    func rowsToRead(columns: [String], types: [String]) throws -> PostgresTableRows {
        try PostgresTableRows.except(clean, keys: keys.joined(separator: ", "), join: join, of: relation, table: tableName, columns: columns, types: types,
                                     connection: connection)
    }

    /// The table as `t`, with ``keys`` beside its columns. `OFFSET 0` keeps the database from
    /// copying a key's expression into every test that reads it, so each is worked out once
    /// per row (a time in text takes two patterns and a conversion).
    var keyed: String { "(SELECT \((keys + ["t.*"]).joined(separator: ", ")) FROM \(relation) t OFFSET 0) t" }
}
