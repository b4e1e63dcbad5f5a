/// A table whose rows come from a database rather than a file: the columns as the
/// database names them, then each row as UTF-8 text, so that a database's rows go
/// through the same parsing, mapping and findings as a file's.
public protocol RowSource: Sendable {
    /// The table's column names, in the order a row gives its fields.
    var columns: [String] { get }
    /// Calls `body` with every row, in the order the source defines for the table.
    func forEachRow(_ body: (RowBytes) throws -> Void) throws
    /// The rows of the whole table when the source hands over only some of them (each with
    /// its ``RowBytes/row``), the rest reduced inside the database; nil: every row is handed over.
    var rowCount: Int? { get }
}

extension RowSource {
    public var rowCount: Int? { nil }
}

/// One row's fields laid end to end in one buffer; a source refills it row after row.
public struct RowBytes {
    var bytes: [UInt8] = []
    var fields: [FieldRange] = []
    /// The row's place in the whole table (1-based) when the source skips rows; nil: the next one.
    public var row: Int?
    /// Set when the row's text passed ``FieldRange/limit`` bytes: the reader refuses it.
    private(set) var tooLong = false

    public init() {}

    public var count: Int { fields.count }

    /// Starts the next row, keeping the storage.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        fields.removeAll(keepingCapacity: true)
        row = nil
        tooLong = false
    }

    /// Appends a field's UTF-8 bytes; a NULL is an empty field, as in a file.
    public mutating func append(_ field: UnsafeBufferPointer<UInt8>) {
        guard !tooLong, bytes.count + field.count <= FieldRange.limit else {
            tooLong = true
            fields.append(FieldRange(start: 0, end: 0))
            return
        }
        let start = bytes.count
        bytes.append(contentsOf: field)
        fields.append(FieldRange(start: start, end: bytes.count))
    }

    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }
}
