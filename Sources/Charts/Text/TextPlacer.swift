/// Makes text marks with their laid-out bounds, for the build step of every chart and
/// for page layout. It measures through a ``Canvas``: pango's layout for real output, so
/// measuring and painting agree, or a recording canvas's fixed rule in tests.
public struct TextPlacer {
    let canvas: any Canvas

    /// A placer measuring with pango.
    public init() { canvas = CairoCanvas() }

    /// A placer measuring with pango that keeps its layouts in `layouts`, for a canvas on the
    /// same thread that paints what was measured (``CairoCanvas/init(context:layouts:)``).
    public init(keeping layouts: TextLayouts) { canvas = CairoCanvas(keeping: layouts) }

    public init(measuringWith canvas: any Canvas) { self.canvas = canvas }

    /// `alignment`: the one the text will be drawn with (its size does not depend on it), so
    /// that a placer keeping its layouts keeps the one drawn.
    public func size(_ string: String, _ style: TextStyle, maxWidth: Double? = nil, maxLines: Int = 1, markup: Bool = false,
                     alignment: TextMark.Horizontal = .start) -> Size {
        canvas.measure(string, style, maxWidth: maxWidth, maxLines: maxLines, markup: markup, alignment: alignment)
    }

    public func width(_ string: String, _ style: TextStyle) -> Double { size(string, style).width }

    /// A text mark anchored at `at`, with the bounds it will be painted in.
    public func mark(_ string: String, at: Point, _ h: TextMark.Horizontal = .start, _ v: TextMark.Vertical = .middle,
                     style: TextStyle, maxWidth: Double? = nil, maxLines: Int = 1, markup: Bool = false, links: [TextLink] = []) -> Mark {
        .text(text(string, at: at, h, v, style: style, maxWidth: maxWidth, maxLines: maxLines, markup: markup, links: links))
    }

    /// The same as ``mark``, as the text mark itself. With `markup`, `string` is Pango
    /// markup; `links` are clickable byte ranges of its laid-out text.
    public func text(_ string: String, at: Point, _ h: TextMark.Horizontal = .start, _ v: TextMark.Vertical = .middle,
                     style: TextStyle, maxWidth: Double? = nil, maxLines: Int = 1, markup: Bool = false, links: [TextLink] = []) -> TextMark {
        let s = size(string, style, maxWidth: maxWidth, maxLines: maxLines, markup: markup, alignment: h)
        let x = h == .start ? at.x : h == .middle ? at.x - s.width / 2 : at.x - s.width
        let y = v == .top ? at.y : v == .middle ? at.y - s.height / 2 : at.y - s.height
        var text = TextMark(string, at: at, horizontal: h, vertical: v, style: style, maxWidth: maxWidth, maxLines: maxLines,
                            bounds: Rect(x: x, y: y, width: s.width, height: s.height))
        text.markup = markup
        text.links = links
        return text
    }
}
