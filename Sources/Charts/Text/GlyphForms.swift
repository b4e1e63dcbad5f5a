import CCairo

/// Text drawn as shapes, one shape per distinct glyph and colour: each glyph's outline is
/// recorded once, at a reference size, and every later use paints that recording, moved and
/// scaled. In a PDF, cairo writes a recording painted this way as one form XObject that
/// each use names, so a label costs a few bytes per glyph instead of its whole outline
/// (the sample's PDF went from 1.17 MB to 0.82 MB, and cairo's page output from most of the
/// PDF's drawing time to a third of it).
///
/// Kept per canvas, so a document's forms live as long as its surface.
final class GlyphForms {
    /// The size outlines are recorded at; uses scale it to theirs.
    private static let referenceSize = 64.0

    private struct Key: Hashable {
        var face: OpaquePointer
        var glyph: UInt
        var color: Color
    }

    private var forms: [Key: OpaquePointer] = [:]
    /// cairo 1.16 writes no PDF page whose first operation paints a form inside a structure
    /// element begun on that page ("invalid tag name, attributes, or nesting"): the first glyph
    /// of every page is drawn as its outline.
    private var outlineNext = true

    /// A new page begins: its first glyph is drawn as an outline.
    func beginPage() { outlineNext = true }

    deinit {
        for (key, form) in forms {
            cairo_surface_destroy(form)
            cairo_font_face_destroy(key.face)
        }
    }

    /// Whether every glyph of `layout` is one a font draws: pango shows the others as boxes
    /// of hex digits, which only its own drawing makes.
    static func canPaint(_ layout: OpaquePointer) -> Bool {
        var known = true
        forEachRun(of: layout) { run, _ in
            let glyphs = run.pointee.glyphs.pointee
            known = known && (0..<Int(glyphs.num_glyphs)).allSatisfy { glyphs.glyphs[$0].glyph & PANGO_GLYPH_UNKNOWN_FLAG == 0 }
        }
        return known
    }

    /// Calls `body` with every glyph run of `layout` and the iterator standing on it.
    private static func forEachRun(of layout: OpaquePointer, _ body: (UnsafeMutablePointer<PangoLayoutRun>, OpaquePointer) -> Void) {
        let iter = pango_layout_get_iter(layout)!
        defer { pango_layout_iter_free(iter) }
        repeat {
            if let run = pango_layout_iter_get_run_readonly(iter) { body(run, iter) }
        } while pango_layout_iter_next_run(iter) != 0
    }

    /// Paints every glyph of `layout` (one that ``canPaint(_:)``), whose top-left corner is at
    /// (`x`, `y`) on `cr`, in `color`.
    func paint(_ layout: OpaquePointer, x: Double, y: Double, color: Color, on cr: OpaquePointer) {
        let scale = Double(PANGO_SCALE)
        Self.forEachRun(of: layout) { run, iter in
            guard let scaledFont = pango_cairo_font_get_scaled_font(OpaquePointer(run.pointee.item.pointee.analysis.font)) else { return }
            var extents = PangoRectangle()
            pango_layout_iter_get_run_extents(iter, nil, &extents)
            let baseline = y + Double(pango_layout_iter_get_baseline(iter)) / scale
            var matrix = cairo_matrix_t()
            cairo_scaled_font_get_font_matrix(scaledFont, &matrix)
            let face = cairo_scaled_font_get_font_face(scaledFont)!
            var advance = x + Double(extents.x) / scale
            let glyphs = run.pointee.glyphs.pointee
            for k in 0..<Int(glyphs.num_glyphs) {
                let info = glyphs.glyphs[k]
                defer { advance += Double(info.geometry.width) / scale }
                guard info.glyph != PANGO_GLYPH_EMPTY else { continue }
                let at = (x: advance + Double(info.geometry.x_offset) / scale, y: baseline + Double(info.geometry.y_offset) / scale)
                cairo_save(cr)
                if outlineNext {
                    var glyph = cairo_glyph_t(index: UInt(info.glyph), x: at.x, y: at.y)
                    cairo_set_scaled_font(cr, scaledFont)
                    cairo_glyph_path(cr, &glyph, 1)
                    cairo_set_source_rgba(cr, color.r, color.g, color.b, color.a)
                    cairo_fill(cr)
                    outlineNext = false
                } else {
                    let form = self.form(Key(face: face, glyph: UInt(info.glyph), color: color))
                    // The form at the reference size, through the font's own matrix (its size,
                    // and a slant where the face is made oblique).
                    cairo_translate(cr, at.x, at.y)
                    cairo_transform(cr, &matrix)
                    cairo_scale(cr, 1 / Self.referenceSize, 1 / Self.referenceSize)
                    cairo_set_source_surface(cr, form, 0, 0)
                    cairo_paint(cr)
                }
                cairo_restore(cr)
            }
        }
    }

    /// The glyph's outline filled in the colour, its origin on the baseline at (0, 0).
    private func form(_ key: Key) -> OpaquePointer {
        if let form = forms[key] { return form }
        let options = TextEngine.fontOptions()
        var fontMatrix = cairo_matrix_t(), identity = cairo_matrix_t()
        cairo_matrix_init_scale(&fontMatrix, Self.referenceSize, Self.referenceSize)
        cairo_matrix_init_identity(&identity)
        let font = cairo_scaled_font_create(key.face, &fontMatrix, &identity, options)!
        cairo_font_options_destroy(options)
        defer { cairo_scaled_font_destroy(font) }
        var glyph = cairo_glyph_t(index: key.glyph, x: 0, y: 0)
        var ink = cairo_text_extents_t()
        cairo_scaled_font_glyph_extents(font, &glyph, 1, &ink)
        var bounds = cairo_rectangle_t(x: ink.x_bearing.rounded(.down) - 1, y: ink.y_bearing.rounded(.down) - 1,
                                       width: ink.width.rounded(.up) + 3, height: ink.height.rounded(.up) + 3)
        let form = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &bounds)!
        let cr = cairo_create(form)!
        cairo_set_scaled_font(cr, font)
        cairo_set_source_rgba(cr, key.color.r, key.color.g, key.color.b, key.color.a)
        cairo_glyph_path(cr, &glyph, 1)
        cairo_fill(cr)
        cairo_destroy(cr)
        // Held while the form is: a face freed and another made at its address would find this form.
        cairo_font_face_reference(key.face)
        forms[key] = form
        return form
    }
}
