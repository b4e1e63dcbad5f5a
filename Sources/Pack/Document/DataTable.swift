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

    public init(id: String, caption: String? = nil, header: [String], rows: [[String]], numericColumns: Set<Int> = [], rowTones: [KPITile.Tone]? = nil) {
        self.id = id
        self.caption = caption
        self.header = header
        self.rows = rows
        self.numericColumns = numericColumns
        self.rowTones = rowTones
    }
}
