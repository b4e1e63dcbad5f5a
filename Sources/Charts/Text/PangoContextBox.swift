import CCairo

/// A pango context made for a cairo context with the engine's font options, freed with the engine.
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
