import Metrics
/// `customers`: one row per customer; row index is the customer's dense id everywhere else.
public struct CustomerTable: Sendable {
    public private(set) var ids = TextColumn()
    public private(set) var names = TextColumn()
    public private(set) var signupAt: [Int64] = []
    /// The dimension columns present in the file, in configured order.
    public private(set) var dimensions: [DimensionColumn] = []
    private var rowOfId = ByteIndex()
    /// The file's column names, lower-cased, for checking the configuration against.
    public private(set) var columns: [String] = []

    public var count: Int { ids.count }

    /// The row of a customer id, nil when unknown.
    public func row(of id: String) -> Int32? {
        var id = id
        return id.withUTF8 { rowOfId.find($0) }
    }

    /// The row of a customer id given as a field's bytes (trimmed), nil when unknown.
    public func row(ofBytes id: UnsafeBufferPointer<UInt8>) -> Int32? { rowOfId.find(id) }

    /// The hash of a customer id, its lookup started ahead (``ByteIndex/ahead(_:)``); the
    /// table's own reading, which also inserts, looks ahead in place (``ByteIndex/ahead(_:in:)``).
    func ahead(ofBytes id: UnsafeBufferPointer<UInt8>) -> ByteIndex.Hash { rowOfId.ahead(id) }

    /// ``row(ofBytes:)`` with the hash ``ahead(ofBytes:)`` took of the same bytes.
    func row(ofBytes id: UnsafeBufferPointer<UInt8>, _ hash: ByteIndex.Hash) -> Int32? { rowOfId.find(id, hash) }

    public func dimension(_ name: String) -> DimensionColumn? { dimensions.first { $0.name == name } }

    /// Lets the id index go (a million customers' takes 32 MB): once every table is read,
    /// nothing looks a customer up by id; ``row(of:)`` then finds none.
    public mutating func dropIndex() { rowOfId = ByteIndex() }

    static func read(_ reader: TableReader, layout: TableLayout, options: SnapshotOptions) throws -> (CustomerTable, QualityLog) {
        let cId = try layout.required("customer_id"), cSignup = try layout.required("signup_at")
        let cName = layout.optional("name")
        let dims = options.customerDimensions.compactMap { name in layout.optional(name).map { (name, $0) } }
        var table = CustomerTable()
        table.columns = layout.fieldNames
        table.dimensions = dims.map { DimensionColumn(name: $0.0) }
        let parser = RowParser(layout: layout, options: options)
        // Sized for the file's rows at once: grown by doubling, a million customers' index
        // was moved, every id rehashed, eighteen times.
        let expected = reader.estimatedRecords
        table.rowOfId = ByteIndex(capacity: expected)
        table.signupAt.reserveCapacity(expected)
        var rows = 0
        try reader.forEachRecord(lookingAhead: { ByteIndex.ahead($0.bytes(cId), in: &table.rowOfId) }) { record, hash in
            rows += 1
            // Ids and names go in as their bytes: no String is made for a row (a million names
            // were a million heap strings, each checked as UTF-8 again), only for a message.
            guard let id = parser.idBytes(record, cId), let signup = parser.instant(record, cSignup) else { return }
            guard table.rowOfId.insert(id, hash).inserted else {
                let text = String(decoding: id, as: UTF8.self)
                parser.finding(.duplicateKey, record, cId, "customer_id \(text) appears again; the first row is kept", zh: "客户编号 \(text) 重复出现，保留第一行")
                return
            }
            table.ids.append(bytes: id)
            table.names.append(bytes: parser.field(record, cName, trimmed: false))
            table.signupAt.append(signup)
            for (k, dim) in dims.enumerated() {
                let value = parser.field(record, dim.1)
                if value.isEmpty { parser.finding(.missingOptionalValue, record, dim.1, "no \(dim.0); the customer is in no \(dim.0) slice", zh: "缺少 \(dim.0)，该客户不计入此维度的分组") }
                table.dimensions[k].append(bytes: value)
            }
        }
        parser.noteRows(rows)
        return (table, parser.log)
    }
}
