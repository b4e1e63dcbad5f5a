import CCairo
import Charts
import Foundation

/// Paints composed pages into a tagged PDF with cairo: fonts embedded as subsets (slimmed
/// where cairo 1.16 leaves them whole, ``PDFFontStreams``), structure tags in reading order,
/// a nested outline (section → figure or table), and title, author, subject and language in
/// the document information.
public enum PDFExporter {
    public struct Metadata: Sendable {
        public var title: String
        public var author: String
        public var subject: String
        /// `YYYY-MM-DDThh:mm:ss` from SOURCE_DATE_EPOCH, or nil to leave the date out.
        public var date: String?
        /// BCP 47 (`zh-CN`, `en`), for screen readers' voices.
        public var language: String

        public init(title: String, author: String, subject: String, date: String?, language: String) {
            (self.title, self.author, self.subject, self.date, self.language) = (title, author, subject, date, language)
        }
    }

    /// `layouts`: those the pages' text was measured with, to paint it without shaping it again.
    public static func pdf(_ pages: [PDFPage], geometry: PageGeometry, metadata: Metadata, layouts: TextLayouts? = nil) -> [UInt8] {
        let painted = painted(pages, geometry: geometry, metadata: metadata, layouts: layouts)
        return PDFStructureUpdate.append(to: PDFFontStreams.slimmed(painted.pdf), figureAlternatives: painted.figureAlternatives, language: metadata.language)
    }

    /// cairo's PDF of the pages, and the figures' alternative texts in painting order.
    static func painted(_ pages: [PDFPage], geometry: PageGeometry, metadata: Metadata, layouts: TextLayouts? = nil) -> (pdf: [UInt8], figureAlternatives: [String]) {
        let sink = ByteSink()
        let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, Unmanaged.passUnretained(sink).toOpaque(), geometry.width, geometry.height)!
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, metadata.author)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, metadata.subject)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "ReviewPack")
        // cairo stamps the current time unless told a date; an empty one leaves the date out,
        // so builds stay byte-identical and no PDF claims a date it was not made on.
        let date = metadata.date ?? ""
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
        let cr = cairo_create(surface)!
        let canvas = CairoCanvas(context: cr, layouts: layouts)
        var section = Int32(CAIRO_PDF_OUTLINE_ROOT)
        // One Document element holds the whole structure tree, as tagged PDF asks; the
        // running header and footer are its only untagged content.
        canvas.begin(.document)
        for (i, page) in pages.enumerated() {
            for mark in page.outline {
                let destination = "page=\(i + 1) pos=[\(Int(geometry.margin)) \(Int(max(mark.y - 6, 0)))]"
                let parent = mark.level <= 1 ? Int32(CAIRO_PDF_OUTLINE_ROOT) : section
                let id = cairo_pdf_surface_add_outline(surface, parent, mark.title, destination, cairo_pdf_outline_flags_t(rawValue: 0))
                if mark.level <= 1 { section = id }
            }
            canvas.beginPage()
            page.paint(on: canvas)
            if i == pages.count - 1 { canvas.end(.document) }
            cairo_show_page(cr)
        }
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
        return (sink.bytes, canvas.figureAlternatives)
    }
}
