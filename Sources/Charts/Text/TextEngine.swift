import Foundation
import CCairo

/// Lays out strings with pango on a cairo context: the same layout measures text while
/// a chart is built and draws it while the chart is painted, so sizes always agree.
///
/// Hinting is off and sizes are absolute, so a layout is identical on SVG, PDF and PNG
/// surfaces. The family is Noto Sans CJK SC, which covers Chinese and Latin text.
struct TextEngine {
    static let family = "Noto Sans CJK SC"

    let cr: OpaquePointer
    /// Where text drawn as shapes keeps each glyph's outline; nil draws every outline in full.
    let glyphForms: GlyphForms?
    /// pango's context for `cr`, made once: a context per layout (`pango_cairo_create_layout`)
    /// cost its making and its font options on every label, 2.5 % of a 10 k build's instructions.
    private let pango: PangoContextBox
    /// Layouts shaped before, by this engine or one it shares them with; nil shapes every time.
    let layouts: TextLayouts?

    /// An engine that measures on and draws to `context`.
    init(context: OpaquePointer, glyphForms: GlyphForms? = nil, layouts: TextLayouts? = nil) {
        (cr, self.glyphForms, self.layouts) = (context, glyphForms, layouts)
        pango = PangoContextBox(cr: context)
    }

    /// The size a string takes: width of its widest line and total height.
    func measure(_ string: String, style: TextStyle, maxWidth: Double? = nil, maxLines: Int = 1, markup: Bool = false,
                 alignment: TextMark.Horizontal = .start) -> Size {
        withLayout(string, style: style, maxWidth: maxWidth, maxLines: maxLines, alignment: alignment, markup: markup) { _, logical in
            Size(width: logical.width, height: logical.height)
        }
    }

    /// Draws `text` at its anchor.
    func draw(_ text: TextMark) {
        withLayout(text.string, style: text.style, maxWidth: text.maxWidth, maxLines: text.maxLines, alignment: text.horizontal, markup: text.markup) { layout, logical in
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
            if text.drawnAsShapes, !text.markup, let glyphForms, GlyphForms.canPaint(layout) {
                glyphForms.paint(layout, x: x - logical.x, y: y - logical.y, color: c, on: cr)
            } else {
                cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a)
                cairo_move_to(cr, x - logical.x, y - logical.y)
                if text.drawnAsShapes {
                    pango_cairo_layout_path(cr, layout)
                    cairo_fill(cr)
                } else {
                    pango_cairo_show_layout(cr, layout)
                }
            }
            for link in text.links { tag(link, layout: layout, originX: x - logical.x, originY: y - logical.y) }
        }
    }

    /// A PDF link annotation over every line piece of the link's text (cairo's tag API;
    /// SVG and PNG surfaces ignore it).
    private func tag(_ link: TextLink, layout: OpaquePointer, originX: Double, originY: Double) {
        let scale = Double(PANGO_SCALE)
        var rects: [String] = []
        let iter = pango_layout_get_iter(layout)!
        defer { pango_layout_iter_free(iter) }
        repeat {
            guard let line = pango_layout_iter_get_line_readonly(iter) else { continue }
            var extents = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &extents)
            var ranges: UnsafeMutablePointer<Int32>?
            var count: Int32 = 0
            pango_layout_line_get_x_ranges(line, Int32(link.start), Int32(link.end), &ranges, &count)
            for k in 0..<Int(count) {
                let x0 = Double(ranges![2 * k]) / scale, x1 = Double(ranges![2 * k + 1]) / scale
                guard x1 > x0 else { continue }
                rects.append(String(format: "%.2f %.2f %.2f %.2f", originX + x0, originY + Double(extents.y) / scale, x1 - x0, Double(extents.height) / scale))
            }
            g_free(ranges)
        } while pango_layout_iter_next_line(iter) != 0
        guard !rects.isEmpty else { return }
        let uri = link.uri.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        cairo_tag_begin(cr, CAIRO_TAG_LINK, "rect=[\(rects.joined(separator: " "))] uri='\(uri)'")
        cairo_tag_end(cr, CAIRO_TAG_LINK)
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

    /// Unhinted metrics and outlines, so that text has one layout on every surface; the
    /// caller destroys the options.
    static func fontOptions() -> OpaquePointer {
        let options = cairo_font_options_create()!
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        return options
    }

    private func withLayout<T>(_ string: String, style: TextStyle, maxWidth: Double?, maxLines: Int, alignment: TextMark.Horizontal,
                               markup: Bool = false, _ body: (OpaquePointer, Rect) -> T) -> T {
        let key = TextLayouts.Key(string, style, maxWidth: maxWidth, maxLines: maxLines, markup: markup, alignment: alignment)
        let layout: OpaquePointer
        if let kept = layouts?.layout(key) {
            layout = kept
            g_object_ref(UnsafeMutableRawPointer(layout))
        } else {
            layout = newLayout(key.string, style: style, maxWidth: maxWidth, maxLines: maxLines, alignment: alignment, markup: markup)
            layouts?.keep(layout, for: key)
        }
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        let scale = Double(PANGO_SCALE)
        let rect = Rect(x: Double(logical.x) / scale, y: Double(logical.y) / scale,
                        width: Double(logical.width) / scale, height: Double(logical.height) / scale)
        return body(layout, rect)
    }

    /// A layout of `text` (bounded already, or markup) in the engine's context, which
    /// follows `cr` (its transformation and surface), as a new context would.
    private func newLayout(_ text: String, style: TextStyle, maxWidth: Double?, maxLines: Int, alignment: TextMark.Horizontal, markup: Bool) -> OpaquePointer {
        pango_cairo_update_context(cr, pango.context)
        let layout = pango_layout_new(pango.context)!

        let description = pango_font_description_new()!
        defer { pango_font_description_free(description) }
        pango_font_description_set_family(description, Self.family)
        pango_font_description_set_absolute_size(description, style.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(description, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_layout_set_font_description(layout, description)
        // Markup is the pack's own (escaped commentary), bounded where it is read.
        if markup { pango_layout_set_markup(layout, text, -1) } else { pango_layout_set_text(layout, text, -1) }
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
        return layout
    }
}
