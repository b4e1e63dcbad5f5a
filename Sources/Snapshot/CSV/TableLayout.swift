/// A file's header bound to the contract's columns of one table, through the table's mapping.
///
/// Names are compared case-insensitively after trimming; columns may come in any order
/// and unknown ones are ignored. A column mapped in `pack.yaml` is looked for under the
/// file's own name. A missing required column is a structural error.
public struct TableLayout: Sendable {
    /// The contract table (`orders`).
    public let table: String
    /// The file, or the pattern of files, for messages.
    public let fileName: String
    public let header: [String]
    public let mapping: TableMapping
    /// The name of each file a record may come from (``TableRecord/part``).
    public let partNames: [String]
    private let positions: [String: Int]
    /// The contract name of each field, for findings (the header's own name when unmapped).
    public let fieldNames: [String]

    public init(table: String, header: [String], fileName: String, mapping: TableMapping = TableMapping(), partNames: [String]? = nil) {
        self.table = table
        self.partNames = partNames ?? [fileName]
        self.fileName = fileName
        self.header = header
        self.mapping = mapping
        var positions: [String: Int] = [:]
        for (i, name) in header.enumerated() where positions[name.lowercased()] == nil {
            positions[name.lowercased()] = i
        }
        self.positions = positions
        var names = header.map { $0.lowercased() }
        for (column, written) in mapping.columns.sorted(by: { $0.key < $1.key }) {
            if let i = positions[written.lowercased()] { names[i] = column }
        }
        fieldNames = names
    }

    /// The header name a contract column is looked for under.
    public func writtenName(of column: String) -> String { mapping.columns[column] ?? column }

    /// The field index of a column that must be present.
    public func required(_ name: String) throws -> Int {
        guard let i = optional(name) else { throw missing(name) }
        return i
    }

    /// The field index of an optional column, nil when absent.
    public func optional(_ name: String) -> Int? { positions[writtenName(of: name).lowercased()] }

    /// The required columns of the table that the header lacks, each as the error `required` throws,
    /// and the optional ones `pack.yaml` maps to a header that is not there: a mapping says the
    /// column exists, so a typo in it must not quietly drop the column (a lead's region, say).
    public func missingColumns() -> [SnapshotError] {
        let required = ContractTables.named(table)?.required ?? []
        let mapped = mapping.columns.keys.sorted().filter { !required.contains($0) }
        var problems = (required + mapped).filter { optional($0) == nil }.map(missing)
        if table == "spend", optional("month") == nil, optional("date") == nil { problems.append(periodMissing) }
        return problems
    }

    /// `spend` is dated by a month or a day, and needs one of the two.
    var periodMissing: SnapshotError {
        SnapshotError(.structural, file: fileName, line: 1, columnName: "month",
                      message: "the header needs a month (YYYY-MM) or a date column; found: \(header.joined(separator: ", "))",
                      chinese: "表头需要 month（YYYY-MM）或 date 列；现有列：\(header.joined(separator: "、"))")
    }

    private func missing(_ name: String) -> SnapshotError {
        let written = writtenName(of: name)
        var message = written == name ? "the header has no column \(name)" : "the header has no column \(written) (mapped to \(name) in pack.yaml)"
        var chinese = written == name ? "表头中没有 \(name) 列" : "表头中没有 \(written) 列（pack.yaml 中映射为 \(name)）"
        // Headers that already stand for another column of the table are no guess for this one.
        let others = (ContractTables.named(table)?.columns ?? []).filter { $0 != name }
        let claimed = Set(others.compactMap { optional($0).map { header[$0].lowercased() } })
        let unclaimed = header.filter { !claimed.contains($0.lowercased()) }
        if let guess = ColumnSynonyms.header(for: name, in: table, among: unclaimed) ?? Suggestion.nearest(to: written, in: unclaimed) {
            message += "; did you mean \"\(guess)\"?" + (written == name ? " (map it under tables.\(table).columns.\(name) in pack.yaml)" : "")
            chinese += "；是否指“\(guess)”？" + (written == name ? "（在 pack.yaml 的 tables.\(table).columns.\(name) 下映射）" : "")
        }
        message += "; found: \(header.joined(separator: ", "))"
        chinese += "；现有列：\(header.joined(separator: "、"))"
        var error = SnapshotError(.structural, file: fileName, line: 1, columnName: name, message: message)
        error.chinese = chinese
        return error
    }
}
