import CCairo

/// Lays out strings with pango on a cairo context: the same layout measures text while
/// a chart is built and draws it while the chart is painted, so sizes always agree.
///
/// Hinting is off and sizes are absolute, so a layout is identical on SVG, PDF and PNG
/// surfaces. The family is Noto Sans CJK SC, which covers Chinese and Latin text.
struct TextEngine {
    static let family = "Noto Sans CJK SC"

    let cr: OpaquePointer

    /// An engine that measures on and draws to `context`.
    init(context: OpaquePointer) { cr = context }

    /// The size a string takes: width of its widest line and total height.
    func measure(_ string: String, style: TextStyle, maxWidth: Double? = nil, maxLines: Int = 1) -> Size {
        withLayout(string, style: style, maxWidth: maxWidth, maxLines: maxLines, alignment: .start) { _, logical in
            Size(width: logical.width, height: logical.height)
        }
    }

    /// Draws `text` at its anchor.
    func draw(_ text: TextMark) {
        withLayout(text.string, style: text.style, maxWidth: text.maxWidth, maxLines: text.maxLines, alignment: text.horizontal) { layout, logical in
            var x = text.at.x, y = text.at.y
            switch text.horizontal {
            case .start: break
            case .middle: x -= logical.width / 2
            case .end: x -= logical.width
            }
            switch text.vertical {
            case .top: break
            case .middle: y -= logical.height / 2
            case .bottom: y -= logical.height
            }
            let c = text.style.color
            cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a)
            cairo_move_to(cr, x - logical.x, y - logical.y)
            pango_cairo_show_layout(cr, layout)
        }
    }

    /// No label of a chart or page needs more than this; data can hold megabytes in one
    /// field, and laying it out would take minutes for text that is cut off anyway.
    static let maxCharacters = 1000

    static func bounded(_ string: String) -> String {
        guard string.utf8.count > maxCharacters else { return string }
        var end = string.startIndex
        var n = 0
        while n < maxCharacters, end < string.endIndex { end = string.index(after: end); n += 1 }
        return end == string.endIndex ? string : String(string[..<end]) + "…"
    }

    private func withLayout<T>(_ string: String, style: TextStyle, maxWidth: Double?, maxLines: Int, alignment: TextMark.Horizontal,
                               _ body: (OpaquePointer, Rect) -> T) -> T {
        let layout = pango_cairo_create_layout(cr)!
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        let context = pango_layout_get_context(layout)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_layout_context_changed(layout)

        let description = pango_font_description_new()!
        defer { pango_font_description_free(description) }
        pango_font_description_set_family(description, Self.family)
        pango_font_description_set_absolute_size(description, style.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(description, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_layout_set_font_description(layout, description)
        pango_layout_set_text(layout, Self.bounded(string), -1)
        if let maxWidth {
            pango_layout_set_width(layout, Int32(min(max(maxWidth, 0), 100_000) * Double(PANGO_SCALE)))
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
            if maxLines > 1 {
                pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
                pango_layout_set_height(layout, Int32(-maxLines))
            }
            switch alignment {
            case .start: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
            case .middle: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
            case .end: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
            }
        }
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        let scale = Double(PANGO_SCALE)
        let rect = Rect(x: Double(logical.x) / scale, y: Double(logical.y) / scale,
                        width: Double(logical.width) / scale, height: Double(logical.height) / scale)
        return body(layout, rect)
    }
}
