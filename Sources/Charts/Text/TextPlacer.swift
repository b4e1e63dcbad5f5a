/// Makes text marks with their laid-out bounds, for the build step of every chart and
/// for page layout: measuring here and painting later use the same pango layout.
public struct TextPlacer {
    let engine = TextEngine()

    public init() {}

    public func size(_ string: String, _ style: TextStyle, maxWidth: Double? = nil, maxLines: Int = 1, markup: Bool = false) -> (width: Double, height: Double) {
        engine.measure(string, style: style, maxWidth: maxWidth, maxLines: maxLines, markup: markup)
    }

    public func width(_ string: String, _ style: TextStyle) -> Double { size(string, style).width }

    /// A text mark anchored at `at`, with the bounds pango will give it.
    public func mark(_ string: String, at: Point, _ h: TextMark.Horizontal = .start, _ v: TextMark.Vertical = .middle,
              style: TextStyle, maxWidth: Double? = nil, maxLines: Int = 1, markup: Bool = false, links: [TextLink] = []) -> Mark {
        let s = size(string, style, maxWidth: maxWidth, maxLines: maxLines, markup: markup)
        let x = h == .start ? at.x : h == .middle ? at.x - s.width / 2 : at.x - s.width
        let y = v == .top ? at.y : v == .middle ? at.y - s.height / 2 : at.y - s.height
        var text = TextMark(string, at: at, horizontal: h, vertical: v, style: style, maxWidth: maxWidth, maxLines: maxLines,
                            bounds: Rect(x: x, y: y, width: s.width, height: s.height))
        text.markup = markup
        text.links = links
        return .text(text)
    }
}
