import CCairo

/// A pango context made for a cairo context with the engine's font options, freed with the
/// engine. It holds the font map of the thread that made it (pango keeps one per thread), so
/// a canvas is used on the thread that made it, as every canvas of a pack is.
final class PangoContextBox {
    let context: OpaquePointer

    init(cr: OpaquePointer) {
        context = pango_cairo_create_context(cr)!
        let options = TextEngine.fontOptions()
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(context)) }
}
