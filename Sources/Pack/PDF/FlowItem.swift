import Charts

/// What the page composer lays out: boxes that know nothing of metrics, in reading order.
///
/// Tables split between rows, repeating their header; figures keep whole unless they are
/// taller than a page (then they split at their row breaks, or scale down to fit); a
/// heading stays with what follows it.
public enum FlowItem: Sendable {
    /// A heading; `outline` puts it in the PDF's bookmarks at that level (1 = section).
    case heading(String, level: Int, outline: Bool)
    case paragraph(String, TextStyle)
    /// Styled text (Pango markup) with links, indented, with an optional list marker before it.
    case richText(RichText)
    /// Figures side by side on one line (one, or a pair of half-width charts).
    case figures([Figure])
    case table(TableSpec)
    /// Opens or closes a structure element around the items between (a section, a list).
    case begin(StructureTag)
    case end(StructureTag)
}

/// A paragraph of the commentary: markup, its links, where it sits and how it is tagged.
public struct RichText: Sendable {
    public var markup: String
    public var links: [TextLink]
    public var style: TextStyle
    public var indent: Double
    /// `•` or `3.`, drawn in the indent.
    public var marker: String?
    /// Extra room above it (a heading, after a rule).
    public var spaceBefore: Double = 0
    /// What the tagged PDF calls it: a heading, a paragraph, a list item.
    public var tag: StructureTag = .paragraph
}

/// A drawing placed as one box: a chart, the KPI tiles, an exception line.
public struct Figure: Sendable {
    public var scene: Scene
    /// How the tagged PDF knows it: a figure with its alternative text, or a list item.
    public var tag: StructureTag
    /// A bookmark under the current section.
    public var outline: String?

    public init(_ scene: Scene, tag: StructureTag, outline: String? = nil) {
        (self.scene, self.tag, self.outline) = (scene, tag, outline)
    }
}
