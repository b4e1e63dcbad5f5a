/// A built chart: its size, the marks to paint, and the words that describe it
/// (the SVG's `<title>` and `<desc>`, the HTML's alt text).
public struct Scene: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public var title: String
    public var summary: String
    public var marks: [Mark]
    /// Heights (from the top, ascending) where the drawing may be cut between two pages:
    /// between the rows of a chart that has a row per item, so a long one splits instead
    /// of running off the page.
    public var rowBreaks: [Double]

    public init(width: Double, height: Double, title: String, summary: String, marks: [Mark] = [], rowBreaks: [Double] = []) {
        self.width = width
        self.height = height
        self.title = title
        self.summary = summary
        self.marks = marks
        self.rowBreaks = rowBreaks
    }

    /// Every text mark, in drawing order.
    public var texts: [TextMark] {
        marks.compactMap { if case .text(let t) = $0 { return t } else { return nil } }
    }
}
