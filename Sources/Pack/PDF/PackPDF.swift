import Charts

/// The leadership PDF of a pack document.
public enum PackPDF {
    public static func render(_ document: PackDocument, date: String?, theme: Theme = .standard) -> [UInt8] {
        let geometry = PageGeometry()
        // The pages are painted with the layouts their measuring made: a label is shaped once
        // (again only when it is drawn aligned otherwise within its width).
        let layouts = TextLayouts()
        let placer = TextPlacer(keeping: layouts)
        let assembler = PDFAssembler(document: document, geometry: geometry, theme: theme, placer: placer)
        let composer = PageComposer(geometry: geometry, theme: theme, placer: placer)
        let pages = composer.compose(cover: assembler.cover(), flow: assembler.flow())
        let decorated = composer.decorate(pages, header: "\(document.company) · \(document.title) · \(document.monthLabel)",
                                          footer: document.colophon, hasCover: true)
        return PDFExporter.pdf(decorated, geometry: geometry,
                               metadata: .init(title: "\(document.company) \(document.title) \(document.monthLabel)",
                                               author: document.company, subject: document.month, date: date,
                                               language: document.language.isChinese ? "zh-CN" : "en"), layouts: layouts)
    }
}
