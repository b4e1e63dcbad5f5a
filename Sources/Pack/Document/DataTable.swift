/// A table of text cells; numeric columns are right-aligned.
public struct DataTable: Sendable {
    /// File stem of its CSV download (`value-by-channel`), unique within the pack.
    public var id: String
    public var caption: String?
    public var header: [String]
    public var rows: [[String]]
    public var numericColumns: Set<Int>
    /// Per-row tone for status colouring (by word and shape, never colour alone).
    public var rowTones: [KPITile.Tone]?
    /// Columns that name customers: the published site leaves them out unless it is private.
    public var personalColumns: Set<Int> = []

    public init(id: String, caption: String? = nil, header: [String], rows: [[String]], numericColumns: Set<Int> = [], rowTones: [KPITile.Tone]? = nil) {
        self.id = id
        self.caption = caption
        self.header = header
        self.rows = rows
        self.numericColumns = numericColumns
        self.rowTones = rowTones
    }
}

extension DataTable {
    /// The table without the columns that name customers, for a site that may be public.
    public var withoutPersonalColumns: DataTable {
        guard !personalColumns.isEmpty else { return self }
        let keep = header.indices.filter { !personalColumns.contains($0) }
        var out = DataTable(id: id, caption: caption, header: keep.map { header[$0] }, rows: rows.map { row in keep.map { row[$0] } },
                            numericColumns: Set(keep.enumerated().filter { numericColumns.contains($0.element) }.map(\.offset)), rowTones: rowTones)
        out.personalColumns = []
        return out
    }
}
