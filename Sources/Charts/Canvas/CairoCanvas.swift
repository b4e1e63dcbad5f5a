import CCairo

/// ``Canvas`` on a cairo context, whatever its surface (SVG, PDF, PNG); text through pango.
public final class CairoCanvas: Canvas {
    public let context: OpaquePointer
    private let text: TextEngine
    private let glyphForms = GlyphForms()
    /// Set when the canvas made its own surface (a measuring canvas) and must free it.
    private let ownedSurface: OpaquePointer?
    /// The alternative text of every figure begun, in order: cairo 1.16 writes structure
    /// tags but no `/Alt`, so the PDF exporter adds them once cairo has finished.
    public private(set) var figureAlternatives: [String] = []
    /// Sizes measured before: a chart or table measures the same labels again while it
    /// tries layouts, and shaping them is most of the time it takes to lay out a page.
    private var measured: [TextLayouts.Key: Size] = [:]

    /// A canvas drawing on `context`, which the caller owns; text with the `layouts` a
    /// measuring canvas kept, where it is drawn as it was measured.
    public init(context: OpaquePointer, layouts: TextLayouts? = nil) {
        self.context = context
        text = TextEngine(context: context, glyphForms: glyphForms, layouts: layouts)
        ownedSurface = nil
    }

    /// A canvas that only measures text, on a 1×1 image surface of its own, keeping what it
    /// lays out in `layouts` when given (for a canvas that will paint it).
    public init(keeping layouts: TextLayouts? = nil) {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)!
        ownedSurface = surface
        context = cairo_create(surface)!
        text = TextEngine(context: context, layouts: layouts)
    }

    deinit {
        if let ownedSurface {
            cairo_destroy(context)
            cairo_surface_destroy(ownedSurface)
        }
    }

    public func fill(_ path: Path, _ color: Color) {
        trace(path)
        set(color)
        cairo_fill(context)
    }

    public func stroke(_ path: Path, _ stroke: Stroke) {
        trace(path)
        set(stroke.color)
        cairo_set_line_width(context, stroke.width)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(context, stroke.dash.isEmpty ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
        stroke.dash.withUnsafeBufferPointer { cairo_set_dash(context, $0.baseAddress, Int32($0.count), 0) }
        cairo_stroke(context)
    }

    /// Draws the mark; a markup mark is set with `pango_layout_set_markup`, and its links
    /// become PDF link annotations (cairo's link tags; SVG and PNG ignore them).
    public func text(_ mark: TextMark) { text.draw(mark) }

    public func measure(_ string: String, _ style: TextStyle, maxWidth: Double?, maxLines: Int, markup: Bool, alignment: TextMark.Horizontal) -> Size {
        let key = TextLayouts.Key(string, style, maxWidth: maxWidth, maxLines: maxLines, markup: markup, alignment: alignment)
        if let size = measured[key] { return size }
        let size = text.measure(string, style: style, maxWidth: maxWidth, maxLines: maxLines, markup: markup, alignment: alignment)
        measured[key] = size
        return size
    }

    public func begin(_ tag: StructureTag) {
        if case .figure(let alt) = tag { figureAlternatives.append(alt) }
        cairo_tag_begin(context, tag.name, "")
    }

    public func end(_ tag: StructureTag) { cairo_tag_end(context, tag.name) }

    /// Called before each page of a paginated surface (PDF) is painted.
    public func beginPage() { glyphForms.beginPage() }

    private func set(_ c: Color) { cairo_set_source_rgba(context, c.r, c.g, c.b, c.a) }

    private func trace(_ path: Path) {
        cairo_new_path(context)
        for element in path.elements {
            switch element {
            case .move(let p): cairo_move_to(context, p.x, p.y)
            case .line(let p): cairo_line_to(context, p.x, p.y)
            case let .arc(center, radius, from, to): cairo_arc(context, center.x, center.y, radius, from, to)
            case .close: cairo_close_path(context)
            }
        }
    }
}
