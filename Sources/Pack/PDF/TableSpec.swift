import Charts

/// A table to lay out: header, rows of text, alignment and how many lines a cell may wrap to.
public struct TableSpec: Sendable {
    /// Printed above the table, kept on the same page as its first rows, and its bookmark.
    public var caption: String?
    public var header: [String]
    public var rows: [[String]]
    public var numericColumns: Set<Int>
    public var maxLines: Int
    /// Colours for individual rows' last cell (status), or nil.
    public var rowColors: [Color?]?

    public init(caption: String? = nil, header: [String], rows: [[String]], numericColumns: Set<Int> = [], maxLines: Int = 1, rowColors: [Color?]? = nil) {
        self.caption = caption
        self.header = header
        self.rows = rows
        self.numericColumns = numericColumns
        self.maxLines = maxLines
        self.rowColors = rowColors
    }

    /// How column `c` is aligned: numbers to the right, text to the left.
    func alignment(ofColumn c: Int) -> TextMark.Horizontal { numericColumns.contains(c) ? .end : .start }
}
