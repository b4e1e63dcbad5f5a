import Charts

/// The pages being filled: the current page, where the next box goes, and the structure
/// elements (a table, a list) open across a page break, which are closed at the bottom of
/// one page and opened again at the top of the next, so that no element spans the running
/// header and footer painted between them.
struct PageSequence {
    let geometry: PageGeometry
    private(set) var pages: [PDFPage] = []
    var page = PDFPage()
    var y: Double
    private var open: [StructureTag] = []

    init(geometry: PageGeometry, cover: PDFPage?) {
        self.geometry = geometry
        y = geometry.contentTop
        if let cover { pages.append(cover) }
    }

    var isPageEmpty: Bool { page.marks.isEmpty }
    var room: Double { geometry.contentBottom - y }
    var frameHeight: Double { geometry.contentBottom - geometry.contentTop }

    mutating func newPage() {
        for tag in open.reversed() { page.close(tag) }
        pages.append(page)
        page = PDFPage()
        y = geometry.contentTop
        for tag in open { page.open(tag) }
    }

    /// Starts a new page unless `height` fits in what is left of this one (or this one is empty).
    mutating func ensure(_ height: Double) {
        if height > room, !isPageEmpty { newPage() }
    }

    mutating func begin(_ tag: StructureTag) {
        page.open(tag)
        open.append(tag)
    }

    mutating func end(_ tag: StructureTag) {
        page.close(tag)
        if let i = open.lastIndex(of: tag) { open.remove(at: i) }
    }

    mutating func bookmark(_ title: String, level: Int) {
        page.outline.append(PDFPage.Bookmark(title: title, level: level, y: y))
    }

    /// The pages so far and the one being filled.
    mutating func finish() -> [PDFPage] {
        for tag in open.reversed() { page.close(tag) }
        open = []
        if !page.marks.isEmpty { pages.append(page) }
        page = PDFPage()
        return pages
    }
}
