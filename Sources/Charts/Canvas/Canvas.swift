/// The one drawing interface charts and pages are painted through (plotters' habit): a
/// few primitives, so that cairo (SVG, PDF, PNG) and a recording canvas for tests are
/// interchangeable behind it.
public protocol Canvas: AnyObject {
    func fill(_ path: Path, _ color: Color)
    func stroke(_ path: Path, _ stroke: Stroke)
    /// Draws a text mark at its anchor, laid out exactly as ``measure`` measured it.
    func text(_ text: TextMark)
    /// The size `string` takes: the widest line and the total height. With `markup`,
    /// `string` is Pango markup (bold, italic, colour spans) and its tags take no room.
    /// `alignment` within `maxWidth` does not change the size; it is the alignment the text
    /// will be drawn with, so that a canvas can draw it as it measured it.
    func measure(_ string: String, _ style: TextStyle, maxWidth: Double?, maxLines: Int, markup: Bool, alignment: TextMark.Horizontal) -> Size
    /// Opens a structure element (a tagged PDF's heading, paragraph, table, figure);
    /// surfaces without structure ignore it.
    func begin(_ tag: StructureTag)
    func end(_ tag: StructureTag)
}

extension Canvas {
    /// The size plain `string` takes.
    public func measure(_ string: String, _ style: TextStyle, maxWidth: Double?, maxLines: Int, markup: Bool = false) -> Size {
        measure(string, style, maxWidth: maxWidth, maxLines: maxLines, markup: markup, alignment: .start)
    }
}

/// A width and a height in chart units.
public struct Size: Sendable, Equatable {
    public var width: Double, height: Double
    public init(width: Double, height: Double) { (self.width, self.height) = (width, height) }
}
