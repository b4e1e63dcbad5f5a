import CCairo
import Charts
import Foundation

/// Paints composed pages into a PDF with cairo: fonts embedded as subsets, bookmarks,
/// and title, author and subject in the document information.
public enum PDFExporter {
    public struct Metadata: Sendable {
        public var title: String
        public var author: String
        public var subject: String
        /// `YYYY-MM-DDThh:mm:ss` from SOURCE_DATE_EPOCH, or nil to leave the date out.
        public var date: String?

        public init(title: String, author: String, subject: String, date: String?) {
            (self.title, self.author, self.subject, self.date) = (title, author, subject, date)
        }
    }

    public static func pdf(_ pages: [PageComposer.Page], geometry: PageGeometry, metadata: Metadata) -> [UInt8] {
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
        for (i, page) in pages.enumerated() {
            for title in page.outline {
                cairo_pdf_surface_add_outline(surface, Int32(CAIRO_PDF_OUTLINE_ROOT), title, "page=\(i + 1)", CAIRO_PDF_OUTLINE_FLAG_OPEN)
            }
            ScenePainter.paint(Scene(width: geometry.width, height: geometry.height, title: "", summary: "", marks: page.marks), on: cr)
            cairo_show_page(cr)
        }
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
        return sink.bytes
    }
}
