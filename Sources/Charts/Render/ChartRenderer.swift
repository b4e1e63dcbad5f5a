import CCairo
import Foundation

/// Renders a scene to the three formats: SVG (site), PNG (e-mail preview, tests) and,
/// as a one-page PDF; the pack's PDF paints its own pages.
public enum ChartRenderer {
    /// An SVG document with `<title>` and `<desc>` for screen readers.
    public static func svg(_ scene: Scene) -> String {
        let sink = ByteSink()
        let surface = cairo_svg_surface_create_for_stream(ByteSink.write, Unmanaged.passUnretained(sink).toOpaque(),
                                                          scene.width, scene.height)!
        cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1)
        paint(scene, on: surface)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
        var svg = String(decoding: Self.fixedSurfaceIds(sink.bytes), as: UTF8.self)
        // cairo writes no title or description; put them first inside the root element.
        if let open = svg.range(of: "<svg"), let close = svg.range(of: ">", range: open.upperBound..<svg.endIndex) {
            let accessible = "\n<title>\(XMLText.escape(scene.title))</title>\n<desc>\(XMLText.escape(scene.summary))</desc>"
            svg.insert(contentsOf: accessible, at: close.upperBound)
            svg.insert(contentsOf: " role=\"img\"", at: open.upperBound)
        }
        return svg
    }

    /// cairo numbers surfaces with a process-wide counter (`id="surface12"`); `id="chart"`
    /// instead keeps the output reproducible. A byte scan that copies the text between ids
    /// whole: a regular expression over every chart's text took a tenth of the site's
    /// drawing time, and then a copy byte by byte a tenth of what was left.
    static func fixedSurfaceIds(_ bytes: [UInt8]) -> [UInt8] {
        let prefix = Array(#"id="surface"#.utf8), replacement = Array(#"id="chart""#.utf8)
        let quote = UInt8(ascii: "\""), digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = 0, i = 0
        while i < bytes.count {
            guard bytes[i] == prefix[0], bytes[i...].starts(with: prefix) else {
                i += 1
                continue
            }
            var end = i + prefix.count
            while end < bytes.count, digits.contains(bytes[end]) { end += 1 }
            if end > i + prefix.count, end < bytes.count, bytes[end] == quote {
                out += bytes[copied..<i]
                out += replacement
                copied = end + 1
                i = copied
            } else {
                i += 1
            }
        }
        out += bytes[copied...]
        return out
    }

    /// A PNG at `scale` device pixels per unit, on white (opaque, so RGB; ``PNGFile``).
    public static func png(_ scene: Scene, scale: Double = 2) -> [UInt8] {
        let surface = image(scene, scale: scale, format: CAIRO_FORMAT_RGB24)
        defer { cairo_surface_destroy(surface) }
        return PNGFile.rgb(of: surface) ?? []
    }

    /// The scene painted on white on an image surface of `format`, `scale` pixels per unit;
    /// the caller destroys the surface.
    static func image(_ scene: Scene, scale: Double, format: cairo_format_t) -> OpaquePointer {
        let w = Int32((scene.width * scale).rounded(.up)), h = Int32((scene.height * scale).rounded(.up))
        let surface = cairo_image_surface_create(format, w, h)!
        let cr = cairo_create(surface)!
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        ScenePainter.paint(scene, on: CairoCanvas(context: cr))
        cairo_destroy(cr)
        return surface
    }

    /// A one-page PDF of the chart (the gallery and tests; the pack composes its own pages).
    public static func pdf(_ scene: Scene) -> [UInt8] {
        let sink = ByteSink()
        let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, Unmanaged.passUnretained(sink).toOpaque(), scene.width, scene.height)!
        // Without a date cairo would stamp the wall clock; an empty one leaves it out.
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, "")
        paint(scene, on: surface)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
        return sink.bytes
    }

    private static func paint(_ scene: Scene, on surface: OpaquePointer) {
        let cr = cairo_create(surface)!
        ScenePainter.paint(scene, on: CairoCanvas(context: cr))
        cairo_destroy(cr)
    }
}
