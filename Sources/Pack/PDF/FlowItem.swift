import Charts

/// What the page composer lays out: boxes that know nothing of metrics.
///
/// Figures never split; tables split between rows, repeating their header; a heading
/// stays with what follows it.
public enum FlowItem: Sendable {
    /// A heading; `outline` puts it in the PDF's bookmarks.
    case heading(String, outline: Bool)
    case paragraph(String, TextStyle)
    /// Styled text (Pango markup) with links, indented, with an optional list marker before it.
    case richText(RichText)
    /// A fixed-size drawing (charts, tile grids); moved whole to the next page if it does not fit.
    case figure(Scene)
    case table(TableSpec)
    case space(Double)
    case pageBreak
}

/// A paragraph of the commentary: markup, its links, and where it sits.
public struct RichText: Sendable {
    public var markup: String
    public var links: [TextLink]
    public var style: TextStyle
    public var indent: Double
    /// `•` or `3.`, drawn in the indent.
    public var marker: String?
}

/// A table to lay out: header, rows of text, alignment and how many lines a cell may wrap to.
public struct TableSpec: Sendable {
    /// Printed above the table, kept on the same page as its first rows.
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
}
