/// One drawn element of a chart, already positioned: what the build step produces and
/// the painter draws. Tests assert on marks without rendering anything.
public enum Mark: Sendable, Equatable {
    case rect(Rect, fill: Color, stroke: Stroke? = nil, radius: Double = 0)
    case line([Point], Stroke)
    case area([Point], fill: Color)
    case circle(center: Point, radius: Double, fill: Color, stroke: Stroke? = nil)
    case text(TextMark)
}

public struct Stroke: Sendable, Equatable {
    public var color: Color
    public var width: Double
    /// Dash lengths; empty for a solid line.
    public var dash: [Double]

    public init(color: Color, width: Double, dash: [Double] = []) {
        (self.color, self.width, self.dash) = (color, width, dash)
    }
}

/// A string placed by an anchor point, laid out by pango when painted.
public struct TextMark: Sendable, Equatable {
    public enum Horizontal: Sendable { case start, middle, end }
    public enum Vertical: Sendable { case top, middle, bottom }

    public var string: String
    public var at: Point
    public var horizontal: Horizontal
    public var vertical: Vertical
    public var style: TextStyle
    /// Wider text is ellipsised (or wrapped into `maxLines`), never drawn past it.
    public var maxWidth: Double?
    public var maxLines: Int
    /// The box the text occupies once laid out: used to check nothing overlaps or clips.
    public var bounds: Rect
    /// `string` is Pango markup (bold, italic, colour spans) rather than plain text.
    public var markup = false
    /// Clickable ranges of the laid-out text (PDF link annotations; other surfaces ignore them).
    public var links: [TextLink] = []
    /// Painted as glyph outlines rather than as text. A chart's labels in the PDF are part
    /// of the picture: as text, an extractor reads them across side-by-side charts and into
    /// the prose; the figure's alternative text says what they show.
    public var drawnAsShapes = false

    public init(_ string: String, at: Point, horizontal: Horizontal = .start, vertical: Vertical = .middle,
                style: TextStyle, maxWidth: Double? = nil, maxLines: Int = 1, bounds: Rect) {
        self.string = string
        self.at = at
        self.horizontal = horizontal
        self.vertical = vertical
        self.style = style
        self.maxWidth = maxWidth
        self.maxLines = maxLines
        self.bounds = bounds
    }
}

/// A link over the UTF-8 byte range `start..<end` of a text's laid-out characters.
public struct TextLink: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var uri: String

    public init(start: Int, end: Int, uri: String) { (self.start, self.end, self.uri) = (start, end, uri) }
}

/// Font size, weight and colour of a string.
public struct TextStyle: Sendable, Equatable {
    public var size: Double
    public var bold: Bool
    public var color: Color

    public init(size: Double, bold: Bool = false, color: Color) {
        (self.size, self.bold, self.color) = (size, bold, color)
    }
}
