import CCairo

/// Pango layouts kept from measuring for painting: a label is shaped once, when a chart or
/// page is laid out, and the same layout draws it. Shaping twice was a quarter of a PDF's
/// instructions at 10 k customers (`pango_layout_get_extents`, half of it again at paint).
///
/// Shared only between a canvas that measures and one that paints on a surface with the
/// same transformation (a PDF page: identity), on one thread: a layout belongs to the pango
/// context that made it, and pango keeps its fonts per thread. Not for a chart's SVG: cairo's
/// SVG surface then writes the measuring context's glyphs as a second font beside its own
/// (a trend chart's file grew from 26.7 to 29.2 kB), where the PDF stays byte for byte the same.
public final class TextLayouts {
    /// What a label's layout depends on.
    struct Key: Hashable {
        var string: String
        var size: Double
        var bold: Bool
        var maxWidth: Double?
        var maxLines: Int
        var markup: Bool
        /// Only where a width is set does the alignment change the layout.
        var alignment: TextMark.Horizontal?

        /// The key of `string` laid out as far as the engine lays text out: a field of
        /// megabytes is not hashed whole.
        init(_ string: String, _ style: TextStyle, maxWidth: Double?, maxLines: Int, markup: Bool, alignment: TextMark.Horizontal) {
            (self.string, size, bold) = (markup ? string : TextEngine.bounded(string), style.size, style.bold)
            (self.maxWidth, self.maxLines, self.markup, self.alignment) = (maxWidth, maxLines, markup, maxWidth == nil ? nil : alignment)
        }
    }

    private var layouts: [Key: OpaquePointer] = [:]

    public init() {}

    deinit { for layout in layouts.values { g_object_unref(UnsafeMutableRawPointer(layout)) } }

    /// Layouts kept, and how often one was used again.
    var count: Int { layouts.count }
    private(set) var reuses = 0

    func layout(_ key: Key) -> OpaquePointer? {
        guard let layout = layouts[key] else { return nil }
        reuses += 1
        return layout
    }

    /// Keeps `layout` (a reference is taken) for later uses of `key`.
    func keep(_ layout: OpaquePointer, for key: Key) {
        guard layouts[key] == nil else { return }
        g_object_ref(UnsafeMutableRawPointer(layout))
        layouts[key] = layout
    }
}
