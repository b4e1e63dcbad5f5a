/// A built chart: its size, the marks to paint, and the words that describe it
/// (the SVG's `<title>` and `<desc>`, the HTML's alt text).
public struct Scene: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public var title: String
    public var summary: String
    public var marks: [Mark]

    public init(width: Double, height: Double, title: String, summary: String, marks: [Mark] = []) {
        self.width = width
        self.height = height
        self.title = title
        self.summary = summary
        self.marks = marks
    }

    /// Every text mark, in drawing order.
    public var texts: [TextMark] {
        marks.compactMap { if case .text(let t) = $0 { return t } else { return nil } }
    }
}
