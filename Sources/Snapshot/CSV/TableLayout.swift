/// A CSV header bound to the columns a table expects.
///
/// Names are compared case-insensitively after trimming; columns may come in any order
/// and unknown ones are ignored. A missing required column is a structural error.
public struct TableLayout: Sendable {
    public let fileName: String
    public let header: [String]
    private let positions: [String: Int]

    public init(header: [String], fileName: String) {
        self.fileName = fileName
        self.header = header
        var positions: [String: Int] = [:]
        for (i, name) in header.enumerated() where positions[name.lowercased()] == nil {
            positions[name.lowercased()] = i
        }
        self.positions = positions
    }

    /// The field index of a column that must be present.
    public func required(_ name: String) throws -> Int {
        guard let i = positions[name.lowercased()] else {
            throw SnapshotError(.structural, file: fileName, line: 1, columnName: name,
                                message: "the header has no column \(name); found: \(header.joined(separator: ", "))")
        }
        return i
    }

    /// The field index of an optional column, nil when absent.
    public func optional(_ name: String) -> Int? { positions[name.lowercased()] }
}
